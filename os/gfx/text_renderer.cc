#include "os/gfx/text_renderer.h"

namespace swivel::os::gfx {
namespace {

// 26.6 -> whole pixels, rounding halves up (>> on a negative int is arithmetic in C++20).
int32_t RoundPixels(int32_t v) { return (v + 32) >> 6; }
int32_t CeilPixels(int32_t v) { return (v + 63) >> 6; }

}  // namespace

TextMetrics TextRenderer::Measure(std::string_view utf8, const TextStyle& style) {
  const ShapedText shaped = Shape(utf8, style);
  hb_font_extents_t extents{};
  hb_font_get_h_extents(fonts_.HbFont(style.face, style.pixel_size), &extents);
  return TextMetrics{RoundPixels(shaped.advance), CeilPixels(extents.ascender),
                     CeilPixels(-extents.descender)};
}

template <typename Fn>
int32_t TextRenderer::ForEachGlyph(int32_t x, int32_t baseline_y, std::string_view utf8,
                                   const TextStyle& style, Fn&& fn) {
  const ShapedText shaped = Shape(utf8, style);
  int32_t pen = 0;  // 26.6, from x
  for (const ShapedGlyph& g : shaped.glyphs) {
    const int32_t gx = x + RoundPixels(pen + g.x_offset);
    const int32_t gy = baseline_y - RoundPixels(g.y_offset);  // HarfBuzz's y grows upwards
    fn(g, gx, gy, cache_.Get(fonts_, style.face, style.pixel_size, g.glyph));
    pen += g.x_advance;
  }
  return RoundPixels(shaped.advance);
}

std::vector<PlacedGlyph> TextRenderer::Layout(int32_t x, int32_t baseline_y, std::string_view utf8,
                                              const TextStyle& style) {
  std::vector<PlacedGlyph> placed;
  ForEachGlyph(x, baseline_y, utf8, style,
               [&](const ShapedGlyph& g, int32_t gx, int32_t gy, const GlyphBitmap& b) {
                 const Rect ink = (b.width > 0 && b.height > 0)
                                      ? Rect{gx + b.left, gy - b.top, b.width, b.height}
                                      : Rect{};
                 placed.push_back(PlacedGlyph{g.glyph, g.cluster, gx, gy, ink});
               });
  return placed;
}

int32_t TextRenderer::DrawText(Canvas& canvas, int32_t x, int32_t baseline_y, std::string_view utf8,
                               const TextStyle& style, Color color) {
  return ForEachGlyph(x, baseline_y, utf8, style,
                      [&](const ShapedGlyph&, int32_t gx, int32_t gy, const GlyphBitmap& b) {
                        if (b.coverage.empty()) return;
                        canvas.DrawMask(gx + b.left, gy - b.top, b.coverage.data(), b.width,
                                        b.height, b.width, color);
                      });
}

}  // namespace swivel::os::gfx
