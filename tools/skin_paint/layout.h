#pragma once
// Where everything on a handset image goes, computed once from a SkinSpec: the painter
// draws these rectangles and skin.conf lists them as hotspots, so the two cannot disagree.
//
// The handset, front view, lid open:
//
//        [shoulder]                               [shoulder]
//   +--------------------------------------------------------+
//   | JUMP  |           lid: screen, carrier logo    |  MENU |
//  v|       |                                        |  PgUp |
//  o| d-pad |                                        | wheel |p
//  l|       |                                        |  PgDn |w
//   |       |           keyboard (5 rows)            |       |r
//   | BACK  |                                        | CANCEL|
//   +--------------------------------------------------------+
//
// Shut, the lid lies over the keyboard (its bottom where the keyboard's is) and the body
// above it shows a speaker grille and the model name. The side columns, shoulders and side
// buttons do not move, so both images share every hotspot but the keyboard's.
#include <cstdint>
#include <string>
#include <vector>

#include "hal/display.h"
#include "tools/skin_paint/skin_spec.h"

namespace swivel::tools::skin_paint {

using Rect = hal::Rect;

struct Hotspot {
  std::string key;    // as skin.conf names it: a hal::Key name ("jump") or one character ("q")
  std::string label;  // what is printed on it; empty for nothing
  Rect rect;
};

struct HandsetLayout {
  int32_t width = 0, height = 0;  // the image
  Rect body;                      // the main rounded shape (shoulders and side keys stick out)
  Rect lid_open, lid_shut;        // the swivelling lid: screen plus frame
  Rect screen_open, screen_shut;  // the profile's screen size
  Rect keyboard;                  // the key bed
  Rect dpad;                      // the round pad around the four arrows
  Rect grille;                    // shut: the speaker above the lid
  Rect model_plate;               // shut: the model name, under the grille
  std::vector<Hotspot> buttons;   // the handset's own buttons: the same open and shut
  std::vector<Hotspot> keys;      // the keyboard: only with the lid open
};

// screen_width x screen_height is the device profile's screen.
HandsetLayout LayOut(const SkinSpec& spec, int32_t screen_width, int32_t screen_height);

// The hotspot for `key`, or nullptr.
const Hotspot* Find(const std::vector<Hotspot>& spots, const std::string& key);

}  // namespace swivel::tools::skin_paint
