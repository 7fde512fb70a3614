#pragma once
// A skin: how a handset looks in the emulator window. skins/NAME/skin.conf says it, one
// `key = value` a line (# starts a comment):
//
//   name = Swivel Classic           shown in the window title
//   carrier = Lumen Mobile          the carrier name on the status bar
//   profile = classic               the device profile (hal/sim): screen size, flash
//   body = body.png                 the handset, lid open
//   body_shut = body_shut.png       optional: the handset with the lid swivelled shut,
//                                   the same size as body, its own buttons where they are
//                                   in body
//   boot_logo = logo.png            optional: shown while the handset boots
//   screen = X Y W H                where the screen sits in the body image; W x H must be
//                                   the profile's screen size
//   screen_shut = X Y W H           optional: where it sits in body_shut (default: screen);
//                                   the picture turns with the lid, so it is upright both ways
//   button KEY = X Y W H            a clickable hotspot in the body image for a key, named
//                                   as a script's press names it: a key name (Jump, Menu,
//                                   Back, Cancel, Up, Select, PageUp, Shoulder-Left,
//                                   Volume-Up, Power, Enter, Shift, ...) or one character
//                                   (a QWERTY key: a, 7, @). With the lid shut the same
//                                   hotspots apply to body_shut, but for the keyboard's
//                                   (characters, Enter, Backspace, Space, Shift, Alt): the
//                                   lid covers those
//   theme.NAME = #RRGGBB            colour overrides for carrier branding: background,
//                                   text, accent, highlight, status_bar, status_text
//   theme.font_size = N             base text size in pixels (6..48)
//
// A broken skin is refused whole with "FILE:LINE: what is wrong" (or "FILE: ..." for what
// no single line says, like a missing key); the files it names must exist.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "emulator/script.h"
#include "hal/display.h"

namespace swivel::emulator {

struct SkinButton {
  KeyStroke key;
  hal::Rect hotspot;
};

struct Skin {
  std::string dir;  // the folder holding skin.conf and the images
  std::string name, carrier, profile;
  std::string body, body_shut, boot_logo;  // paths as written, relative to dir
  hal::Rect screen;
  hal::Rect screen_shut;  // `screen` when the skin does not say
  std::vector<SkinButton> buttons;
  std::map<std::string, uint32_t> theme_colors;  // 0xRRGGBB by name
  std::optional<int> font_size;
};

struct SkinResult {
  Skin skin;
  std::string error;  // empty when the skin is good
  bool ok() const { return error.empty(); }
};

// Parses skin.conf text. `file` names it in errors; `screen_size` gives a profile's screen
// size by name (nothing for an unknown profile).
struct ScreenSize { uint32_t width = 0, height = 0; };
SkinResult ParseSkin(std::string_view text, std::string_view file,
                     const std::function<std::optional<ScreenSize>(std::string_view)>& screen_size);

// Reads DIR/skin.conf, parses it against the simulator's device profiles, and checks that
// the images it names exist.
SkinResult LoadSkin(const std::string& dir);

}  // namespace swivel::emulator
