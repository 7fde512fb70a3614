#include "os/ui/focus.h"

#include <cstdlib>
#include <limits>
#include <vector>

namespace swivel::os::ui {
namespace {

void Collect(Widget& w, std::vector<Widget*>& out) {
  if (!w.visible()) return;
  if (w.focusable()) out.push_back(&w);
  for (const auto& c : w.children()) Collect(*c, out);
}

}  // namespace

bool Focus::Set(Widget* w) {
  if (!w || !w->focusable()) return false;
  focused_ = w;
  return true;
}

void Focus::Reset() {
  std::vector<Widget*> all;
  Collect(root_, all);
  focused_ = all.empty() ? nullptr : all.front();
}

bool Focus::Move(Direction d) {
  if (!focused_ || !focused_->focusable()) {
    Reset();
    return focused_ != nullptr;
  }
  std::vector<Widget*> all;
  Collect(root_, all);
  const auto& from = focused_->bounds();
  const int64_t fx = from.x * 2 + from.width, fy = from.y * 2 + from.height;  // centres, x2
  Widget* best = nullptr;
  int64_t best_score = std::numeric_limits<int64_t>::max();
  for (Widget* w : all) {
    if (w == focused_) continue;
    const auto& b = w->bounds();
    const int64_t dx = b.x * 2 + b.width - fx, dy = b.y * 2 + b.height - fy;
    int64_t ahead = 0, side = 0;
    switch (d) {
      case Direction::kUp: ahead = -dy, side = dx; break;
      case Direction::kDown: ahead = dy, side = dx; break;
      case Direction::kLeft: ahead = -dx, side = dy; break;
      case Direction::kRight: ahead = dx, side = dy; break;
    }
    if (ahead <= 0) continue;
    const int64_t score = ahead + 2 * std::llabs(side);
    if (score < best_score) best_score = score, best = w;
  }
  if (!best) return false;
  focused_ = best;
  return true;
}

bool Focus::Route(const hal::InputEvent& e) {
  if (!focused_ || !focused_->focusable()) Reset();
  for (Widget* w = focused_; w; w = w->parent())
    if (w->OnKey(e)) return true;
  if (e.type != hal::InputEvent::Type::kKeyDown) return false;
  switch (e.key) {
    case hal::Key::kUp: return Move(Direction::kUp);
    case hal::Key::kDown: return Move(Direction::kDown);
    case hal::Key::kLeft: return Move(Direction::kLeft);
    case hal::Key::kRight: return Move(Direction::kRight);
    default: return false;
  }
}

}  // namespace swivel::os::ui
