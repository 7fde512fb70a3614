#include "os/text/dial.h"

#include <gtest/gtest.h>

namespace swivel::os::text {
namespace {

TEST(DialString, KeepsDigitsAndDropsFormatting) {
  EXPECT_EQ(DialString("+1 (555) 010-4477"), "+15550104477");
  EXPECT_EQ(DialString("030 / 12 34 56.78"), "03012345678");
  EXPECT_EQ(DialString(""), "");
  EXPECT_EQ(DialString("()- ."), "");
}

TEST(DialString, DigitsOfAnyScriptBecomeAscii) {
  EXPECT_EQ(DialString("٠١٢٣٤٥٦٧٨٩"), "0123456789");   // Arabic-Indic
  EXPECT_EQ(DialString("۰۹"), "09");                   // Extended Arabic-Indic (Persian)
  EXPECT_EQ(DialString("０９０−１２３４"), "0901234");  // fullwidth, as Japanese IMEs type
  EXPECT_EQ(DialString("०९"), "09");                   // Devanagari
}

TEST(DialString, PlusOnlyFirstStarAndHashKept) {
  EXPECT_EQ(DialString("+44 +20"), "+4420");
  EXPECT_EQ(DialString(" +44"), "+44");  // leading spaces do not count
  EXPECT_EQ(DialString("*#06#"), "*#06#");
  EXPECT_EQ(DialString("1+2"), "12");
}

TEST(DialString, LatinLettersDialTheirKeypadDigits) {
  EXPECT_EQ(DialString("1-800-FLOWERS"), "18003569377");
  EXPECT_EQ(DialString("abc def ghi jkl mno pqrs tuv wxyz"), "22233344455566677778889999");
  EXPECT_EQ(DialString("ÄÖ"), "");  // only ASCII letters are on the keypad
}

TEST(DialString, InvalidUtf8IsSkipped) {
  EXPECT_EQ(DialString("12\xFF\xC3" "34"), "1234");
}

}  // namespace
}  // namespace swivel::os::text
