#include "os/text/dial.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace swivel::os::text {
namespace {

// ITU E.161 keypad letters for A..Z.
constexpr char kKeypad[] = "22233344455566677778889999";

}  // namespace

std::string DialString(std::string_view utf8) {
  std::string out;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) continue;  // invalid UTF-8
    if (u_charType(c) == U_DECIMAL_DIGIT_NUMBER) {
      out.push_back(static_cast<char>('0' + u_charDigitValue(c)));
    } else if (c == '+') {
      if (out.empty()) out.push_back('+');
    } else if (c == '*' || c == '#') {
      out.push_back(static_cast<char>(c));
    } else if (c >= 'a' && c <= 'z') {
      out.push_back(kKeypad[c - 'a']);
    } else if (c >= 'A' && c <= 'Z') {
      out.push_back(kKeypad[c - 'A']);
    }
  }
  return out;
}

}  // namespace swivel::os::text
