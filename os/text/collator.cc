#include "os/text/collator.h"

#include <unicode/coll.h>
#include <unicode/locid.h>

#include <algorithm>
#include <utility>

#include "os/text/icu_utf8.h"

namespace swivel::os::text {

std::unique_ptr<Collator> Collator::Create(std::string_view locale_id, Strength strength) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> icu(
      icu::Collator::createInstance(icu::Locale(std::string(locale_id).c_str()), status));
  if (U_FAILURE(status) || icu == nullptr) return nullptr;
  // Normalization on: otherwise NFD input (common from macOS and some keyboards) may sort
  // apart from the NFC spelling of the same name.
  icu->setAttribute(UCOL_NORMALIZATION_MODE, UCOL_ON, status);
  switch (strength) {
    case Strength::kPrimary: icu->setStrength(icu::Collator::PRIMARY); break;
    case Strength::kSecondary: icu->setStrength(icu::Collator::SECONDARY); break;
    case Strength::kTertiary: icu->setStrength(icu::Collator::TERTIARY); break;
  }
  if (U_FAILURE(status)) return nullptr;
  return std::unique_ptr<Collator>(new Collator(std::move(icu)));
}

Collator::Collator(std::unique_ptr<icu::Collator> icu) : icu_(std::move(icu)) {}
Collator::~Collator() = default;

int Collator::Compare(std::string_view a, std::string_view b) const {
  UErrorCode status = U_ZERO_ERROR;
  const UCollationResult r =
      icu_->compareUTF8(internal::Piece(a), internal::Piece(b), status);
  if (U_FAILURE(status)) return a.compare(b) < 0 ? -1 : (a == b ? 0 : 1);
  return static_cast<int>(r);
}

std::string Collator::SortKey(std::string_view s) const {
  const icu::UnicodeString u = internal::ToUnicode(s);
  std::string key(64, '\0');
  for (;;) {
    // getSortKey returns the full length needed (including its terminating 0 byte), even
    // when the buffer is too short.
    const int32_t need = icu_->getSortKey(u, reinterpret_cast<uint8_t*>(key.data()),
                                          static_cast<int32_t>(key.size()));
    if (need <= 0) return {};
    if (static_cast<size_t>(need) <= key.size()) {
      key.resize(static_cast<size_t>(need) - 1);  // drop the 0 terminator
      return key;
    }
    key.resize(static_cast<size_t>(need));
  }
}

void Collator::Sort(std::vector<std::string>& items) const {
  // One key per item, then byte comparisons: n keys instead of n log n full collations.
  std::vector<std::pair<std::string, std::string>> keyed;
  keyed.reserve(items.size());
  for (std::string& s : items) {
    std::string key = SortKey(s);
    keyed.emplace_back(std::move(key), std::move(s));
  }
  std::sort(keyed.begin(), keyed.end());  // key, then the item's bytes on equal keys
  for (size_t i = 0; i < items.size(); ++i) items[i] = std::move(keyed[i].second);
}

}  // namespace swivel::os::text
