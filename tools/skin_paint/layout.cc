#include "tools/skin_paint/layout.h"

#include <cmath>
#include <stdexcept>

#include "hal/input.h"

namespace swivel::tools::skin_paint {
namespace {

int32_t Round(double v) { return int32_t(std::lround(v)); }
int32_t Right(const Rect& r) { return r.x + r.width; }
int32_t Bottom(const Rect& r) { return r.y + r.height; }
std::string Name(hal::Key key) { return std::string(hal::ToString(key)); }

// One keyboard key: its skin.conf name, its printed label and its width in key units (each
// row is 10 units wide).
struct KeyDef {
  std::string key, label;
  double units = 1;
};

std::vector<std::vector<KeyDef>> KeyRows() {
  std::vector<std::vector<KeyDef>> rows(5);
  for (char c : std::string("1234567890")) rows[0].push_back({std::string(1, c), std::string(1, c)});
  auto letters = [](const std::string& s, std::vector<KeyDef>& row) {
    for (char c : s) row.push_back({std::string(1, c), std::string(1, char(c - 'a' + 'A'))});
  };
  letters("qwertyuiop", rows[1]);
  letters("asdfghjkl", rows[2]);
  rows[2].push_back({Name(hal::Key::kBackspace), "del"});
  rows[3].push_back({Name(hal::Key::kShift), "shift", 1.5});
  letters("zxcvbnm", rows[3]);
  rows[3].push_back({Name(hal::Key::kEnter), "enter", 1.5});
  rows[4] = {{Name(hal::Key::kAlt), "alt", 1.5}, {",", ","},     {Name(hal::Key::kSpace), "", 4},
             {".", "."},                          {"@", "@"},     {"?", "?", 1.5}};
  return rows;
}

}  // namespace

const Hotspot* Find(const std::vector<Hotspot>& spots, const std::string& key) {
  for (const Hotspot& h : spots)
    if (h.key == key) return &h;
  return nullptr;
}

HandsetLayout LayOut(const SkinSpec& spec, int32_t screen_width, int32_t screen_height) {
  const Proportions& p = spec.size;
  HandsetLayout l;
  const int32_t lid_w = screen_width + 2 * p.bezel, lid_h = p.bezel + screen_height + p.chin;
  const int32_t wing = p.wing_width;

  // The body's columns: wing, lid (and keyboard under it), wing.
  l.body = {p.side_margin, p.top_margin, 2 * wing + lid_w, 0};
  l.lid_open = {l.body.x + wing, l.body.y + p.lid_gap, lid_w, lid_h};
  l.screen_open = {l.lid_open.x + p.bezel, l.lid_open.y + p.bezel, screen_width, screen_height};
  l.keyboard = {l.lid_open.x, Bottom(l.lid_open) + p.keyboard_gap, lid_w,
                2 * p.keyboard_pad + 5 * p.key_pitch};
  l.body.height = Bottom(l.keyboard) + p.bottom_gap - l.body.y;
  l.width = Right(l.body) + p.side_margin;
  l.height = Bottom(l.body);

  // Shut, the lid's bottom edge is where the keyboard's is; it must hide all of it.
  l.lid_shut = {l.lid_open.x, Bottom(l.keyboard) - lid_h, lid_w, lid_h};
  if (l.lid_shut.y > l.keyboard.y)
    throw std::logic_error(spec.name + ": the shut lid does not cover the keyboard");
  l.screen_shut = {l.lid_shut.x + p.bezel, l.lid_shut.y + p.bezel, screen_width, screen_height};
  const int32_t above = l.lid_shut.y - l.lid_open.y;  // the body the lid uncovers when shut
  l.grille = {l.lid_shut.x + lid_w / 4, l.lid_open.y + Round(above * 0.18), lid_w / 2,
              Round(above * 0.22)};
  l.model_plate = {l.lid_shut.x, Bottom(l.grille) + Round(above * 0.12), lid_w,
                   Round(above * 0.3)};

  // The four corner buttons, inset from the body's corners.
  const int32_t inset = Round(wing * 0.2);
  const int32_t bw = wing - inset - Round(wing * 0.1), bh = Round(wing * 0.34);
  const int32_t left_x = l.body.x + inset, right_x = Right(l.body) - inset - bw;
  const int32_t top_y = l.body.y + inset, bottom_y = Bottom(l.body) - inset - bh;
  l.buttons.push_back({Name(hal::Key::kJump), "JUMP", {left_x, top_y, bw, bh}});
  l.buttons.push_back({Name(hal::Key::kMenu), "MENU", {right_x, top_y, bw, bh}});
  l.buttons.push_back({Name(hal::Key::kBack), "BACK", {left_x, bottom_y, bw, bh}});
  l.buttons.push_back({Name(hal::Key::kCancel), "CANCEL", {right_x, bottom_y, bw, bh}});

  // The d-pad, centred in the left column; its four arrows are separate hotspots.
  const int32_t middle = (top_y + bh + bottom_y) / 2;
  const int32_t d = wing - 2 * Round(wing * 0.12);
  const int32_t left_cx = l.body.x + wing / 2;
  l.dpad = {left_cx - d / 2, middle - d / 2, d, d};
  // Each arrow's hotspot is a band from the pad's edge towards the middle; w + 2 h = d, so
  // the four meet at their corners without overlapping and leave the hub between them.
  const int32_t aw = Round(d * 0.4), ah = (d - aw) / 2;
  l.buttons.push_back({Name(hal::Key::kUp), "", {left_cx - aw / 2, l.dpad.y, aw, ah}});
  l.buttons.push_back({Name(hal::Key::kDown), "", {left_cx - aw / 2, Bottom(l.dpad) - ah, aw, ah}});
  l.buttons.push_back({Name(hal::Key::kLeft), "", {l.dpad.x, middle - aw / 2, ah, aw}});
  l.buttons.push_back({Name(hal::Key::kRight), "", {Right(l.dpad) - ah, middle - aw / 2, ah, aw}});

  // The wheel or trackball (select) in the right column, between page-up and page-down.
  const int32_t right_cx = Right(l.body) - wing / 2;
  Rect select;
  if (spec.selector == Selector::kWheel) {
    const int32_t w = Round(wing * 0.26), h = Round(wing * 0.56);
    select = {right_cx - w / 2, middle - h / 2, w, h};
  } else {
    const int32_t ball = Round(wing * 0.38);
    select = {right_cx - ball / 2, middle - ball / 2, ball, ball};
  }
  l.buttons.push_back({Name(hal::Key::kSelect), "", select});
  const int32_t pw = Round(wing * 0.5), ph = Round(wing * 0.2), pgap = Round(wing * 0.08);
  l.buttons.push_back({Name(hal::Key::kPageUp), "", {right_cx - pw / 2, select.y - pgap - ph, pw, ph}});
  l.buttons.push_back({Name(hal::Key::kPageDown), "", {right_cx - pw / 2, Bottom(select) + pgap, pw, ph}});

  // Shoulder buttons stick out of the top edge; the hotspot reaches a little into the body.
  const int32_t sw = Round(wing * 0.8), sx = l.body.x + p.body_radius;
  l.buttons.push_back({Name(hal::Key::kShoulderLeft), "", {sx, 0, sw, p.top_margin + 4}});
  l.buttons.push_back(
      {Name(hal::Key::kShoulderRight), "", {Right(l.body) - p.body_radius - sw, 0, sw, p.top_margin + 4}});

  // Volume (a pair) on the left side, power on the right, level with the top of the d-pad.
  const int32_t side_w = p.side_margin + 4, vh = Round(l.body.height * 0.09);
  const int32_t vy = l.dpad.y - vh - 2;
  l.buttons.push_back({Name(hal::Key::kVolumeUp), "", {0, vy - vh - 2, side_w, vh}});
  l.buttons.push_back({Name(hal::Key::kVolumeDown), "", {0, vy, side_w, vh}});
  l.buttons.push_back({Name(hal::Key::kPower), "", {l.width - side_w, vy - vh / 2, side_w, vh}});

  // The keyboard: rows of 10 units, each key a little smaller than its cell.
  const double unit = double(lid_w - 2 * p.keyboard_pad) / 10.0;
  const int32_t gap = std::max(2, Round(unit * 0.1));
  const auto rows = KeyRows();
  for (size_t r = 0; r < rows.size(); ++r) {
    const int32_t y = l.keyboard.y + p.keyboard_pad + int32_t(r) * p.key_pitch;
    double at = 0;
    for (const KeyDef& k : rows[r]) {
      const int32_t x0 = l.keyboard.x + p.keyboard_pad + Round(at * unit);
      at += k.units;
      const int32_t x1 = l.keyboard.x + p.keyboard_pad + Round(at * unit);
      l.keys.push_back({k.key, k.label, {x0 + gap / 2, y + gap / 2, x1 - x0 - gap, p.key_pitch - gap}});
    }
  }
  return l;
}

}  // namespace swivel::tools::skin_paint
