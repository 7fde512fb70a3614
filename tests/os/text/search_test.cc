#include "os/text/search.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace swivel::os::text {
namespace {

class SearchTest : public ::testing::Test {
 protected:
  std::unique_ptr<SearchFolder> folder = SearchFolder::Create();
  void SetUp() override { ASSERT_NE(folder, nullptr); }
  std::string Fold(std::string_view s) { return folder->Fold(s); }
  bool Matches(std::string_view haystack, std::string_view query,
               MatchMode mode = MatchMode::kWordPrefix) {
    return folder->Matches(haystack, query, mode);
  }
};

TEST_F(SearchTest, GermanFoldsUmlautsAndSharpS) {
  EXPECT_EQ(Fold("Müller"), "muller");
  EXPECT_EQ(Fold("Mu\xCC\x88ller"), "muller");  // NFD: u + U+0308
  EXPECT_EQ(Fold("Straße"), "strasse");
  EXPECT_EQ(Fold("STRASSE"), "strasse");
  EXPECT_EQ(Fold("ẞ"), "ss");  // capital sharp s
  EXPECT_TRUE(Matches("Müller", "muller"));
  EXPECT_TRUE(Matches("Hans Muller", "MÜL"));
  EXPECT_TRUE(Matches("Weißenburger Straße 5", "strasse"));
  EXPECT_FALSE(Matches("Müller", "mueller"));  // "ue" spelling is not folded to "ü"
}

TEST_F(SearchTest, FrenchAccentsAndLigatures) {
  EXPECT_EQ(Fold("Hélène Dupré-Cœur"), "helene dupre-coeur");
  EXPECT_EQ(Fold("Ç"), "c");
  EXPECT_TRUE(Matches("François Lefèvre", "francois"));
  EXPECT_TRUE(Matches("François Lefèvre", "lefe"));
  EXPECT_TRUE(Matches("Dupré-Cœur", "coe"));
}

TEST_F(SearchTest, LettersWithoutDecompositions) {
  EXPECT_EQ(Fold("Søren Łukasz Đorđe Æsir Þór"), "soren lukasz dorde aesir thor");
}

TEST_F(SearchTest, GreekCaseFoldsFinalSigmaAndTonos) {
  EXPECT_EQ(Fold("ΣΩΚΡΆΤΗΣ"), "σωκρατησ");
  EXPECT_EQ(Fold("Σωκράτης"), "σωκρατησ");  // final ς folds to σ
  EXPECT_TRUE(Matches("Σωκράτης Παπαδόπουλος", "παπαδοπ"));
  EXPECT_TRUE(Matches("Σωκράτης", "ΣΩΚΡΑΤΗΣ"));
  EXPECT_FALSE(Matches("Σωκράτης", "sokrates"));  // no transliteration between scripts
}

TEST_F(SearchTest, CyrillicCaseFolds) {
  EXPECT_EQ(Fold("ЖУКОВ"), "жуков");
  EXPECT_EQ(Fold("Пётр"), "петр");  // ё -> е, as Russian search habitually does
  EXPECT_EQ(Fold("Й"), "и");        // documented looseness: the breve is dropped too
  EXPECT_TRUE(Matches("Пётр Ильич Чайковский", "чайк"));
  EXPECT_TRUE(Matches("Пётр Ильич Чайковский", "ПЕТР"));
}

TEST_F(SearchTest, TurkishDottedAndDotlessIFoldToI) {
  // Locale-independent on purpose: all four letters meet at "i".
  EXPECT_EQ(Fold("I"), "i");
  EXPECT_EQ(Fold("İ"), "i");
  EXPECT_EQ(Fold("ı"), "i");
  EXPECT_EQ(Fold("Işık"), "isik");
  EXPECT_EQ(Fold("İSTANBUL"), "istanbul");
  EXPECT_TRUE(Matches("Işık Yılmaz", "isik"));
  EXPECT_TRUE(Matches("Işık Yılmaz", "IŞIK"));
  EXPECT_TRUE(Matches("İstanbul", "ist"));
  EXPECT_TRUE(Matches("Istanbul", "İST"));
}

TEST_F(SearchTest, MarksOutsideLatinGreekCyrillicAreKept) {
  // Japanese dakuten makes another kana: が (ka + dakuten) must not match か.
  EXPECT_EQ(Fold("が"), "が");
  EXPECT_FALSE(Matches("がっこう", "か", MatchMode::kSubstring));
  // A Devanagari virama stays.
  EXPECT_EQ(Fold("क्ष"), "क्ष");
  // Hangul survives the NFD/NFC round trip as syllables.
  EXPECT_EQ(Fold("한국"), "한국");
}

TEST_F(SearchTest, CompatibilityFormsAndIgnorables) {
  EXPECT_EQ(Fold("ｆｕｌｌ ＷＩＤＴＨ"), "full width");
  EXPECT_EQ(Fold("ﬁne"), "fine");
  EXPECT_EQ(Fold("co\xC2\xADop"), "coop");  // soft hyphen dropped
}

TEST_F(SearchTest, WordPrefixRule) {
  const char* name = "John Smith-Jones";
  EXPECT_TRUE(Matches(name, "jo"));
  EXPECT_TRUE(Matches(name, "smi"));
  EXPECT_TRUE(Matches(name, "jon"));          // "Jones" after the hyphen is a word
  EXPECT_TRUE(Matches(name, "sm jo"));        // words in any order
  EXPECT_TRUE(Matches(name, "  john   "));    // spaces around the query do not matter
  EXPECT_FALSE(Matches(name, "ohn"));         // inside a word: not a word prefix
  EXPECT_FALSE(Matches(name, "john x"));      // every query word must match
  EXPECT_FALSE(Matches(name, "johnsmith"));
  EXPECT_TRUE(Matches(name, ""));
  EXPECT_TRUE(Matches(name, "   "));
  EXPECT_TRUE(Matches("Patrick O'Brien", "o'b"));
  EXPECT_TRUE(Matches("+1 (555) 010-4477", "555"));
  EXPECT_EQ(folder->FoldedWords("Dr. Anne-Marie  O'Brien, 3rd"),
            (std::vector<std::string>{"dr", "anne", "marie", "o'brien", "3rd"}));
}

TEST_F(SearchTest, SubstringRule) {
  EXPECT_TRUE(Matches("John Smith", "ohn", MatchMode::kSubstring));
  EXPECT_TRUE(Matches("John Smith", "N SM", MatchMode::kSubstring));
  EXPECT_TRUE(Matches("Müller", "ULL", MatchMode::kSubstring));
  EXPECT_FALSE(Matches("John Smith", "smith john", MatchMode::kSubstring));
  EXPECT_TRUE(Matches("anything", "", MatchMode::kSubstring));
}

}  // namespace
}  // namespace swivel::os::text
