#include "os/text/cursor.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace swivel::os::text {
namespace {

const std::string kEAcute = "e\xCC\x81";                        // e + U+0301
const std::string kThumbsDark = "\U0001F44D\U0001F3FF";          // 👍 + dark skin tone
const std::string kFamily = "\U0001F468\u200D\U0001F469\u200D\U0001F467";  // ZWJ family
const std::string kFlag = "\U0001F1E9\U0001F1EA";                // regional indicators D E
const std::string kHangulJamo = "\u1100\u1161\u11A8";            // ᄀ ᅡ ᆨ: one syllable, 3 jamo

class CursorTest : public ::testing::Test {
 protected:
  std::unique_ptr<GraphemeCursor> cursor = GraphemeCursor::Create("en_US");
  void SetUp() override { ASSERT_NE(cursor, nullptr); }

  // Every boundary from the start, stepping right, then from the end, stepping left.
  std::vector<size_t> StopsRight(std::string_view text) {
    std::vector<size_t> stops{0};
    for (size_t at = 0; at < text.size();) stops.push_back(at = cursor->Next(text, at));
    return stops;
  }
  std::vector<size_t> StopsLeft(std::string_view text) {
    std::vector<size_t> stops{text.size()};
    for (size_t at = text.size(); at > 0;) {
      at = cursor->Previous(text, at);
      stops.insert(stops.begin(), at);
    }
    return stops;
  }
};

TEST_F(CursorTest, StepsOverWholeClusters) {
  const std::string text = "a" + kEAcute + kThumbsDark + kFamily + kFlag + kHangulJamo + "\r\nz";
  std::vector<size_t> expected{0};
  for (const std::string& cluster :
       {std::string("a"), kEAcute, kThumbsDark, kFamily, kFlag, kHangulJamo,
        std::string("\r\n"), std::string("z")}) {
    expected.push_back(expected.back() + cluster.size());
  }
  EXPECT_EQ(StopsRight(text), expected);
  EXPECT_EQ(StopsLeft(text), expected);
  for (size_t stop : expected) EXPECT_TRUE(cursor->IsBoundary(text, stop)) << stop;
  EXPECT_FALSE(cursor->IsBoundary(text, 2));  // between e and its accent
  EXPECT_FALSE(cursor->IsBoundary(text, 5));  // inside the UTF-8 of U+1F44D
}

TEST_F(CursorTest, EndsAndOutOfRangeOffsets) {
  EXPECT_EQ(cursor->Next("", 0), 0u);
  EXPECT_EQ(cursor->Previous("", 0), 0u);
  EXPECT_EQ(cursor->Next("ab", 2), 2u);
  EXPECT_EQ(cursor->Next("ab", 99), 2u);
  EXPECT_EQ(cursor->Previous("ab", 0), 0u);
  EXPECT_EQ(cursor->Previous("ab", 99), 1u);  // from the end
  // From inside a cluster, each way goes to that cluster's edge.
  const std::string text = "x" + kEAcute + "y";
  EXPECT_EQ(cursor->Next(text, 2), 4u);
  EXPECT_EQ(cursor->Previous(text, 2), 1u);
  // From inside a UTF-8 sequence too.
  const std::string emoji = "a" + kThumbsDark + "b";
  for (size_t inside = 2; inside < 1 + kThumbsDark.size(); ++inside) {
    EXPECT_EQ(cursor->Previous(emoji, inside), 1u) << inside;
    EXPECT_EQ(cursor->Next(emoji, inside), 1 + kThumbsDark.size()) << inside;
  }
}

TEST_F(CursorTest, BackspaceRemovesAWholeCluster) {
  struct Case {
    std::string cluster;
    const char* what;
  };
  for (const Case& c : {Case{kEAcute, "combining accent"}, Case{kThumbsDark, "skin tone"},
                        Case{kFamily, "ZWJ sequence"}, Case{kFlag, "flag"},
                        Case{kHangulJamo, "conjoining jamo"}, Case{"한", "Hangul syllable"},
                        Case{"\r\n", "CR LF"}}) {
    std::string text = "ab" + c.cluster;
    EXPECT_EQ(cursor->Backspace(text, text.size()), 2u) << c.what;
    EXPECT_EQ(text, "ab") << c.what;

    text = c.cluster + "z";
    EXPECT_EQ(cursor->Delete(text, 0), 0u) << c.what;
    EXPECT_EQ(text, "z") << c.what;
  }
}

TEST_F(CursorTest, BackspaceInTheMiddleAndAtTheEdges) {
  std::string text = "a" + kEAcute + "b";
  EXPECT_EQ(cursor->Backspace(text, 1 + kEAcute.size()), 1u);
  EXPECT_EQ(text, "ab");
  EXPECT_EQ(cursor->Backspace(text, 0), 0u);  // nothing before the start
  EXPECT_EQ(text, "ab");
  EXPECT_EQ(cursor->Delete(text, 2), 2u);  // nothing after the end
  EXPECT_EQ(text, "ab");
  // A cursor inside a cluster takes the whole cluster, never half of it (which would leave
  // a bare accent, or broken UTF-8).
  text = "a" + kThumbsDark + "b";
  EXPECT_EQ(cursor->Backspace(text, 3), 1u);
  EXPECT_EQ(text, "ab");
  text = "a" + kThumbsDark + "b";
  EXPECT_EQ(cursor->Delete(text, 3), 1u);
  EXPECT_EQ(text, "ab");
}

TEST_F(CursorTest, WordRightGoesToTheEndOfTheNextWord) {
  const std::string text = "Hello,  wörld! 42 o'clock";
  //                        0    5  8     14 16 19
  EXPECT_EQ(cursor->WordRight(text, 0), 5u);   // end of "Hello"
  EXPECT_EQ(cursor->WordRight(text, 2), 5u);   // from inside a word: its end
  EXPECT_EQ(cursor->WordRight(text, 5), 14u);  // skips ",  " to the end of "wörld" (ö = 2 bytes)
  EXPECT_EQ(cursor->WordRight(text, 14), 18u);  // "42" (16..18) is a word
  EXPECT_EQ(cursor->WordRight(text, 18), text.size());  // "o'clock" is one word
  EXPECT_EQ(cursor->WordRight(text, text.size()), text.size());
  EXPECT_EQ(cursor->WordRight("word ...", 4), 8u);  // nothing but punctuation: the end
}

TEST_F(CursorTest, WordLeftGoesToTheStartOfThePreviousWord) {
  const std::string text = "Hello,  wörld! 42 o'clock";
  EXPECT_EQ(cursor->WordLeft(text, text.size()), 19u);  // start of "o'clock"
  EXPECT_EQ(cursor->WordLeft(text, 19), 16u);           // start of "42"
  EXPECT_EQ(cursor->WordLeft(text, 16), 8u);            // skips "! " to "wörld"
  EXPECT_EQ(cursor->WordLeft(text, 11), 8u);            // from inside a word: its start
  EXPECT_EQ(cursor->WordLeft(text, 8), 0u);             // skips ",  " to "Hello"
  EXPECT_EQ(cursor->WordLeft(text, 0), 0u);
  EXPECT_EQ(cursor->WordLeft("...   word", 3), 0u);  // nothing but punctuation: the start
  EXPECT_EQ(cursor->WordLeft("ab öx", 4), 3u);  // inside the UTF-8 of "ö": its word
}

TEST_F(CursorTest, JapaneseMovesByDictionaryWords) {
  std::unique_ptr<GraphemeCursor> ja = GraphemeCursor::Create("ja_JP");
  ASSERT_NE(ja, nullptr);
  const std::string text = "東京都に住む";  // 3 bytes per character
  const size_t first = ja->WordRight(text, 0);
  EXPECT_GT(first, 0u);
  EXPECT_LT(first, text.size());  // stops inside the run, not only at its end
  EXPECT_EQ(first % 3, 0u);
}

}  // namespace
}  // namespace swivel::os::text
