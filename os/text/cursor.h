#pragma once
// GraphemeCursor: where a text cursor may stand and how it moves, for editing UTF-8.
//
// A cursor is a byte offset into the UTF-8 text. It only ever stands on a grapheme cluster
// boundary (what a user sees as one character): "e" + U+0301, a flag, an emoji with a skin
// tone or a ZWJ family, a Hangul syllable spelled as conjoining jamo, "\r\n". Moving left or
// right steps over a whole cluster, and Backspace / Delete remove a whole cluster.
//
// Word motion (Ctrl/Alt+arrow style): WordRight goes to the end of the next word, WordLeft to
// the start of the previous one, skipping spaces and punctuation between (the macOS rule;
// the cursor never stops in the gap between words). Words are ICU word-break segments of the
// locale, so Japanese and Thai, written without spaces, still move word by word.
//
// Offsets past the end are treated as the end; an offset inside a cluster (or inside a
// UTF-8 sequence) moves to that cluster's boundaries. Owns its ICU iterators; not
// thread-safe.
#include <unicode/uversion.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

// ICU's namespace is versioned (icu_72); these macros open the right one.
U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace swivel::os::text {

class GraphemeCursor {
 public:
  // nullptr when ICU has no character or word iterator (broken ICU data).
  static std::unique_ptr<GraphemeCursor> Create(std::string_view locale_id);
  ~GraphemeCursor();
  GraphemeCursor(const GraphemeCursor&) = delete;
  GraphemeCursor& operator=(const GraphemeCursor&) = delete;

  // The next boundary after `offset` (text.size() at the end).
  size_t Next(std::string_view text, size_t offset) const;
  // The boundary before `offset` (0 at the start).
  size_t Previous(std::string_view text, size_t offset) const;
  // True when a cursor may stand at `offset`.
  bool IsBoundary(std::string_view text, size_t offset) const;

  size_t WordRight(std::string_view text, size_t offset) const;
  size_t WordLeft(std::string_view text, size_t offset) const;

  // Removes the cluster before `cursor` and returns the new cursor (unchanged at 0). A
  // cursor inside a cluster removes that whole cluster.
  size_t Backspace(std::string& text, size_t cursor) const;
  // Removes the cluster after `cursor` and returns the cursor (nothing happens at the end).
  // A cursor inside a cluster removes that whole cluster and returns its start.
  size_t Delete(std::string& text, size_t cursor) const;

 private:
  GraphemeCursor(std::unique_ptr<icu::BreakIterator> graphemes,
                 std::unique_ptr<icu::BreakIterator> words);
  std::unique_ptr<icu::BreakIterator> graphemes_;
  std::unique_ptr<icu::BreakIterator> words_;
};

}  // namespace swivel::os::text
