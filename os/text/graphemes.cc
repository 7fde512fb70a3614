#include "os/text/graphemes.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>

namespace swivel::os::text {
namespace {

// Runs `step` on a character break iterator over `text` (UTF-8 offsets, no copy).
template <typename Step>
size_t WithIterator(std::string_view text, size_t fallback, Step step) {
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), int64_t(text.size()), &status);
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || !it) {
    utext_close(ut);
    return fallback;
  }
  it->setText(ut, status);
  const int32_t r = U_SUCCESS(status) ? step(*it) : icu::BreakIterator::DONE;
  utext_close(ut);
  return r == icu::BreakIterator::DONE ? fallback : size_t(r);
}

}  // namespace

size_t NextGrapheme(std::string_view text, size_t at) {
  if (at >= text.size()) return text.size();
  return WithIterator(text, text.size(), [at](icu::BreakIterator& it) { return it.following(int32_t(at)); });
}

size_t PreviousGrapheme(std::string_view text, size_t at) {
  if (at == 0) return 0;
  return WithIterator(text, 0, [at](icu::BreakIterator& it) { return it.preceding(int32_t(at)); });
}

}  // namespace swivel::os::text
