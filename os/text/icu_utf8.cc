#include "os/text/icu_utf8.h"

namespace swivel::os::text::internal {

icu::LocalUTextPointer OpenUtf8(std::string_view utf8, UErrorCode& status) {
  return icu::LocalUTextPointer(utext_openUTF8(nullptr, utf8.data(),
                                               static_cast<int64_t>(utf8.size()), &status));
}

bool SetUtf8Text(icu::BreakIterator& it, std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  icu::LocalUTextPointer ut = OpenUtf8(utf8, status);
  if (U_FAILURE(status)) return false;
  // The iterator keeps its own shallow clone of the UText (it still reads `utf8`'s bytes),
  // so ours can be closed when this returns.
  it.setText(ut.getAlias(), status);
  return U_SUCCESS(status);
}

}  // namespace swivel::os::text::internal
