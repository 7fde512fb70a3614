#pragma once
// Collator: locale-aware ordering of UTF-8 strings (contact lists, note titles).
//
// Built for one locale id ("en_US", "de_DE", "sv_SE"); the order is that locale's (CLDR):
// in German "Müller" sorts with "Muller", in Swedish "ö" comes after "z". Differences are
// weighed in levels: letters first, then accents (secondary), then case (tertiary), so
// "resume" < "résumé" < "Résumé" but all three sort before "resumes". Input in any
// normalization form sorts the same (NFD "e"+U+0301 equals NFC "é").
//
// A Collator owns its ICU handle and is not thread-safe; build one per thread (cheap
// after the first: ICU caches the locale's rules internally).
#include <unicode/uversion.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

// ICU's namespace is versioned (icu_72); these macros open the right one.
U_NAMESPACE_BEGIN
class Collator;
U_NAMESPACE_END

namespace swivel::os::text {

class Collator {
 public:
  // How many levels take part. kPrimary ignores accents and case ("muller" == "Müller");
  // kTertiary (the default) is the full order used for sorting lists.
  enum class Strength { kPrimary, kSecondary, kTertiary };

  // nullptr only when ICU cannot build any collator (broken ICU data). An unknown locale
  // gets the root order, as ICU does.
  static std::unique_ptr<Collator> Create(std::string_view locale_id,
                                          Strength strength = Strength::kTertiary);
  ~Collator();
  Collator(const Collator&) = delete;
  Collator& operator=(const Collator&) = delete;

  // <0, 0 or >0 as `a` sorts before, with, or after `b`.
  int Compare(std::string_view a, std::string_view b) const;

  // Bytes whose plain byte order (memcmp, std::string <) is Compare's order, so a list
  // can be sorted or indexed once and compared cheaply. Keys depend on the locale,
  // strength and ICU version: store them only beside what they were made from, and make
  // them again when any of those changes.
  std::string SortKey(std::string_view s) const;

  // Sorts `items` in this collator's order. Items that collate equal (e.g. NFC and NFD
  // spellings of one name) are ordered by their bytes, so the result depends only on the
  // set of strings, never on their input order.
  void Sort(std::vector<std::string>& items) const;

 private:
  explicit Collator(std::unique_ptr<icu::Collator> icu);
  std::unique_ptr<icu::Collator> icu_;
};

}  // namespace swivel::os::text
