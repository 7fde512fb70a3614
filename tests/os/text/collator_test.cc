#include "os/text/collator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace swivel::os::text {
namespace {

std::unique_ptr<Collator> Make(const char* locale,
                               Collator::Strength strength = Collator::Strength::kTertiary) {
  std::unique_ptr<Collator> c = Collator::Create(locale, strength);
  EXPECT_NE(c, nullptr) << locale;
  return c;
}

std::vector<std::string> Sorted(const char* locale, std::vector<std::string> items) {
  Make(locale)->Sort(items);
  return items;
}

TEST(Collator, GermanSortsUmlautWithItsBaseLetter) {
  // Byte order would put "Müller" after "Mz" (ü is 0xC3 0xBC); German puts it with "Mu".
  EXPECT_EQ(Sorted("de_DE", {"Mz", "Müller", "Mueller", "Muller", "Ma"}),
            (std::vector<std::string>{"Ma", "Mueller", "Muller", "Müller", "Mz"}));
  EXPECT_LT(Make("de_DE")->Compare("Müller", "Mz"), 0);
}

TEST(Collator, SwedishSortsOUmlautAfterZ) {
  const std::vector<std::string> names = {"Öberg",  "Zetterlund", "Ängel",
                                          "Olsson", "Åberg",      "Andersson"};
  // The Swedish alphabet ends ... x y z å ä ö (byte order would put Ä before Å).
  EXPECT_EQ(Sorted("sv_SE", names), (std::vector<std::string>{"Andersson", "Olsson", "Zetterlund",
                                                              "Åberg", "Ängel", "Öberg"}));
  // The same names in German: Ö with O, Å and Ä with A.
  EXPECT_EQ(Sorted("de_DE", names), (std::vector<std::string>{"Åberg", "Andersson", "Ängel",
                                                              "Öberg", "Olsson", "Zetterlund"}));
}

TEST(Collator, AccentsAreSecondaryAndCaseTertiary) {
  std::unique_ptr<Collator> en = Make("en_US");
  // Base letters decide first: an accent or capital never outweighs a later letter.
  EXPECT_LT(en->Compare("résumé", "resumes"), 0);
  EXPECT_LT(en->Compare("Résumé", "resumes"), 0);
  // Equal letters: the accent decides, then case (lower before upper in English).
  EXPECT_LT(en->Compare("resume", "résumé"), 0);
  EXPECT_LT(en->Compare("résumé", "Résumé"), 0);
  EXPECT_LT(en->Compare("resume", "Resume"), 0);
  EXPECT_EQ(en->Compare("résumé", "résumé"), 0);

  std::unique_ptr<Collator> primary = Make("en_US", Collator::Strength::kPrimary);
  EXPECT_EQ(primary->Compare("RÉSUMÉ", "resume"), 0);
  EXPECT_LT(primary->Compare("resume", "resumes"), 0);
  std::unique_ptr<Collator> secondary = Make("en_US", Collator::Strength::kSecondary);
  EXPECT_EQ(secondary->Compare("Resume", "resume"), 0);
  EXPECT_LT(secondary->Compare("resume", "résumé"), 0);
}

TEST(Collator, NfdAndNfcSpellingsCollateEqual) {
  std::unique_ptr<Collator> en = Make("en_US");
  EXPECT_EQ(en->Compare("Ren\xC3\xA9", "Rene\xCC\x81"), 0);  // é vs e + U+0301
  EXPECT_EQ(en->SortKey("Ren\xC3\xA9"), en->SortKey("Rene\xCC\x81"));
}

TEST(Collator, SortKeysOrderLikeCompare) {
  std::unique_ptr<Collator> de = Make("de_DE");
  const std::vector<std::string> words = {"Äpfel", "apfel", "Apfel", "Zebra", "zebra", "Ähre",
                                          "Bär", "bar", "Bar", "", "1", "a b", "ab", "Ab"};
  for (const std::string& a : words) {
    for (const std::string& b : words) {
      const int cmp = de->Compare(a, b);
      const int by_key = de->SortKey(a).compare(de->SortKey(b));
      EXPECT_EQ(cmp < 0, by_key < 0) << a << " vs " << b;
      EXPECT_EQ(cmp == 0, by_key == 0) << a << " vs " << b;
    }
  }
  EXPECT_FALSE(de->SortKey("x").empty());
  EXPECT_EQ(de->SortKey("Zebra").find('\0'), std::string::npos);  // no terminator kept
}

TEST(Collator, SortResultDoesNotDependOnInputOrder) {
  std::unique_ptr<Collator> en = Make("en_US");
  std::vector<std::string> items = {"b", "Rene\xCC\x81", "a", "Ren\xC3\xA9", "B", "A", "c"};
  std::vector<std::string> first = items;
  en->Sort(first);
  std::sort(items.begin(), items.end());
  do {
    std::vector<std::string> again = items;
    en->Sort(again);
    ASSERT_EQ(again, first);
  } while (std::next_permutation(items.begin(), items.end()));
  // The two spellings of René collate equal and are ordered by bytes: NFD ("e" 0x65)
  // before NFC (0xC3).
  EXPECT_EQ(first, (std::vector<std::string>{"a", "A", "b", "B", "c", "Rene\xCC\x81",
                                              "Ren\xC3\xA9"}));
}

TEST(Collator, LongStringsGetWholeKeys) {
  std::unique_ptr<Collator> en = Make("en_US");
  const std::string a(500, 'a');
  const std::string b = a + "b";
  EXPECT_GT(en->SortKey(a).size(), 500u);  // longer than the first buffer: regrown
  EXPECT_LT(en->SortKey(a), en->SortKey(b));
  EXPECT_LT(en->Compare(a, b), 0);
}

}  // namespace
}  // namespace swivel::os::text
