#pragma once
// Internal to os/text: the bridge between the OS's UTF-8 std::string and ICU.
//
// Break iterators run over a UText opened on the UTF-8 bytes themselves, so every index
// they return is a byte offset into the caller's string (no UTF-16 copy, no index mapping).
// ICU indexes with int32_t, so texts are limited to 2 GiB; far beyond anything on screen.
#include <unicode/brkiter.h>
#include <unicode/stringpiece.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace swivel::os::text::internal {

// A UText over `utf8`, which must outlive it and every iterator given it. Invalid UTF-8
// reads as U+FFFD, one per bad byte sequence, at the same byte offsets.
icu::LocalUTextPointer OpenUtf8(std::string_view utf8, UErrorCode& status);

// Points `it` at `utf8` (see OpenUtf8). False when ICU refuses the text.
bool SetUtf8Text(icu::BreakIterator& it, std::string_view utf8);

// A StringPiece over `utf8` (never a null pointer, which some ICU entry points reject).
inline icu::StringPiece Piece(std::string_view utf8) {
  return icu::StringPiece(utf8.empty() ? "" : utf8.data(), static_cast<int32_t>(utf8.size()));
}

inline icu::UnicodeString ToUnicode(std::string_view utf8) {
  return icu::UnicodeString::fromUTF8(Piece(utf8));
}

inline std::string ToUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// Converts an ICU break position (int32_t, or BreakIterator::DONE) to a byte offset.
inline size_t ToOffset(int32_t pos) { return pos < 0 ? 0 : static_cast<size_t>(pos); }

}  // namespace swivel::os::text::internal
