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
// Sync and records, for drills and tests that check data rather than pixels (the OS's own
// interfaces, as an app would use them):
//   sync now                 a sync, run to its end on device time; prints "sync: STATUS"
//                            (with ": WHY" when it failed)
//   sync start               starts a sync and goes on at once (to pull the battery mid-sync)
//   sign in ACCOUNT "PASSWORD" [create]
//                            signs the handset in (create: the account too, when the
//                            server lacks it); fails with the server's reason
//   save KIND [ID] "TEXT"    saves a record: a new one, or record ID (32 hex digits)
//                            changed. KIND contact (TEXT is the name), event, task (the
//                            title) or note (the body). Prints "saved KIND ID revision N"
//   save photo [ID] FILE "CAPTION"
//                            a photo with FILE's bytes (on the host) and a caption
//   delete KIND ID           deletes a record (a tombstone stays, so the delete syncs)
//   records                  prints "record KIND ID revision N live|deleted "TEXT"" for
//                            every record, tombstones too, then "records: COUNT"; a
//                            photo's line ends "bytes SHA256" (of the bytes held, checked)
//                            or "bytes missing|corrupt"
//   flash cut N              the N-th flash write from now is torn and power fails with it
//
// Blank lines and lines starting with # are ignored. A broken script is refused whole,
// with the file and line of the first problem.
#include <cstdint>
#include <optional>
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

enum class RecordKind { kContact, kEvent, kTask, kNote, kPhoto };
struct SyncRun { bool wait = true; bool operator==(const SyncRun&) const = default; };
struct SignInAs {
  std::string account, password;
  bool create = false;
  bool operator==(const SignInAs&) const = default;
};
struct SaveRecord {
  RecordKind kind = RecordKind::kNote;
  std::string id_hex;  // empty: a new record
  std::string text;
  std::string file;    // photos: the host file with the bytes
  bool operator==(const SaveRecord&) const = default;
};
struct DeleteRecord {
  RecordKind kind = RecordKind::kNote;
  std::string id_hex;
  bool operator==(const DeleteRecord&) const = default;
};
struct ListRecords { bool operator==(const ListRecords&) const = default; };
struct FlashCut { uint64_t writes = 1; bool operator==(const FlashCut&) const = default; };

using Command = std::variant<Press, Type, Wait, ExpectText, ExpectFocus, Screenshot,
                             BatteryPull, BatteryLevel, Charger, PowerOn, RadioPower,
                             SyncRun, SignInAs, SaveRecord, DeleteRecord, ListRecords, FlashCut>;

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

// The sync and record commands (script_data.cc): the command `verb` with `rest` names, or
// nothing with `error` empty when `verb` is not one of them.
std::optional<Command> ParseDataCommand(std::string_view verb, std::string_view rest, std::string* error);

std::string_view RecordKindName(RecordKind kind);

// `file` only names the script in errors.
ScriptResult ParseScript(std::string_view text, std::string_view file);

// The key a script names: a hal::Key name (Jump, Menu, Back, Cancel, Up, Enter, ...; any
// case) or a single character (a QWERTY key).
std::optional<KeyStroke> ParseKeyStroke(std::string_view name);

}  // namespace swivel::emulator
