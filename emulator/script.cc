#include "emulator/script.h"

#include <cctype>
#include <charconv>

namespace swivel::emulator {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Splits off the first word; `rest` gets what follows, trimmed.
std::string_view Word(std::string_view s, std::string_view* rest) {
  s = Trim(s);
  size_t end = 0;
  while (end < s.size() && !std::isspace(static_cast<unsigned char>(s[end]))) ++end;
  *rest = Trim(s.substr(end));
  return s.substr(0, end);
}

// One UTF-8 code point making up all of `s`, or 0.
char32_t SingleCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  const auto b0 = static_cast<unsigned char>(s[0]);
  size_t n = b0 < 0x80 ? 1 : (b0 >> 5) == 6 ? 2 : (b0 >> 4) == 14 ? 3 : (b0 >> 3) == 30 ? 4 : 0;
  if (n == 0 || s.size() != n) return 0;
  char32_t c = n == 1 ? b0 : b0 & (0x7F >> n);
  for (size_t i = 1; i < n; ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if ((b >> 6) != 2) return 0;
    c = (c << 6) | (b & 0x3F);
  }
  return c;
}

// A double-quoted string with \" \\ \n escapes, and nothing after it.
bool Quoted(std::string_view s, std::string* out, std::string* error) {
  if (s.size() < 2 || s.front() != '"') {
    *error = "expected a \"quoted\" string";
    return false;
  }
  out->clear();
  for (size_t i = 1; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '"') {
      if (!Trim(s.substr(i + 1)).empty()) {
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

bool OnOff(std::string_view s, bool* on) {
  if (s == "on") return *on = true, true;
  if (s == "off") return *on = false, true;
  return false;
}

template <typename T>
bool Number(std::string_view s, T* out) {
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

// Parses one command line; `error` says why not.
std::optional<Command> ParseLine(std::string_view line, std::string* error) {
  std::string_view rest;
  const std::string_view verb = Word(line, &rest);
  std::string_view arg;
  if (verb == "press") {
    if (rest.empty()) return *error = "press needs a key", std::nullopt;
    Press press;
    // Split on '+', where an empty part is the '+' key itself ("press +", "press Shift++").
    std::string_view chord = rest;
    while (!chord.empty()) {
      size_t plus = chord.find('+');
      if (plus == 0) plus = 1;  // the '+' character
      const std::string_view name = chord.substr(0, plus);
      chord = plus < chord.size() ? chord.substr(plus + 1) : std::string_view{};
      const auto stroke = ParseKeyStroke(name);
      if (!stroke) return *error = "unknown key '" + std::string(name) + "'", std::nullopt;
      press.chord.push_back(*stroke);
    }
    return press;
  }
  if (verb == "type") {
    Type t;
    if (!Quoted(rest, &t.text, error)) return std::nullopt;
    return t;
  }
  if (verb == "wait") {
    Wait w;
    if (!Number(rest, &w.ms) || w.ms < 0)
      return *error = "wait needs milliseconds (a whole number)", std::nullopt;
    return w;
  }
  if (verb == "expect") {
    const std::string_view what = Word(rest, &arg);
    if (what == "focus") {
      if (arg.empty() || arg.find_first_of(" \t") != std::string_view::npos)
        return *error = "expect focus needs one widget id", std::nullopt;
      return ExpectFocus{std::string(arg)};
    }
    ExpectText e;
    std::string_view quoted = arg;
    if (what == "no") {
      if (Word(arg, &quoted) != "text") return *error = "expected 'expect no text \"...\"'", std::nullopt;
      e.present = false;
    } else if (what != "text") {
      return *error = "expect takes 'text', 'no text' or 'focus'", std::nullopt;
    }
    if (!Quoted(quoted, &e.text, error)) return std::nullopt;
    return e;
  }
  if (verb == "screenshot") {
    if (rest.empty()) return *error = "screenshot needs a file name", std::nullopt;
    return Screenshot{std::string(rest)};
  }
  if (verb == "battery") {
    const std::string_view what = Word(rest, &arg);
    if (what == "pull" && arg.empty()) return BatteryPull{};
    if (what == "level") {
      BatteryLevel l;
      if (!Number(arg, &l.percent) || l.percent < 0 || l.percent > 100)
        return *error = "battery level needs a percentage 0..100", std::nullopt;
      return l;
    }
    if (what == "charger") {
      Charger c;
      if (!OnOff(arg, &c.on)) return *error = "battery charger takes on or off", std::nullopt;
      return c;
    }
    return *error = "battery takes pull, level N or charger on|off", std::nullopt;
  }
  if (verb == "power") {
    if (rest == "on") return PowerOn{};
    return *error = "power takes on (pull the battery to turn it off)", std::nullopt;
  }
  if (verb == "radio") {
    RadioPower r;
    if (!OnOff(rest, &r.on)) return *error = "radio takes on or off", std::nullopt;
    return r;
  }
  return *error = "unknown command '" + std::string(verb) + "'", std::nullopt;
}

}  // namespace

std::optional<KeyStroke> ParseKeyStroke(std::string_view name) {
  if (const char32_t c = SingleCodePoint(name); c != 0 && c >= 0x20)
    return KeyStroke{hal::Key::kCharacter, c};
  std::string lower(name);
  for (char& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
  const auto key = hal::KeyFromName(lower);
  if (!key || *key == hal::Key::kNone || *key == hal::Key::kCharacter) return std::nullopt;
  return KeyStroke{*key, 0};
}

ScriptResult ParseScript(std::string_view text, std::string_view file) {
  ScriptResult result;
  result.script.file = std::string(file);
  int number = 0;
  while (!text.empty()) {
    const size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    line = Trim(line);
    if (line.empty() || line.front() == '#') continue;
    std::string error;
    auto command = ParseLine(line, &error);
    if (!command) {
      result.script.lines.clear();
      result.error = std::string(file) + ":" + std::to_string(number) + ": " + error;
      return result;
    }
    result.script.lines.push_back({number, std::move(*command)});
  }
  return result;
}

}  // namespace swivel::emulator
