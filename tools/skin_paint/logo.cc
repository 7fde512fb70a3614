#include "tools/skin_paint/logo.h"

#include <array>

#include "tools/skin_paint/shade.h"

namespace swivel::tools::skin_paint {
namespace {

// The eight compass directions as unit vectors, written out rather than computed with
// sin/cos so that no libm difference can move a pixel.
constexpr double kDiag = 0.70710678118654752;
constexpr std::array<PointF, 8> kDirections = {{{1, 0}, {kDiag, kDiag}, {0, 1}, {-kDiag, kDiag},
                                                {-1, 0}, {-kDiag, -kDiag}, {0, -1}, {kDiag, -kDiag}}};

// Lumen's sun: a shaded disc and eight rays.
void DrawSun(Surface& s, double cx, double cy, double size, const SkinSpec& spec) {
  const Palette& c = spec.colors;
  for (const PointF& d : kDirections) {
    const PointF n{-d.y, d.x};
    const double r1 = size * 0.36, r2 = size * 0.5, half = size * 0.065;
    const PointF ray[] = {{cx + d.x * r2, cy + d.y * r2},
                          {cx + d.x * r1 + n.x * half, cy + d.y * r1 + n.y * half},
                          {cx + d.x * r1 - n.x * half, cy + d.y * r1 - n.y * half}};
    s.FillPolygon(ray, c.accent);
  }
  const double r = size * 0.3;
  s.Fill(Box{cx - r, cy - r, 2 * r, 2 * r}, r,
         Gradient{{0, Mix(c.accent, Color::Hex(0xFFFFFF), 0.35)}, {1, c.accent_dark}});
}

// Northwind's compass star: four points, each split into a light and a dark half as if lit
// from the top left; north is long and in the light colour.
void DrawCompass(Surface& s, double cx, double cy, double size, const SkinSpec& spec) {
  const Palette& c = spec.colors;
  const double w = size * 0.12, long_r = size * 0.5, short_r = size * 0.34;
  const Color light = c.accent, dark = c.accent_dark;
  const Color light2 = Mix(c.accent, Color::Hex(0xFFFFFF), 0.45);
  struct Half {
    PointF tip, waist;
    Color color;
  };
  const Half halves[] = {
      {{cx, cy - long_r}, {cx - w, cy - w}, light2}, {{cx, cy - long_r}, {cx + w, cy - w}, light},
      {{cx + short_r, cy}, {cx + w, cy - w}, light}, {{cx + short_r, cy}, {cx + w, cy + w}, dark},
      {{cx, cy + long_r}, {cx + w, cy + w}, dark},   {{cx, cy + long_r}, {cx - w, cy + w}, light},
      {{cx - short_r, cy}, {cx - w, cy + w}, dark},  {{cx - short_r, cy}, {cx - w, cy - w}, light2},
  };
  for (const Half& h : halves) {
    const PointF tri[] = {h.tip, h.waist, {cx, cy}};
    s.FillPolygon(tri, h.color);
  }
}

// The carrier's two words (bold, then regular), centred at (cx, cy) on their ink.
void DrawWords(Surface& s, double x, double cy, double size, Color first, Color second,
               const SkinSpec& spec) {
  const Box ink = s.TextInk(spec.carrier_first + spec.carrier_second, FontFace::kSansBold, size);
  const double baseline = cy - (ink.y + ink.h / 2);
  s.Text(x, baseline, spec.carrier_first, FontFace::kSansBold, size, first);
  x += s.TextWidth(spec.carrier_first, FontFace::kSansBold, size) + size * 0.28;
  s.Text(x, baseline, spec.carrier_second, FontFace::kSans, size, second);
}

double WordsWidth(Surface& s, double size, const SkinSpec& spec) {
  return s.TextWidth(spec.carrier_first, FontFace::kSansBold, size) + size * 0.28 +
         s.TextWidth(spec.carrier_second, FontFace::kSans, size);
}

}  // namespace

void DrawMark(Surface& s, double cx, double cy, double size, const SkinSpec& spec) {
  if (spec.mark == LogoMark::kSun) DrawSun(s, cx, cy, size, spec);
  else DrawCompass(s, cx, cy, size, spec);
}

void DrawCarrierLogo(Surface& s, double cx, double cy, double text_size, Color text,
                     const SkinSpec& spec) {
  const double mark = text_size * 1.45, gap = text_size * 0.35;
  const double total = mark + gap + WordsWidth(s, text_size, spec);
  const double x = cx - total / 2;
  DrawMark(s, x + mark / 2, cy, mark, spec);
  DrawWords(s, x + mark + gap, cy, text_size, text, Mix(text, spec.colors.accent, 0.75), spec);
}

os::gfx::BitmapRgba PaintBootLogo(const SkinSpec& spec, int32_t width, int32_t height,
                                  os::gfx::TextRenderer& text) {
  Surface s(width, height, text);
  const Palette& c = spec.colors;
  s.Fill(Box{0, 0, double(width), double(height)}, 0, Gradient{{0, c.boot_top}, {1, c.boot_bottom}});
  // A soft halo behind the mark: rings fading into the background.
  const double mark = height * 0.4, mx = width / 2.0, my = height * 0.4;
  constexpr int kRings = 16;
  for (int i = kRings; i >= 1; --i) {
    const double r = mark * (0.5 + 0.45 * i / kRings);
    const Color ring = Mix(Mix(c.boot_top, c.boot_bottom, 0.4), c.accent, 0.3 * (kRings + 1 - i) / kRings);
    s.Fill(Box{mx - r, my - r, 2 * r, 2 * r}, r, ring);
  }
  DrawMark(s, mx, my, mark, spec);
  const double size = height * 0.13;
  DrawWords(s, width / 2.0 - WordsWidth(s, size, spec) / 2, height * 0.8, size, c.boot_text,
            Mix(c.boot_text, c.accent, 0.6), spec);
  return s.Resolve();
}

}  // namespace swivel::tools::skin_paint
