#include "tools/skin_paint/parts.h"

#include <algorithm>

#include "tools/skin_paint/logo.h"
#include "tools/skin_paint/shade.h"

namespace swivel::tools::skin_paint {
namespace {

// A raised part: a dark edge, then a top-lit gradient inside it.
void Raised(Surface& s, const Box& b, double radius, Color top, Color bottom, Color edge) {
  s.Fill(b, radius, edge);
  s.Fill(Inset(b, 1), std::max(0.0, radius - 1),
         Gradient{{0, Lighten(top, 0.25)}, {0.12, top}, {1, bottom}});
}

}  // namespace

void DrawArrow(Surface& s, double cx, double cy, double size, Direction to, Color c) {
  const double h = size / 2, w = size * 0.45;  // w: half the base
  PointF tri[3];
  switch (to) {
    case Direction::kUp: tri[0] = {cx, cy - h * 0.8}, tri[1] = {cx - w, cy + h * 0.6}, tri[2] = {cx + w, cy + h * 0.6}; break;
    case Direction::kDown: tri[0] = {cx, cy + h * 0.8}, tri[1] = {cx - w, cy - h * 0.6}, tri[2] = {cx + w, cy - h * 0.6}; break;
    case Direction::kLeft: tri[0] = {cx - h * 0.8, cy}, tri[1] = {cx + h * 0.6, cy - w}, tri[2] = {cx + h * 0.6, cy + w}; break;
    case Direction::kRight: tri[0] = {cx + h * 0.8, cy}, tri[1] = {cx - h * 0.6, cy - w}, tri[2] = {cx - h * 0.6, cy + w}; break;
  }
  s.FillPolygon(tri, c);
}

void DrawBody(Surface& s, const Rect& body, const SkinSpec& spec) {
  const Palette& c = spec.colors;
  const Box b = ToBox(body);
  const double r = spec.size.body_radius;
  s.Fill(b, r, c.body_edge);
  s.Fill(Inset(b, 1.25), r - 1.25,
         Gradient{{0, c.body_shine}, {0.025, c.body_top}, {0.55, Mix(c.body_top, c.body_bottom, 0.55)},
                  {0.97, c.body_bottom}, {1, Darken(c.body_bottom, 0.25)}});
}

void DrawEdgeKey(Surface& s, const Rect& hotspot, Direction out, const SkinSpec& spec) {
  const Palette& c = spec.colors;
  const double depth = spec.size.body_radius;  // how far it reaches under the body
  Box b = ToBox(hotspot);
  switch (out) {
    case Direction::kUp: b = Box{b.x, b.y + 1, b.w, b.h + depth}; break;
    case Direction::kLeft: b = Box{b.x + 1, b.y, b.w + depth, b.h}; break;
    case Direction::kRight: b = Box{b.x - depth, b.y, b.w + depth - 1, b.h}; break;
    case Direction::kDown: b = Box{b.x, b.y - depth, b.w, b.h + depth - 1}; break;
  }
  Raised(s, b, 3.5, c.button_top, c.button_bottom, c.body_edge);
}

void DrawLid(Surface& s, const Rect& lid, const Rect& screen, const SkinSpec& spec) {
  const Palette& c = spec.colors;
  const Box b = ToBox(lid);
  const double r = spec.size.bezel * 0.9;
  s.Fill(Offset(Inset(b, -0.5), 0, 1.5), r, Darken(c.body_bottom, 0.45));  // its shadow on the body
  s.Fill(b, r, c.lid_edge);
  s.Fill(Inset(b, 1), r - 1,
         Gradient{{0, Lighten(c.lid_top, 0.18)}, {0.04, c.lid_top}, {1, c.lid_bottom}});
  // The screen sits in a black well; the emulator draws the OS screen over the rectangle.
  const Box well = Inset(ToBox(screen), -2);
  s.Fill(well, 2, Color::Hex(0x000000));
  s.Fill(ToBox(screen), 0, Gradient{{0, Lighten(c.screen, 0.08)}, {1, c.screen}});
  const double chin_top = screen.y + screen.height + 2;
  const double chin_cy = (chin_top + lid.y + lid.height) / 2;
  DrawCarrierLogo(s, b.cx(), chin_cy, spec.size.chin * 0.42, c.logo_text, spec);
}

void DrawPill(Surface& s, const Hotspot& button, const SkinSpec& spec) {
  const Palette& c = spec.colors;
  const Box b = ToBox(button.rect);
  Raised(s, b, b.h / 2, c.button_top, c.button_bottom, c.button_edge);
  // Jump starts everything: its label is in the carrier's colour.
  const Color label = button.key == "jump" ? c.accent : c.button_label;
  s.TextCentered(b.cx(), b.cy(), button.label, FontFace::kSansBold, spec.size.label_font, label);
}

void DrawPageKey(Surface& s, const Rect& r, bool up, const SkinSpec& spec) {
  const Palette& c = spec.colors;
  const Box b = ToBox(r);
  Raised(s, b, b.h / 2, c.button_top, c.button_bottom, c.button_edge);
  DrawArrow(s, b.cx(), b.cy(), b.h * 0.5, up ? Direction::kUp : Direction::kDown, c.button_label);
}

void DrawDpad(Surface& s, const Rect& pad, const SkinSpec& spec) {
  const Palette& c = spec.colors;
  const Box b = ToBox(pad);
  s.Fill(Inset(b, -2.5), b.w / 2 + 2.5, Darken(c.body_bottom, 0.35));  // the recess around it
  s.Fill(Inset(b, -1.25), b.w / 2 + 1.25, c.accent_dark);              // a thin carrier ring
  Raised(s, b, b.w / 2, c.button_top, c.button_bottom, c.button_edge);
  const double arrow = b.w * 0.16, reach = b.w * 0.34;
  DrawArrow(s, b.cx(), b.cy() - reach, arrow, Direction::kUp, c.button_label);
  DrawArrow(s, b.cx(), b.cy() + reach, arrow, Direction::kDown, c.button_label);
  DrawArrow(s, b.cx() - reach, b.cy(), arrow, Direction::kLeft, c.button_label);
  DrawArrow(s, b.cx() + reach, b.cy(), arrow, Direction::kRight, c.button_label);
  // The hub is dished: dark at the top, light at the bottom.
  const double hub = b.w * 0.26;
  const Box h{b.cx() - hub / 2, b.cy() - hub / 2, hub, hub};
  s.Fill(h, hub / 2, Gradient{{0, c.button_bottom}, {1, Lighten(c.button_top, 0.2)}});
}

void DrawWheel(Surface& s, const Rect& r, const SkinSpec& spec) {
  const Palette& c = spec.colors;
  const Box b = ToBox(r);
  // The notification light glows around the wheel's slot.
  s.Fill(Inset(b, -4), b.w / 2 + 4, Mix(c.body_bottom, c.accent, 0.55));
  s.Fill(Inset(b, -2.5), b.w / 2 + 2.5, c.accent);
  s.Fill(Inset(b, -1.25), b.w / 2 + 1.25, Color::Hex(0x000000));
  // A cylinder seen from the front: bright in the middle, dark where it turns away.
  const Color mid = Lighten(c.button_top, 0.15), edge = Darken(c.button_bottom, 0.45);
  s.Fill(b, b.w / 2, Gradient{{0, edge}, {0.45, mid}, {1, edge}});
  // Ridges across it, evenly spaced on the cylinder, so closer together towards its ends:
  // u runs evenly over -1..1 and u * (1.5 - 0.5 u^2) bunches up near -1 and 1.
  const int ridges = 11;
  for (int i = 1; i < ridges; ++i) {
    const double u = 2.0 * i / ridges - 1;
    const double y = b.cy() + b.h / 2 * u * (1.5 - 0.5 * u * u);
    s.Fill(Box{b.x + 2, y - 0.4, b.w - 4, 0.8}, 0, Darken(c.button_bottom, 0.3));
  }
}

void DrawTrackball(Surface& s, const Rect& r, const SkinSpec& spec) {
  const Palette& c = spec.colors;
  const Box b = ToBox(r);
  // The notification light: a ring glowing in the carrier's colour.
  s.Fill(Inset(b, -5), b.w / 2 + 5, Mix(c.body_bottom, c.accent, 0.4));
  s.Fill(Inset(b, -3.5), b.w / 2 + 3.5, c.accent);
  s.Fill(Inset(b, -1.5), b.w / 2 + 1.5, Darken(c.accent_dark, 0.5));
  // The ball: circles shrinking towards its highlight at the top left.
  const int steps = 12;
  for (int i = 0; i < steps; ++i) {
    const double f = double(i) / steps;
    const double d = b.w * (1 - 0.85 * f);
    const double x = b.x + (b.w - d) * 0.32, y = b.y + (b.w - d) * 0.3;
    s.Fill(Box{x, y, d, d}, d / 2, Mix(Darken(c.accent_dark, 0.55), Lighten(c.accent, 0.35), f));
  }
  // The highlight: a soft halo around a bright spot.
  const double halo = b.w * 0.26, hi = b.w * 0.13;
  s.Fill(Box{b.x + b.w * 0.22, b.y + b.w * 0.18, halo, halo}, halo / 2, Lighten(c.accent, 0.4));
  s.Fill(Box{b.x + b.w * 0.22 + (halo - hi) / 2, b.y + b.w * 0.18 + (halo - hi) / 2, hi, hi}, hi / 2,
         Lighten(c.accent, 0.85));
}

void DrawKeyBed(Surface& s, const Rect& bed, const SkinSpec& spec) {
  const Palette& c = spec.colors;
  const Box b = ToBox(bed);
  const double r = spec.size.keyboard_pad * 1.4;
  s.Fill(Inset(b, -1.25), r + 1.25, Lighten(c.body_top, 0.2));  // the lit lower lip
  s.Fill(Offset(Inset(b, -1.25), 0, -1), r + 1.25, Darken(c.body_bottom, 0.4));
  s.Fill(b, r, Gradient{{0, Darken(c.key_bed, 0.25)}, {0.1, c.key_bed}, {1, c.key_bed}});
}

void DrawKey(Surface& s, const Hotspot& key, const SkinSpec& spec) {
  const Palette& c = spec.colors;
  const Box b = ToBox(key.rect);
  const double r = std::min(b.w, b.h) * 0.22;
  s.Fill(Offset(b, 0, 1), r, c.key_edge);  // the side of the key below its cap
  s.Fill(b, r, c.key_edge);
  s.Fill(Inset(b, 0.75), r - 0.75,
         Gradient{{0, Lighten(c.key_top, 0.2)}, {0.1, c.key_top}, {1, c.key_bottom}});
  if (key.label.empty()) return;
  const bool word = key.label.size() > 1;  // shift, alt, del, enter
  const double size = word ? spec.size.label_font : spec.size.key_font;
  const Color color = word ? c.key_special : c.key_label;
  s.TextCentered(b.cx(), b.cy() - 0.5, key.label, FontFace::kSansBold, size, color);
}

void DrawGrille(Surface& s, const Rect& r, const SkinSpec& spec) {
  const Palette& c = spec.colors;
  const Box b = ToBox(r);
  // Three rows of round holes, centred; the middle row sits between the others' holes.
  const double hole = std::max(2.0, b.h / 5), step = hole * 2;
  const int per_row = int((b.w - hole) / step) + 1;
  const double left = b.cx() - ((per_row - 1) * step + hole) / 2;
  for (int row = 0; row < 3; ++row) {
    const double y = b.cy() + (row - 1) * hole * 1.6 - hole / 2;
    const bool middle = row == 1;
    for (int i = 0; i < per_row - (middle ? 1 : 0); ++i) {
      const double x = left + i * step + (middle ? step / 2 : 0);
      s.Fill(Box{x, y + 0.6, hole, hole}, hole / 2, Lighten(c.body_bottom, 0.25));
      s.Fill(Box{x, y, hole, hole}, hole / 2, Darken(c.body_edge, 0.3));
    }
  }
}

void DrawModelPlate(Surface& s, const Rect& r, const SkinSpec& spec) {
  const Palette& c = spec.colors;
  const Box b = ToBox(r);
  const double size = b.h * 0.55;
  const std::string brand = "swivel";
  const double w1 = s.TextWidth(brand, FontFace::kSansBold, size);
  const double w2 = s.TextWidth(spec.model, FontFace::kSans, size * 0.7);
  const double gap = size * 0.4, x = b.cx() - (w1 + gap + w2) / 2;
  const Box ink = s.TextInk(brand, FontFace::kSansBold, size);
  const double baseline = b.cy() - (ink.y + ink.h / 2);
  const Color engraved = Mix(c.body_top, c.body_edge, 0.6);
  s.Text(x, baseline + 0.75, brand, FontFace::kSansBold, size, Lighten(c.body_top, 0.3));
  s.Text(x, baseline, brand, FontFace::kSansBold, size, engraved);
  s.Text(x + w1 + gap, baseline, spec.model, FontFace::kSans, size * 0.7, c.accent);
}

}  // namespace swivel::tools::skin_paint
