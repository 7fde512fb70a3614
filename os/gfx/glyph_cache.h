#pragma once
// GlyphCache: rendered glyph coverage masks, keyed by (face, pixel size, glyph id).
//
// Bounded: the cache holds at most `budget_bytes`, counting each entry as its mask bytes plus
// kEntryOverheadBytes (so blank glyphs such as spaces also count). When an insert would go over,
// the least recently used entries are dropped first. The default, 256 KiB, holds roughly 2000
// glyphs at 12 px (a 12 px DejaVu glyph mask is about 60 bytes) - several screens of mixed
// scripts. A glyph bigger than the whole budget is rendered but not kept.
//
// A miss renders with FreeType load flags FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP and
// FT_RENDER_MODE_NORMAL (8-bit grayscale coverage): no hinting engine and no embedded
// bitmaps, so the mask depends only on the outline, the size and the FreeType version. The
// glyph origin is always on a whole pixel, which is why no sub-pixel position is in the key.
#include <cstdint>
#include <list>
#include <unordered_map>
#include <vector>

#include "os/gfx/font_library.h"

namespace swivel::os::gfx {

struct GlyphBitmap {
  int32_t left = 0;   // from the pen position to the mask's left column
  int32_t top = 0;    // from the baseline up to the mask's top row
  int32_t width = 0, height = 0;
  std::vector<uint8_t> coverage;  // width * height, 0 = none, 255 = full
};

class GlyphCache {
 public:
  static constexpr size_t kDefaultBudgetBytes = 256 * 1024;
  static constexpr size_t kEntryOverheadBytes = 64;

  struct Stats {
    uint64_t hits = 0, misses = 0, evictions = 0;
    size_t entries = 0, bytes = 0;
  };

  explicit GlyphCache(size_t budget_bytes = kDefaultBudgetBytes) : budget_(budget_bytes) {}

  // The glyph's mask; the reference is valid until the next Get.
  const GlyphBitmap& Get(FontLibrary& fonts, FontFace face, int32_t pixel_size, uint32_t glyph);
  Stats stats() const { return stats_; }
  size_t budget_bytes() const { return budget_; }

 private:
  struct Entry {
    uint64_t key;
    GlyphBitmap bitmap;
  };
  static size_t Cost(const GlyphBitmap& b) { return b.coverage.size() + kEntryOverheadBytes; }

  size_t budget_;
  std::list<Entry> lru_;  // most recently used first
  std::unordered_map<uint64_t, std::list<Entry>::iterator> index_;
  GlyphBitmap uncached_;  // a glyph too big to keep
  Stats stats_;
};

// Renders one glyph without any cache (what a miss does).
GlyphBitmap RenderGlyph(FontLibrary& fonts, FontFace face, int32_t pixel_size, uint32_t glyph);

}  // namespace swivel::os::gfx
