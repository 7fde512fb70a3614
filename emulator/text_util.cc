#include "emulator/text_util.h"

#include <cctype>

namespace swivel::emulator {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool ForEachLine(std::string_view text, const std::function<bool(int, std::string_view)>& visit) {
  int number = 0;
  while (!text.empty()) {
    const size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    ++number;
    line = Trim(line);  // also drops a trailing \r
    if (line.empty() || line.front() == '#') continue;
    if (!visit(number, line)) return false;
  }
  return true;
}

std::u32string DecodeUtf8(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    const size_t n = b0 < 0x80 ? 1 : (b0 >> 5) == 6 ? 2 : (b0 >> 4) == 14 ? 3 : (b0 >> 3) == 30 ? 4 : 0;
    bool ok = n != 0 && i + n <= s.size();
    char32_t c = ok ? (n == 1 ? b0 : b0 & (0x7F >> n)) : 0;
    for (size_t k = 1; ok && k < n; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      ok = (b >> 6) == 2;
      c = (c << 6) | (b & 0x3F);
    }
    out += ok ? c : U'\uFFFD';
    i += ok ? n : 1;
  }
  return out;
}

std::string_view Word(std::string_view s, std::string_view* rest) {
  s = Trim(s);
  size_t end = 0;
  while (end < s.size() && !std::isspace(static_cast<unsigned char>(s[end]))) ++end;
  *rest = Trim(s.substr(end));
  return s.substr(0, end);
}

bool Quoted(std::string_view s, std::string* out, std::string* error, std::string_view* rest) {
  if (s.size() < 2 || s.front() != '"') {
    *error = "expected a \"quoted\" string";
    return false;
  }
  out->clear();
  for (size_t i = 1; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '"') {
      const std::string_view after = Trim(s.substr(i + 1));
      if (rest) *rest = after;
      else if (!after.empty()) {
        *error = "unexpected text after the closing quote";
        return false;
      }
      return true;
    }
    if (c == '\\') {
      if (++i == s.size()) break;
      const char e = s[i];
      if (e == 'n') *out += '\n';
      else if (e == '"' || e == '\\') *out += e;
      else {
        *error = std::string("unknown escape \\") + e;
        return false;
      }
      continue;
    }
    *out += c;
  }
  *error = "missing closing quote";
  return false;
}

std::string Quote(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '\n') out += "\\n";
    else if (c == '"' || c == '\\') (out += '\\') += c;
    else out += c;
  }
  return out + '"';
}

}  // namespace swivel::emulator

