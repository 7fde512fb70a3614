#include "os/gfx/shaper.h"

#include <unicode/uscript.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <new>
#include <stdexcept>

namespace swivel::os::gfx {
namespace {

struct ScriptRun {
  int32_t start, end;  // UTF-16 indices
  hb_script_t script;
};

bool IsNeutralScript(UScriptCode s) { return s == USCRIPT_COMMON || s == USCRIPT_INHERITED; }

hb_script_t ToHbScript(UScriptCode s) {
  // ICU's short names are the ISO 15924 codes HarfBuzz understands ("Latn", "Arab", ...).
  const char* name = uscript_getShortName(s);
  return name == nullptr ? HB_SCRIPT_COMMON : hb_script_from_string(name, -1);
}

// Splits [start, end) of `text` where the script changes; neutral characters join the run
// they are in (or, at the start, the first real script after them).
std::vector<ScriptRun> SplitByScript(const char16_t* text, int32_t start, int32_t end) {
  std::vector<ScriptRun> runs;
  int32_t run_start = start;
  UScriptCode current = USCRIPT_INVALID_CODE;
  for (int32_t i = start; i < end;) {
    const int32_t at = i;
    UChar32 c;
    U16_NEXT(text, i, end, c);
    UErrorCode err = U_ZERO_ERROR;
    const UScriptCode s = uscript_getScript(c, &err);
    if (U_FAILURE(err) || IsNeutralScript(s)) continue;
    if (current == USCRIPT_INVALID_CODE) {
      current = s;
    } else if (s != current) {
      runs.push_back(ScriptRun{run_start, at, ToHbScript(current)});
      run_start = at;
      current = s;
    }
  }
  runs.push_back(ScriptRun{run_start, end,
                           current == USCRIPT_INVALID_CODE ? HB_SCRIPT_COMMON : ToHbScript(current)});
  return runs;
}

}  // namespace

Shaper::Shaper() : bidi_(ubidi_open()), buffer_(hb_buffer_create()) {
  if (bidi_ == nullptr || !hb_buffer_allocation_successful(buffer_)) {
    if (bidi_ != nullptr) ubidi_close(bidi_);
    hb_buffer_destroy(buffer_);
    throw std::bad_alloc();
  }
}

Shaper::~Shaper() {
  ubidi_close(bidi_);
  hb_buffer_destroy(buffer_);
}

ShapedText Shaper::Shape(FontLibrary& fonts, std::string_view utf8, const TextStyle& style) {
  ShapedText out;
  // 1. UTF-8 -> UTF-16, remembering where each UTF-16 unit came from.
  utf16_.clear();
  utf8_offset_.clear();
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = int32_t(utf8.size());
  for (int32_t i = 0; i < length;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) c = 0xFFFD;
    const uint32_t units = U16_LENGTH(c);
    if (units == 1) {
      utf16_.push_back(char16_t(c));
    } else {
      utf16_.push_back(char16_t(U16_LEAD(c)));
      utf16_.push_back(char16_t(U16_TRAIL(c)));
    }
    for (uint32_t u = 0; u < units; ++u) utf8_offset_.push_back(uint32_t(at));
  }
  if (utf16_.empty()) return out;
  const int32_t n = int32_t(utf16_.size());

  // 2. Directional runs.
  UErrorCode err = U_ZERO_ERROR;
  ubidi_setPara(bidi_, reinterpret_cast<const UChar*>(utf16_.data()), n, UBIDI_DEFAULT_LTR,
                nullptr, &err);
  const int32_t run_count = U_SUCCESS(err) ? ubidi_countRuns(bidi_, &err) : 0;
  if (U_FAILURE(err)) return out;  // only on allocation failure
  out.rtl_paragraph = (ubidi_getParaLevel(bidi_) & 1) != 0;

  hb_font_t* font = fonts.HbFont(style.face, style.pixel_size);
  for (int32_t r = 0; r < run_count; ++r) {
    int32_t start = 0, run_length = 0;
    const bool rtl = ubidi_getVisualRun(bidi_, r, &start, &run_length) == UBIDI_RTL;
    std::vector<ScriptRun> pieces = SplitByScript(utf16_.data(), start, start + run_length);
    for (size_t p = 0; p < pieces.size(); ++p) {
      const ScriptRun& piece = rtl ? pieces[pieces.size() - 1 - p] : pieces[p];
      // 3. Shape one piece, with the whole text as context for joining and marks.
      hb_buffer_clear_contents(buffer_);
      hb_buffer_add_utf16(buffer_, reinterpret_cast<const uint16_t*>(utf16_.data()), n,
                          unsigned(piece.start), piece.end - piece.start);
      hb_buffer_set_direction(buffer_, rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
      hb_buffer_set_script(buffer_, piece.script);
      hb_shape(font, buffer_, nullptr, 0);
      unsigned count = 0;
      const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer_, &count);
      const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer_, &count);
      for (unsigned g = 0; g < count; ++g) {
        out.glyphs.push_back(ShapedGlyph{info[g].codepoint, utf8_offset_[info[g].cluster],
                                         pos[g].x_advance, pos[g].x_offset, pos[g].y_offset,
                                         rtl});
        out.advance += pos[g].x_advance;
      }
    }
  }
  return out;
}

}  // namespace swivel::os::gfx
