#include "emulator/script.h"

#include "emulator/text_util.h"

#include <cctype>
#include <charconv>

namespace swivel::emulator {
namespace {

// One UTF-8 code point making up all of `s`, or 0.
char32_t SingleCodePoint(std::string_view s) {
  const std::u32string d = DecodeUtf8(s);
  return d.size() == 1 && (d[0] != U'\uFFFD' || s == "\xef\xbf\xbd") ? d[0] : 0;
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
  if (auto data = ParseDataCommand(verb, rest, error); data || !error->empty()) return data;
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
  ForEachLine(text, [&](int number, std::string_view line) {
    std::string error;
    auto command = ParseLine(line, &error);
    if (!command) {
      result.script.lines.clear();
      result.error = std::string(file) + ":" + std::to_string(number) + ": " + error;
      return false;
    }
    result.script.lines.push_back({number, std::move(*command)});
    return true;
  });
  return result;
}

}  // namespace swivel::emulator
