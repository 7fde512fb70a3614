#pragma once
// Grapheme clusters: what a reader sees as one character ("e" + combining acute, a flag, a
// family emoji joined by ZWJ, a Hangul syllable in jamo). Cursor movement and Backspace go
// by clusters, never splitting one (ICU character break iterator).
#include <cstddef>
#include <string_view>

namespace swivel::os::text {

// Byte offsets in UTF-8 `text`. Next: the end of the cluster starting at or containing
// `at` (text.size() at the end). Previous: the start of the cluster before `at` (0 at the
// start).
size_t NextGrapheme(std::string_view text, size_t at);
size_t PreviousGrapheme(std::string_view text, size_t at);

}  // namespace swivel::os::text
