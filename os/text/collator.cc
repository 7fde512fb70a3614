#include "os/text/collator.h"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace swivel::os::text {

Collator::Collator(std::unique_ptr<icu::Collator> icu) : icu_(std::move(icu)) {}
Collator::~Collator() = default;

std::unique_ptr<Collator> Collator::Create(std::string_view locale, std::string* error) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale loc(std::string(locale).c_str());
  if (loc.isBogus()) {
    *error = "'" + std::string(locale) + "' is not a locale";
    return nullptr;
  }
  std::unique_ptr<icu::Collator> icu(icu::Collator::createInstance(loc, status));
  if (U_FAILURE(status) || !icu) {
    *error = "no collation for '" + std::string(locale) + "': " + u_errorName(status);
    return nullptr;
  }
  return std::unique_ptr<Collator>(new Collator(std::move(icu)));
}

int Collator::Compare(std::string_view a, std::string_view b) const {
  UErrorCode status = U_ZERO_ERROR;
  const auto r = icu_->compareUTF8(icu::StringPiece(a.data(), int32_t(a.size())),
                                   icu::StringPiece(b.data(), int32_t(b.size())), status);
  if (U_FAILURE(status)) return a.compare(b);  // cannot happen for valid collators
  return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}

std::string Collator::SortKey(std::string_view s) const {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), int32_t(s.size())));
  std::string key(size_t(icu_->getSortKey(u, nullptr, 0)), '\0');
  icu_->getSortKey(u, reinterpret_cast<uint8_t*>(key.data()), int32_t(key.size()));
  if (!key.empty() && key.back() == '\0') key.pop_back();  // ICU counts its terminator
  return key;
}

}  // namespace swivel::os::text
