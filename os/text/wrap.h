#pragma once
// LineWrapper: breaks text into lines no wider than a given width.
//
// Widths come from a Measure callback (pixels of a UTF-8 run), so the same code serves a
// fixed-width test font now and real glyph widths from gfx later. The whole candidate line
// is measured each time (not the sum of its pieces), so kerning and shaping are respected.
//
// Rules:
// - Explicit newlines ("\n", "\r\n") always end a line; an empty paragraph is an empty line.
// - Lines break at ICU line-break opportunities for the locale (after spaces, after
//   hyphens, between ideographs, never before "!" or a closing bracket, and so on).
// - Whitespace at a break hangs past the margin: it is not measured and not returned, so a
//   line never ends in spaces. Leading spaces of a paragraph are kept.
// - A piece that is wider than the whole line on its own (a long URL, a run of CJK without
//   opportunities) is split between grapheme clusters, never inside one, so "e"+accent and
//   emoji sequences stay whole.
// - Every line holds at least one grapheme, even one wider than `max_width`, so wrapping
//   always terminates.
//
// Owns its ICU iterators; not thread-safe.
#include <unicode/uversion.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

// ICU's namespace is versioned (icu_72); these macros open the right one.
U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace swivel::os::text {

// Width in pixels of a run of UTF-8 text on one line.
using Measure = std::function<int(std::string_view)>;

class LineWrapper {
 public:
  // nullptr when ICU has no line or character iterator (broken ICU data). An unknown locale
  // gets the root rules.
  static std::unique_ptr<LineWrapper> Create(std::string_view locale_id);
  ~LineWrapper();
  LineWrapper(const LineWrapper&) = delete;
  LineWrapper& operator=(const LineWrapper&) = delete;

  std::vector<std::string> Wrap(std::string_view text, int max_width,
                                const Measure& measure) const;

 private:
  LineWrapper(std::unique_ptr<icu::BreakIterator> lines,
              std::unique_ptr<icu::BreakIterator> graphemes);
  void WrapParagraph(std::string_view paragraph, int max_width, const Measure& measure,
                     std::vector<std::string>& out) const;

  std::unique_ptr<icu::BreakIterator> lines_;
  std::unique_ptr<icu::BreakIterator> graphemes_;
};

// One-off convenience: builds a LineWrapper for `locale_id` and wraps. Returns the text
// split at its newlines only if ICU is unusable.
std::vector<std::string> Wrap(std::string_view text, int max_width, const Measure& measure,
                              std::string_view locale_id = "en_US");

}  // namespace swivel::os::text
