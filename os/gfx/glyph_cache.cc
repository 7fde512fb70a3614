#include "os/gfx/glyph_cache.h"

#include <cstdlib>

namespace swivel::os::gfx {

GlyphBitmap RenderGlyph(FontLibrary& fonts, FontFace face, int32_t pixel_size, uint32_t glyph) {
  GlyphBitmap out;
  FT_Face ft = fonts.FtFace(face, pixel_size);
  // An id the font does not have, or an outline FreeType refuses, draws as nothing.
  if (FT_Load_Glyph(ft, glyph, FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP) != 0) return out;
  if (FT_Render_Glyph(ft->glyph, FT_RENDER_MODE_NORMAL) != 0) return out;
  const FT_Bitmap& bm = ft->glyph->bitmap;
  if (bm.pixel_mode != FT_PIXEL_MODE_GRAY || bm.num_grays != 256) return out;
  out.left = ft->glyph->bitmap_left;
  out.top = ft->glyph->bitmap_top;
  out.width = int32_t(bm.width);
  out.height = int32_t(bm.rows);
  out.coverage.resize(size_t(bm.width) * bm.rows);
  for (unsigned row = 0; row < bm.rows; ++row) {
    // A negative pitch means the rows are stored bottom-up.
    const unsigned char* src = bm.pitch >= 0 ? bm.buffer + std::ptrdiff_t(row) * bm.pitch
                                             : bm.buffer + std::ptrdiff_t(bm.rows - 1 - row) * -bm.pitch;
    std::copy(src, src + bm.width, out.coverage.begin() + std::ptrdiff_t(size_t(row) * bm.width));
  }
  return out;
}

const GlyphBitmap& GlyphCache::Get(FontLibrary& fonts, FontFace face, int32_t pixel_size,
                                   uint32_t glyph) {
  pixel_size = FontLibrary::ClampSize(pixel_size);
  const uint64_t key = (uint64_t(face) << 48) | (uint64_t(pixel_size) << 32) | glyph;
  if (auto it = index_.find(key); it != index_.end()) {
    ++stats_.hits;
    lru_.splice(lru_.begin(), lru_, it->second);  // now the most recent
    return it->second->bitmap;
  }
  ++stats_.misses;
  GlyphBitmap bitmap = RenderGlyph(fonts, face, pixel_size, glyph);
  const size_t cost = Cost(bitmap);
  if (cost > budget_) {
    uncached_ = std::move(bitmap);
    return uncached_;
  }
  while (stats_.bytes + cost > budget_) {
    const Entry& victim = lru_.back();
    stats_.bytes -= Cost(victim.bitmap);
    index_.erase(victim.key);
    lru_.pop_back();
    ++stats_.evictions;
  }
  lru_.push_front(Entry{key, std::move(bitmap)});
  index_.emplace(key, lru_.begin());
  stats_.bytes += cost;
  stats_.entries = lru_.size();
  return lru_.front().bitmap;
}

}  // namespace swivel::os::gfx
