#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "os/text/collator.h"
#include "os/text/fold.h"
#include "os/text/graphemes.h"

namespace swivel::os::text {
namespace {

std::vector<std::string> Sorted(std::string_view locale, std::vector<std::string> names) {
  std::string error;
  auto c = Collator::Create(locale, &error);
  EXPECT_NE(c, nullptr) << error;
  std::sort(names.begin(), names.end(), [&](const auto& a, const auto& b) { return c->Less(a, b); });
  return names;
}

TEST(Collator, SortsAsTheLocaleReads) {
  const std::vector<std::string> names = {"Zander", "\xc3\x96" "dman", "Mueller", "M\xc3\xbcller",
                                          "Muller", "adams", "Adams"};
  EXPECT_EQ(Sorted("de_DE", names),
            (std::vector<std::string>{"adams", "Adams", "Mueller", "Muller", "M\xc3\xbcller",
                                      "\xc3\x96" "dman", "Zander"}))
      << "German: \xc3\xb6 sorts with o, \xc3\xbc after u; lower case first on a tie";
  EXPECT_EQ(Sorted("sv_SE", names).back(), "\xc3\x96" "dman") << "Swedish: \xc3\x96 after Z";
}

TEST(Collator, SortKeysOrderLikeCompare) {
  std::string error;
  auto c = Collator::Create("de_DE", &error);
  ASSERT_NE(c, nullptr) << error;
  const std::vector<std::string> names = {"M\xc3\xbcller", "Muller", "Zander", "adams"};
  for (const auto& a : names)
    for (const auto& b : names)
      EXPECT_EQ(c->Compare(a, b) < 0, c->SortKey(a) < c->SortKey(b)) << a << " vs " << b;
}

TEST(Fold, CaseAndAccentsGoLettersOfTheirOwnStay) {
  EXPECT_EQ(FoldForSearch("M\xc3\xbcller"), "muller");
  EXPECT_EQ(FoldForSearch("Stra\xc3\x9f" "e"), "strasse");
  EXPECT_EQ(FoldForSearch("Fran\xc3\xa7ois"), "francois");
  EXPECT_EQ(FoldForSearch("\xce\x91\xce\x98\xce\x97\xce\x9d\xce\x91"),  // ΑΘΗΝΑ
            FoldForSearch("\xce\x91\xce\xb8\xce\xae\xce\xbd\xce\xb1"));  // Αθήνα
  EXPECT_EQ(FoldForSearch("\xd0\x9c\xd0\x9e\xd0\xa1\xd0\x9a\xd0\x92\xd0\x90"),  // МОСКВА
            "\xd0\xbc\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0");                 // москва
  EXPECT_EQ(FoldForSearch("\xc4\xb0stanbul"), "istanbul") << "Turkish dotted I: root rules";
  EXPECT_EQ(FoldForSearch("S\xc3\xb8ren"), "s\xc3\xb8ren") << "\xc3\xb8 is a letter, not o + mark";
}

}  // namespace
}  // namespace swivel::os::text

namespace swivel::os::text {
namespace {

TEST(Graphemes, ClustersAreNeverSplit) {
  const std::string e_acute = "e\xcc\x81";                       // e + COMBINING ACUTE
  const std::string flag = "\xf0\x9f\x87\xa9\xf0\x9f\x87\xaa";  // regional indicators D E
  const std::string family =                                      // man ZWJ woman ZWJ girl
      "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7";
  const std::string text = "a" + e_acute + flag + family + "b";
  std::vector<size_t> stops{0};
  while (stops.back() < text.size()) stops.push_back(NextGrapheme(text, stops.back()));
  EXPECT_EQ(stops, (std::vector<size_t>{0, 1, 1 + e_acute.size(), 1 + e_acute.size() + flag.size(),
                                        text.size() - 1, text.size()}));
  for (size_t i = stops.size() - 1; i > 0; --i) EXPECT_EQ(PreviousGrapheme(text, stops[i]), stops[i - 1]);
  EXPECT_EQ(PreviousGrapheme(text, 2), 1u) << "from inside a cluster: its start";
}

}  // namespace
}  // namespace swivel::os::text

#include "os/text/format.h"

namespace swivel::os::text {
namespace {

TEST(Format, TimesAndDatesAsTheLocaleWritesThem) {
  const int64_t t = 1795599660000;  // 2026-11-25 09:41 UTC
  EXPECT_EQ(FormatShortTime(t, "en_US", "UTC"), "9:41\xe2\x80\xaf" "AM");
  EXPECT_EQ(FormatShortTime(t, "de_DE", "UTC"), "09:41");
  EXPECT_EQ(FormatShortTime(t, "de_DE", "Europe/Berlin"), "10:41") << "the device's zone";
  EXPECT_EQ(FormatMediumDate(t, "en_US", "UTC"), "Nov 25, 2026");
  EXPECT_EQ(FormatMediumDate(t, "de_DE", "UTC"), "25.11.2026");
  EXPECT_EQ(FormatShortTime(t, "en_US", "Nowhere/Atlantis"), "9:41\xe2\x80\xaf" "AM")
      << "an unknown zone is UTC";
}

}  // namespace
}  // namespace swivel::os::text
