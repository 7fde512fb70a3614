#pragma once
// Collator: locale-aware ordering of names (ICU collation), so a list sorts as its reader
// expects: "Müller" with the u's in German, "Ödman" after "Zander" in Swedish.
#include <memory>
#include <string>
#include <string_view>

#include <unicode/uversion.h>  // ICU's namespace is versioned: `icu` is an alias

U_NAMESPACE_BEGIN
class Collator;
U_NAMESPACE_END

namespace swivel::os::text {

class Collator {
 public:
  // Nothing, with `error` saying why, when ICU has no collation for `locale` ("en_US",
  // "de_DE", "sv_SE", ...). ICU falls back to the root order for unknown regions.
  static std::unique_ptr<Collator> Create(std::string_view locale, std::string* error);
  ~Collator();

  // <0, 0, >0; strings are UTF-8 (invalid bytes compare as U+FFFD).
  int Compare(std::string_view a, std::string_view b) const;
  bool Less(std::string_view a, std::string_view b) const { return Compare(a, b) < 0; }
  // Bytes whose plain comparison gives the same order as Compare: store them to sort
  // without the collator.
  std::string SortKey(std::string_view s) const;

 private:
  explicit Collator(std::unique_ptr<icu::Collator> icu);
  std::unique_ptr<icu::Collator> icu_;
};

}  // namespace swivel::os::text
