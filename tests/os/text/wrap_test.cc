#include "os/text/wrap.h"

#include <gtest/gtest.h>
#include <unicode/utf8.h>

#include <memory>
#include <string>
#include <vector>

namespace swivel::os::text {
namespace {

using Lines = std::vector<std::string>;

// A fixed-width test font: one pixel per code point, none for combining accents
// (U+0300..U+036F), so "é" is one pixel either way it is spelled.
int CodePoints(std::string_view s) {
  int width = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0x300 || c > 0x36F) ++width;
  }
  return width;
}

Lines WrapEn(std::string_view text, int width) { return Wrap(text, width, CodePoints, "en_US"); }

TEST(Wrap, BreaksBetweenWordsAtTheWidth) {
  EXPECT_EQ(WrapEn("The quick brown fox jumps over the lazy dog", 10),
            (Lines{"The quick", "brown fox", "jumps over", "the lazy", "dog"}));
  EXPECT_EQ(WrapEn("fits exactly", 12), (Lines{"fits exactly"}));
  EXPECT_EQ(WrapEn("fits exactly", 11), (Lines{"fits", "exactly"}));
}

TEST(Wrap, KeepsExplicitNewlines) {
  EXPECT_EQ(WrapEn("one\n\ntwo three", 20), (Lines{"one", "", "two three"}));
  EXPECT_EQ(WrapEn("dos\r\nline", 20), (Lines{"dos", "line"}));
  EXPECT_EQ(WrapEn("ends with newline\n", 20), (Lines{"ends with newline", ""}));
  EXPECT_EQ(WrapEn("", 20), (Lines{""}));
  EXPECT_EQ(WrapEn("short words\nwrap here too", 9),
            (Lines{"short", "words", "wrap here", "too"}));
}

TEST(Wrap, SpacesHangAtBreaksButLeadingSpacesStay) {
  EXPECT_EQ(WrapEn("  indented text here", 10), (Lines{"  indented", "text here"}));
  // Many spaces at a break vanish and are not measured.
  EXPECT_EQ(WrapEn("abc      def", 3), (Lines{"abc", "def"}));
  EXPECT_EQ(WrapEn("trailing   ", 8), (Lines{"trailing"}));
}

TEST(Wrap, FollowsUnicodeLineBreakRules) {
  // No break before "!" even after a space (UAX #14 LB13), so "!" takes its word along.
  EXPECT_EQ(WrapEn("aaa bbb !", 7), (Lines{"aaa", "bbb !"}));
  // A hyphen is a break opportunity; the hyphen stays on the first line.
  EXPECT_EQ(WrapEn("well-known", 6), (Lines{"well-", "known"}));
}

TEST(Wrap, CutsOverlongWordsBetweenGraphemes) {
  EXPECT_EQ(WrapEn("supercalifragilistic", 8), (Lines{"supercal", "ifragili", "stic"}));
  // The tail of a cut word shares its line with what follows.
  EXPECT_EQ(WrapEn("abcdefgh ij kl", 5), (Lines{"abcde", "fgh", "ij kl"}));
  EXPECT_EQ(WrapEn("ab abcdefgh", 5), (Lines{"ab", "abcde", "fgh"}));
  // e + U+0301 is one grapheme: never split from its accent.
  const std::string e_acute = "e\xCC\x81";
  std::string six;
  for (int i = 0; i < 6; ++i) six += e_acute;
  const Lines lines = WrapEn(six, 4);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], six.substr(0, 4 * e_acute.size()));
  EXPECT_EQ(lines[1], six.substr(4 * e_acute.size()));
}

TEST(Wrap, AGraphemeWiderThanTheLineGetsALineOfItsOwn) {
  // A ZWJ family is five code points (five pixels here) but one grapheme.
  const std::string family = "\U0001F468\u200D\U0001F469\u200D\U0001F467";
  EXPECT_EQ(WrapEn(family + family + "x", 3), (Lines{family, family, "x"}));
  EXPECT_EQ(WrapEn("abc", 0), (Lines{"a", "b", "c"}));
}

TEST(Wrap, UsesTheMeasureItIsGiven) {
  // A proportional font: "W" is three pixels, everything else one.
  auto proportional = [](std::string_view s) {
    int w = 0;
    for (char c : s) w += c == 'W' ? 3 : 1;
    return w;
  };
  EXPECT_EQ(Wrap("WW ii WW", 6, proportional), (Lines{"WW", "ii", "WW"}));
  EXPECT_EQ(Wrap("ii ii WW", 6, proportional), (Lines{"ii ii", "WW"}));
}

TEST(Wrap, JapaneseBreaksBetweenCharactersButNotBeforeSmallPunctuation) {
  const Lines lines = Wrap("これは日本語の文章です。次の文。", 6, CodePoints, "ja_JP");
  std::string joined;
  for (const std::string& line : lines) {
    EXPECT_LE(CodePoints(line), 6) << line;
    EXPECT_NE(line.rfind("。", 0), 0u) << "line starts with a full stop: " << line;
    joined += line;
  }
  EXPECT_EQ(joined, "これは日本語の文章です。次の文。");
  EXPECT_GE(lines.size(), 3u);
}

TEST(Wrap, EveryLineFitsAndNothingButBreakSpacesIsLost) {
  const std::string text =
      "Swivel's handset keeps its own data as a real copy that survives any power loss, "
      "and re-seeds a service that lost its data. Zwölf Boxkämpfer jagen Viktor quer über "
      "den großen Sylter Deich.";
  std::unique_ptr<LineWrapper> wrapper = LineWrapper::Create("en_US");
  ASSERT_NE(wrapper, nullptr);
  for (int width = 1; width <= 40; ++width) {
    const Lines lines = wrapper->Wrap(text, width, CodePoints);
    std::string joined;
    for (const std::string& line : lines) {
      EXPECT_LE(CodePoints(line), width) << "width " << width << ": " << line;
      EXPECT_FALSE(line.empty());
      EXPECT_NE(line.back(), ' ');
      joined += line;
    }
    std::string no_spaces;
    for (char c : text) {
      if (c != ' ') no_spaces += c;
    }
    std::string joined_no_spaces;
    for (char c : joined) {
      if (c != ' ') joined_no_spaces += c;
    }
    EXPECT_EQ(joined_no_spaces, no_spaces) << "width " << width;
  }
}

}  // namespace
}  // namespace swivel::os::text
