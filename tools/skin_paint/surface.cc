#include "tools/skin_paint/surface.h"

#include <algorithm>
#include <cmath>

#include "tools/skin_paint/shade.h"

namespace swivel::tools::skin_paint {
namespace {

using os::gfx::Rect;

// Ordered dither by rows: the kScale sample rows of one image pixel get these thresholds,
// so their quantised levels average to the wanted level (each step 1/kScale).
constexpr double kRowThreshold[Surface::kScale] = {0.125, 0.625, 0.375, 0.875};

unsigned Quantise(uint8_t v, unsigned max_level, double threshold) {
  const double level = std::floor(double(v) * max_level / 255.0 + threshold);
  return unsigned(std::clamp(level, 0.0, double(max_level)));
}

constexpr Color kCovered = Color::Hex(0xFFFFFF);

}  // namespace

Box ToBox(const hal::Rect& r) { return Box{double(r.x), double(r.y), double(r.width), double(r.height)}; }
Box Inset(const Box& b, double d) { return Box{b.x + d, b.y + d, b.w - 2 * d, b.h - 2 * d}; }
Box Offset(const Box& b, double dx, double dy) { return Box{b.x + dx, b.y + dy, b.w, b.h}; }

Surface::Surface(int32_t width, int32_t height, os::gfx::TextRenderer& text)
    : width_(width),
      height_(height),
      color_(width * kScale, height * kScale),
      mask_(width * kScale, height * kScale),
      color_canvas_(color_),
      mask_canvas_(mask_),
      text_(text) {}

int32_t Surface::Sample(double v) const { return int32_t(std::lround(v * kScale)); }

void Surface::Row(int32_t y, int32_t x0, int32_t x1, Color c) {
  if (x1 < x0) return;
  const double t = kRowThreshold[((y % kScale) + kScale) % kScale];
  const uint16_t p = uint16_t(Quantise(c.r, 31, t) << 11 | Quantise(c.g, 63, t) << 5 |
                              Quantise(c.b, 31, t));
  // FromRgb565 then ToRgb565 (inside the canvas) gives back exactly p.
  color_canvas_.HLine(x0, y, x1 - x0 + 1, os::gfx::FromRgb565(p));
  mask_canvas_.HLine(x0, y, x1 - x0 + 1, kCovered);
}

Color Surface::Interpolate(const Gradient& g, double t) const {
  if (g.empty()) return Color{};
  if (t <= g.front().at) return g.front().color;
  for (size_t i = 1; i < g.size(); ++i) {
    if (t > g[i].at) continue;
    const Stop& a = g[i - 1];
    const Stop& b = g[i];
    return Mix(a.color, b.color, b.at > a.at ? (t - a.at) / (b.at - a.at) : 1.0);
  }
  return g.back().color;
}

void Surface::Fill(const Box& b, double radius, Color c) { Fill(b, radius, Gradient{{0, c}}); }

void Surface::Fill(const Box& b, double radius, const Gradient& g) {
  const int32_t x0 = Sample(b.x), x1 = Sample(b.right()), y0 = Sample(b.y), y1 = Sample(b.bottom());
  if (x1 <= x0 || y1 <= y0) return;
  const double r = std::clamp(radius * kScale, 0.0, std::min(x1 - x0, y1 - y0) / 2.0);
  for (int32_t y = y0; y < y1; ++y) {
    // A sample is inside when its centre is: in the corner rows, inside the corner's circle.
    const double yc = y + 0.5;
    const double dy = yc < y0 + r ? y0 + r - yc : (yc > y1 - r ? yc - (y1 - r) : 0.0);
    int32_t left = x0, right = x1 - 1;
    if (dy > 0) {
      if (dy > r) continue;
      const double half = std::sqrt(r * r - dy * dy);
      left = int32_t(std::ceil(x0 + r - half - 0.5));
      right = int32_t(std::floor(x1 - r + half - 0.5));
    }
    Row(y, left, right, Interpolate(g, (yc - y0) / (y1 - y0)));
  }
}

void Surface::FillPolygon(std::span<const PointF> corners, Color c) {
  if (corners.size() < 3) return;
  double top = corners[0].y, bottom = corners[0].y;
  for (const PointF& p : corners) top = std::min(top, p.y), bottom = std::max(bottom, p.y);
  for (int32_t y = Sample(top) - 1; y <= Sample(bottom); ++y) {
    const double yc = (y + 0.5) / kScale;  // the row's centre, in image pixels
    double left = 1e9, right = -1e9;
    for (size_t i = 0; i < corners.size(); ++i) {
      const PointF& a = corners[i];
      const PointF& b = corners[(i + 1) % corners.size()];
      if ((yc < a.y && yc < b.y) || (yc > a.y && yc > b.y) || a.y == b.y) continue;
      const double x = a.x + (b.x - a.x) * (yc - a.y) / (b.y - a.y);
      left = std::min(left, x), right = std::max(right, x);
    }
    if (left > right) continue;
    Row(y, int32_t(std::ceil(left * kScale - 0.5)), int32_t(std::floor(right * kScale - 0.5)), c);
  }
}

os::gfx::TextStyle Surface::Style(FontFace face, double size) const {
  return os::gfx::TextStyle{face, int32_t(std::lround(size * kScale))};
}

void Surface::Text(double x, double baseline, std::string_view utf8, FontFace face, double size,
                   Color c) {
  text_.DrawText(color_canvas_, Sample(x), Sample(baseline), utf8, Style(face, size), c);
}

Rect Surface::Ink(std::string_view utf8, const os::gfx::TextStyle& style) {
  Rect ink{};
  for (const auto& g : text_.Layout(0, 0, utf8, style)) ink = os::gfx::Union(ink, g.ink);
  return ink;
}

void Surface::TextCentered(double cx, double cy, std::string_view utf8, FontFace face, double size,
                           Color c) {
  const os::gfx::TextStyle style = Style(face, size);
  const Rect ink = Ink(utf8, style);
  const int32_t x = Sample(cx) - (ink.x + ink.width / 2);
  const int32_t y = Sample(cy) - (ink.y + ink.height / 2);
  text_.DrawText(color_canvas_, x, y, utf8, style, c);
}

double Surface::TextWidth(std::string_view utf8, FontFace face, double size) {
  return double(text_.Measure(utf8, Style(face, size)).width) / kScale;
}

Box Surface::TextInk(std::string_view utf8, FontFace face, double size) {
  const Rect ink = Ink(utf8, Style(face, size));
  return Box{double(ink.x) / kScale, double(ink.y) / kScale, double(ink.width) / kScale,
             double(ink.height) / kScale};
}

os::gfx::BitmapRgba Surface::Resolve() const {
  os::gfx::BitmapRgba out(width_, height_);
  constexpr unsigned kSamples = kScale * kScale;
  for (int32_t y = 0; y < height_; ++y) {
    for (int32_t x = 0; x < width_; ++x) {
      unsigned covered = 0, r = 0, g = 0, b = 0;
      for (int32_t sy = y * kScale; sy < (y + 1) * kScale; ++sy) {
        for (int32_t sx = x * kScale; sx < (x + 1) * kScale; ++sx) {
          if (mask_.at(sx, sy) == 0) continue;
          const Color c = os::gfx::FromRgb565(color_.at(sx, sy));
          ++covered, r += c.r, g += c.g, b += c.b;
        }
      }
      if (covered == 0) continue;  // stays 0, 0, 0, 0
      uint8_t* p = out.at(x, y);
      p[0] = uint8_t((r + covered / 2) / covered);
      p[1] = uint8_t((g + covered / 2) / covered);
      p[2] = uint8_t((b + covered / 2) / covered);
      p[3] = uint8_t((covered * 255 + kSamples / 2) / kSamples);
    }
  }
  return out;
}

}  // namespace swivel::tools::skin_paint
