#include "os/text/cursor.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <utility>

#include "os/text/icu_utf8.h"

namespace swivel::os::text {
namespace {

using icu::BreakIterator;
using internal::ToOffset;

int32_t Clamp(std::string_view text, size_t offset) {
  return static_cast<int32_t>(std::min(offset, text.size()));
}

// True when the segment ending at the iterator's current position is a word (letters,
// digits, ideographs), not spaces or punctuation.
bool EndsWord(const BreakIterator& it) { return it.getRuleStatus() >= UBRK_WORD_NONE_LIMIT; }

}  // namespace

std::unique_ptr<GraphemeCursor> GraphemeCursor::Create(std::string_view locale_id) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale(std::string(locale_id).c_str());
  std::unique_ptr<BreakIterator> graphemes(BreakIterator::createCharacterInstance(locale, status));
  std::unique_ptr<BreakIterator> words(BreakIterator::createWordInstance(locale, status));
  if (U_FAILURE(status) || graphemes == nullptr || words == nullptr) return nullptr;
  return std::unique_ptr<GraphemeCursor>(
      new GraphemeCursor(std::move(graphemes), std::move(words)));
}

GraphemeCursor::GraphemeCursor(std::unique_ptr<BreakIterator> graphemes,
                               std::unique_ptr<BreakIterator> words)
    : graphemes_(std::move(graphemes)), words_(std::move(words)) {}

GraphemeCursor::~GraphemeCursor() = default;

size_t GraphemeCursor::Next(std::string_view text, size_t offset) const {
  if (offset >= text.size()) return text.size();
  if (!internal::SetUtf8Text(*graphemes_, text)) return text.size();
  const int32_t next = graphemes_->following(Clamp(text, offset));
  return next == BreakIterator::DONE ? text.size() : ToOffset(next);
}

size_t GraphemeCursor::Previous(std::string_view text, size_t offset) const {
  if (offset == 0 || text.empty()) return 0;
  if (!internal::SetUtf8Text(*graphemes_, text)) return 0;
  const int32_t at = Clamp(text, offset);
  if (graphemes_->isBoundary(at)) {
    const int32_t prev = graphemes_->preceding(at);
    return prev == BreakIterator::DONE ? 0 : ToOffset(prev);
  }
  // Inside a cluster: its start. (preceding() is not used here because ICU first moves an
  // offset inside a UTF-8 sequence back to the sequence's start, and then steps back from
  // there, one cluster too far.)
  graphemes_->following(at);
  const int32_t start = graphemes_->previous();
  return start == BreakIterator::DONE ? 0 : ToOffset(start);
}

bool GraphemeCursor::IsBoundary(std::string_view text, size_t offset) const {
  if (offset > text.size()) return false;
  if (!internal::SetUtf8Text(*graphemes_, text)) return false;
  return graphemes_->isBoundary(static_cast<int32_t>(offset)) != 0;
}

size_t GraphemeCursor::WordRight(std::string_view text, size_t offset) const {
  if (offset >= text.size()) return text.size();
  if (!internal::SetUtf8Text(*words_, text)) return text.size();
  for (int32_t end = words_->following(Clamp(text, offset)); end != BreakIterator::DONE;
       end = words_->next()) {
    if (EndsWord(*words_)) return ToOffset(end);
  }
  return text.size();  // only spaces and punctuation to the right
}

size_t GraphemeCursor::WordLeft(std::string_view text, size_t offset) const {
  if (offset == 0 || text.empty()) return 0;
  if (!internal::SetUtf8Text(*words_, text)) return 0;
  // Walk back over segment starts; a segment is a word when the boundary that ends it says
  // so, which ICU reports only after moving to that end.
  // An offset inside a UTF-8 sequence counts as just after that character, so the word
  // holding it is the one found (ICU would move it to the character's start instead).
  int32_t at = Clamp(text, offset);
  U8_SET_CP_LIMIT(reinterpret_cast<const uint8_t*>(text.data()), 0, at,
                  static_cast<int32_t>(text.size()));
  int32_t start = words_->preceding(at);
  while (start != BreakIterator::DONE) {
    words_->following(start);
    if (EndsWord(*words_)) return ToOffset(start);
    start = words_->preceding(start);
  }
  return 0;
}

size_t GraphemeCursor::Backspace(std::string& text, size_t cursor) const {
  cursor = std::min(cursor, text.size());
  // A cursor inside a cluster deletes that whole cluster, never part of it.
  if (!IsBoundary(text, cursor)) cursor = Next(text, cursor);
  const size_t start = Previous(text, cursor);
  text.erase(start, cursor - start);
  return start;
}

size_t GraphemeCursor::Delete(std::string& text, size_t cursor) const {
  cursor = std::min(cursor, text.size());
  if (!IsBoundary(text, cursor)) cursor = Previous(text, cursor);
  const size_t end = Next(text, cursor);
  text.erase(cursor, end - cursor);
  return cursor;
}

}  // namespace swivel::os::text
