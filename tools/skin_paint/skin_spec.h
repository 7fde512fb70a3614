#pragma once
// The skins swivel-skin-paint makes: for each, what skin.conf says about it (names, device
// profile, the carrier's theme) and how it looks (proportions, palette, logo).
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "os/gfx/color.h"

namespace swivel::tools::skin_paint {

using os::gfx::Color;

// Proportions in image pixels. The screen size comes from the device profile.
struct Proportions {
  int32_t top_margin;     // above the body: room for the shoulder buttons
  int32_t side_margin;    // left and right of the body: room for volume and power
  int32_t wing_width;     // each side column beside the lid (corner buttons, d-pad, wheel)
  int32_t body_radius;
  int32_t bezel;          // the lid's frame left, right and above the screen
  int32_t chin;           // the lid's frame below the screen, where the carrier logo is
  int32_t lid_gap;        // between the body's top edge and the open lid
  int32_t keyboard_gap;   // between the open lid and the keyboard
  int32_t key_pitch;      // height of one keyboard row
  int32_t keyboard_pad;   // around the keys, inside the key bed
  int32_t bottom_gap;     // below the keyboard
  double key_font;        // key letters, in pixels
  double label_font;      // button and small key labels
};

struct Palette {
  Color body_top, body_bottom, body_edge, body_shine;
  Color lid_top, lid_bottom, lid_edge, screen;
  Color key_bed, key_top, key_bottom, key_edge, key_label, key_special;
  Color button_top, button_bottom, button_edge, button_label;
  Color accent, accent_dark;  // the carrier's colours
  Color logo_text;            // the carrier name on the dark lid
  Color boot_top, boot_bottom, boot_text;
};

enum class Selector { kWheel, kTrackball };  // what sits between page-up and page-down
enum class LogoMark { kSun, kCompass };

struct SkinSpec {
  std::string folder;   // skins/<folder>
  std::string name;     // "Swivel Classic"
  std::string model;    // printed on the body: "CLASSIC"
  std::string carrier;  // "Lumen Mobile"
  std::string carrier_first, carrier_second;  // the logo's two words, bold then light
  std::string profile;  // hal/sim device profile
  Proportions size;
  Palette colors;
  Selector selector;
  LogoMark mark;
  std::vector<std::pair<std::string, uint32_t>> theme;  // theme.NAME = #RRGGBB, in order
  int font_size;
};

const std::vector<SkinSpec>& AllSkins();
const SkinSpec* FindSkin(const std::string& folder);  // nullptr when there is none

}  // namespace swivel::tools::skin_paint
