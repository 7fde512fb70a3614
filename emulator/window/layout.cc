#include "emulator/window/layout.h"

#include <algorithm>

namespace swivel::emulator::window {

bool ValidScale(int scale) { return scale >= kMinScale && scale <= kMaxScale; }

int NextScale(int scale) { return scale >= kMaxScale || scale < kMinScale ? kMinScale : scale + 1; }

Size WindowSize(Size body, std::optional<Size> body_shut, int scale) {
  Size s = body;
  if (body_shut) s = {std::max(s.width, body_shut->width), std::max(s.height, body_shut->height)};
  return {s.width * scale, s.height * scale};
}

hal::Rect Scaled(const hal::Rect& r, int scale) {
  return {r.x * scale, r.y * scale, r.width * scale, r.height * scale};
}

namespace {
int32_t FloorDiv(int32_t a, int32_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }
}  // namespace

Point ToSkin(Point window, int scale) { return {FloorDiv(window.x, scale), FloorDiv(window.y, scale)}; }

bool Contains(const hal::Rect& r, Point p) {
  return p.x >= r.x && p.y >= r.y && p.x < r.x + r.width && p.y < r.y + r.height;
}

bool OnKeyboard(hal::Key key) {
  switch (key) {
    case hal::Key::kCharacter:
    case hal::Key::kEnter:
    case hal::Key::kBackspace:
    case hal::Key::kSpace:
    case hal::Key::kShift:
    case hal::Key::kAlt:
      return true;
    default:
      return false;
  }
}

const SkinButton* ButtonAt(const Skin& skin, Point skin_pixel, hal::LidState lid) {
  for (const SkinButton& b : skin.buttons) {
    if (lid == hal::LidState::kShut && OnKeyboard(b.key.key)) continue;
    if (Contains(b.hotspot, skin_pixel)) return &b;
  }
  return nullptr;
}

const hal::Rect& ScreenRect(const Skin& skin, hal::LidState lid) {
  return lid == hal::LidState::kShut ? skin.screen_shut : skin.screen;
}

}  // namespace swivel::emulator::window
