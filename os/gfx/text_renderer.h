#pragma once
// TextRenderer: measures and draws one line of UTF-8 text on a Canvas.
//
// Shaping and bidi are Shaper's (see shaper.h); masks come from the GlyphCache. Each glyph's
// origin is the 26.6 pen position plus HarfBuzz's offset, rounded to the nearest whole pixel,
// and its grayscale coverage is blended into the RGB565 pixels with Canvas::DrawMask
// (integer math, see color.h). So the same text, style and position always give the same
// pixels, whether its glyphs came from the cache or were just rendered.
#include <cstdint>
#include <string_view>
#include <vector>

#include "os/gfx/canvas.h"
#include "os/gfx/font_library.h"
#include "os/gfx/glyph_cache.h"
#include "os/gfx/shaper.h"

namespace swivel::os::gfx {

struct TextMetrics {
  int32_t width = 0;    // the advance of the whole line, rounded to whole pixels
  int32_t ascent = 0;   // pixels above the baseline (the font's ascender, rounded up)
  int32_t descent = 0;  // pixels below the baseline (the font's descender, rounded up)
};

// Where one glyph lands (local coordinates), for hit testing and tests.
struct PlacedGlyph {
  uint32_t glyph = 0;
  uint32_t cluster = 0;  // UTF-8 byte offset of the first character it shows
  int32_t x = 0, y = 0;  // its origin on the baseline
  Rect ink;              // its mask's box; empty for blank glyphs
};

class TextRenderer {
 public:
  explicit TextRenderer(FontLibrary& fonts,
                        size_t glyph_cache_bytes = GlyphCache::kDefaultBudgetBytes)
      : fonts_(fonts), cache_(glyph_cache_bytes) {}

  ShapedText Shape(std::string_view utf8, const TextStyle& style) {
    return shaper_.Shape(fonts_, utf8, style);
  }
  TextMetrics Measure(std::string_view utf8, const TextStyle& style);
  std::vector<PlacedGlyph> Layout(int32_t x, int32_t baseline_y, std::string_view utf8,
                                  const TextStyle& style);
  // Draws the line with its left edge at x and its baseline at baseline_y (local
  // coordinates), clipped like any other drawing. Returns the width Measure would.
  int32_t DrawText(Canvas& canvas, int32_t x, int32_t baseline_y, std::string_view utf8,
                   const TextStyle& style, Color color);

  const GlyphCache& cache() const { return cache_; }

 private:
  template <typename Fn>  // fn(const ShapedGlyph&, int32_t x, int32_t y, const GlyphBitmap&)
  int32_t ForEachGlyph(int32_t x, int32_t baseline_y, std::string_view utf8,
                       const TextStyle& style, Fn&& fn);

  FontLibrary& fonts_;
  Shaper shaper_;
  GlyphCache cache_;
};

}  // namespace swivel::os::gfx
