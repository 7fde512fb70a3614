#pragma once
// Shaper: UTF-8 text -> positioned glyphs in visual (left-to-right screen) order.
//
// 1. The text is decoded to UTF-16 (invalid UTF-8 becomes U+FFFD) for ICU.
// 2. ICU ubidi splits it into directional runs; the paragraph level comes from the text (its
//    first strong character, left-to-right when there is none: UBIDI_DEFAULT_LTR). Runs come
//    back in visual order.
// 3. Each run is split where the script changes (characters of Common or Inherited script,
//    such as spaces, digits and combining marks, stay with the script around them), and each
//    piece is shaped by HarfBuzz with its direction and script set explicitly and the whole
//    text as context. The language is left unset on purpose: HarfBuzz would otherwise take it
//    from the host's locale.
// HarfBuzz returns right-to-left pieces already in visual order; the pieces of a
// right-to-left run are laid out last piece first.
#include <unicode/ubidi.h>
#include <hb.h>

#include <cstdint>
#include <string_view>
#include <vector>

#include "os/gfx/font_library.h"

namespace swivel::os::gfx {

struct ShapedGlyph {
  uint32_t glyph = 0;    // glyph id in the style's face
  uint32_t cluster = 0;  // byte offset in the UTF-8 text of the first character it shows
  int32_t x_advance = 0, x_offset = 0, y_offset = 0;  // 26.6 pixels; y up
  bool rtl = false;      // from a right-to-left run
};

struct ShapedText {
  std::vector<ShapedGlyph> glyphs;  // visual order, left to right
  int32_t advance = 0;              // sum of x_advance, 26.6 pixels
  bool rtl_paragraph = false;
};

class Shaper {
 public:
  Shaper();
  ~Shaper();
  Shaper(const Shaper&) = delete;
  Shaper& operator=(const Shaper&) = delete;

  ShapedText Shape(FontLibrary& fonts, std::string_view utf8, const TextStyle& style);

 private:
  UBiDi* bidi_ = nullptr;
  hb_buffer_t* buffer_ = nullptr;
  std::vector<char16_t> utf16_;
  std::vector<uint32_t> utf8_offset_;  // utf16 index -> byte offset in the UTF-8 text
};

}  // namespace swivel::os::gfx
