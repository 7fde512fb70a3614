#pragma once
// The script language tests and carrier demos are written in: one command a line.
//
//   press KEY[+KEY...]      a key or a chord (held in order, released in reverse):
//                           press Jump+c, press Down, press Menu
//   type "text"             types the text (escapes: \" \\ \n)
//   wait MS                 lets MS milliseconds of device time pass
//   expect text "..."       the screen shows the text somewhere (UI tree)
//   expect no text "..."    it does not
//   expect focus ID         the focused widget has this id
//   screenshot FILE         saves the screen as PNG
//   battery pull            the battery comes out: no shutdown code runs
//   battery level N         0..100
//   battery charger on|off
//   power on                boots the handset from its flash
//   radio on|off
//
// Blank lines and lines starting with # are ignored. A broken script is refused whole,
// with the file and line of the first problem.
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "hal/input.h"

namespace swivel::emulator {

struct KeyStroke {
  hal::Key key = hal::Key::kNone;
  char32_t character = 0;  // for hal::Key::kCharacter
  bool operator==(const KeyStroke&) const = default;
};

struct Press { std::vector<KeyStroke> chord; bool operator==(const Press&) const = default; };
struct Type { std::string text; bool operator==(const Type&) const = default; };
struct Wait { int64_t ms = 0; bool operator==(const Wait&) const = default; };
struct ExpectText {
  std::string text;
  bool present = true;  // false: "expect no text"
  bool operator==(const ExpectText&) const = default;
};
struct ExpectFocus { std::string id; bool operator==(const ExpectFocus&) const = default; };
struct Screenshot { std::string file; bool operator==(const Screenshot&) const = default; };
struct BatteryPull { bool operator==(const BatteryPull&) const = default; };
struct BatteryLevel { int percent = 0; bool operator==(const BatteryLevel&) const = default; };
struct Charger { bool on = false; bool operator==(const Charger&) const = default; };
struct PowerOn { bool operator==(const PowerOn&) const = default; };
struct RadioPower { bool on = false; bool operator==(const RadioPower&) const = default; };

using Command = std::variant<Press, Type, Wait, ExpectText, ExpectFocus, Screenshot,
                             BatteryPull, BatteryLevel, Charger, PowerOn, RadioPower>;

struct ScriptLine {
  int line = 0;  // in the file, from 1: failures name it
  Command command;
};

struct Script {
  std::string file;
  std::vector<ScriptLine> lines;
};

struct ScriptResult {
  Script script;
  std::string error;  // "FILE:LINE: what is wrong"; empty when the script parsed
  bool ok() const { return error.empty(); }
};

// `file` only names the script in errors.
ScriptResult ParseScript(std::string_view text, std::string_view file);

// The key a script names: a hal::Key name (Jump, Menu, Back, Cancel, Up, Enter, ...; any
// case) or a single character (a QWERTY key).
std::optional<KeyStroke> ParseKeyStroke(std::string_view name);

}  // namespace swivel::emulator
