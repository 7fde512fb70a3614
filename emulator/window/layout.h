#pragma once
// Where things are in the window: the skin drawn at an integer scale (nearest neighbour, so
// each skin pixel is a scale x scale block), window pixels back to skin pixels, and which
// button a click lands on. Pure arithmetic on the skin: no SDL.
#include <optional>

#include "emulator/skin.h"
#include "hal/display.h"
#include "hal/input.h"

namespace swivel::emulator::window {

inline constexpr int kMinScale = 1, kMaxScale = 3;

bool ValidScale(int scale);
// 1 -> 2 -> 3 -> 1 (what the scale hotkey does).
int NextScale(int scale);

struct Size {
  int32_t width = 0, height = 0;
  bool operator==(const Size&) const = default;
};
struct Point {
  int32_t x = 0, y = 0;
  bool operator==(const Point&) const = default;
};

// The window fits both body images (open and shut) at `scale`; they are drawn at its top left.
Size WindowSize(Size body, std::optional<Size> body_shut, int scale);
// A rectangle of the skin in window pixels.
hal::Rect Scaled(const hal::Rect& r, int scale);
// The skin pixel under a window pixel.
Point ToSkin(Point window, int scale);
bool Contains(const hal::Rect& r, Point p);

// The QWERTY part of the handset (characters, Enter, Backspace, Space, Shift, Alt): hidden
// under the screen while the lid is shut.
bool OnKeyboard(hal::Key key);

// The skin's button under a skin pixel, or null. With the lid shut the keyboard's buttons
// cannot be pressed; the corner buttons, d-pad and side buttons can. When hotspots overlap,
// the first one in skin.conf wins.
const SkinButton* ButtonAt(const Skin& skin, Point skin_pixel, hal::LidState lid);

// The screen's place in the skin with the lid at rest.
const hal::Rect& ScreenRect(const Skin& skin, hal::LidState lid);

}  // namespace swivel::emulator::window
