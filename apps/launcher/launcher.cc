#include "apps/launcher/launcher.h"

namespace swivel::apps {

Launcher::Launcher(os::kernel::AppManager& apps, std::vector<LauncherEntry> entries,
                   hal::Rect screen)
    : apps_(apps), entries_(std::move(entries)) {
  root_.set_bounds(screen);
  // Tiles keep their size however few apps there are; rows start at the top.
  const int cell_w = screen.width / kColumns, cell_h = LauncherTile::kHeight;
  for (size_t i = 0; i < entries_.size(); ++i) {
    const int col = int(i) % kColumns, row = int(i) / kColumns;
    tiles_.push_back(&root_.Add(std::make_unique<LauncherTile>(
        entries_[i].app, entries_[i].title,
        hal::Rect{screen.x + col * cell_w, screen.y + 4 + row * cell_h, cell_w, cell_h})));
  }
  focus_.Reset();
}

void Launcher::OnResume() {
  for (size_t i = 0; i < entries_.size(); ++i)
    tiles_[i]->news().set_text(entries_[i].news ? entries_[i].news() : "");
}

bool Launcher::OnKey(const hal::InputEvent& e) {
  const bool open = e.type == hal::InputEvent::Type::kKeyDown &&
                    (e.key == hal::Key::kSelect || e.key == hal::Key::kEnter);
  if (open && focus_.focused()) {
    for (size_t i = 0; i < entries_.size(); ++i)
      if (tiles_[i] == focus_.focused()) return apps_.Launch(entries_[i].app);
  }
  return focus_.Route(e);
}

}  // namespace swivel::apps
