// Parsing of the script commands that reach the handset's data: sync and records.
#include "emulator/script.h"
#include "emulator/text_util.h"

#include <array>
#include <charconv>

namespace swivel::emulator {
namespace {

constexpr std::array<std::pair<RecordKind, std::string_view>, 5> kKinds{{
    {RecordKind::kContact, "contact"},
    {RecordKind::kEvent, "event"},
    {RecordKind::kTask, "task"},
    {RecordKind::kNote, "note"},
    {RecordKind::kPhoto, "photo"},
}};

std::optional<RecordKind> KindNamed(std::string_view name) {
  for (const auto& [kind, n] : kKinds)
    if (n == name) return kind;
  return std::nullopt;
}

bool IsId(std::string_view s) {
  return s.size() == 32 && s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

std::optional<Command> Fail(std::string* error, std::string message) {
  *error = std::move(message);
  return std::nullopt;
}

}  // namespace

std::string_view RecordKindName(RecordKind kind) {
  for (const auto& [k, name] : kKinds)
    if (k == kind) return name;
  return "?";
}

std::optional<Command> ParseDataCommand(std::string_view verb, std::string_view rest, std::string* error) {
  std::string_view arg;
  if (verb == "sync") {
    if (rest == "now") return SyncRun{true};
    if (rest == "start") return SyncRun{false};
    return Fail(error, "sync takes now or start");
  }
  if (verb == "sign") {
    if (Word(rest, &arg) != "in") return Fail(error, "expected 'sign in ACCOUNT \"PASSWORD\" [create]'");
    SignInAs s;
    std::string_view after;
    s.account = std::string(Word(arg, &after));
    if (s.account.empty()) return Fail(error, "sign in needs an account");
    std::string_view tail;
    if (!Quoted(after, &s.password, error, &tail)) return std::nullopt;
    if (tail == "create") s.create = true;
    else if (!tail.empty()) return Fail(error, "sign in takes only 'create' after the password");
    return s;
  }
  if (verb == "save" || verb == "delete") {
    const std::string_view kind_name = Word(rest, &arg);
    const auto kind = KindNamed(kind_name);
    if (!kind) return Fail(error, std::string(verb) + " takes contact, event, task, note or photo");
    if (verb == "delete") {
      if (!IsId(arg)) return Fail(error, "delete needs a record id (32 hex digits)");
      return DeleteRecord{*kind, std::string(arg)};
    }
    SaveRecord s{*kind, {}, {}, {}};
    if (!arg.empty() && arg.front() != '"' && IsId(Word(arg, &rest))) {
      s.id_hex = std::string(Word(arg, &rest));
      arg = rest;
    }
    if (*kind == RecordKind::kPhoto) {
      s.file = std::string(Word(arg, &rest));
      if (s.file.empty() || s.file.front() == '"') return Fail(error, "save photo needs a file with its bytes");
      arg = rest;
    } else if (!arg.empty() && arg.front() != '"') {
      return Fail(error, "'" + std::string(Word(arg, &rest)) + "' is not a record id (32 hex digits)");
    }
    if (!Quoted(arg, &s.text, error)) return std::nullopt;
    return s;
  }
  if (verb == "records") {
    if (!rest.empty()) return Fail(error, "records takes nothing after it");
    return ListRecords{};
  }
  if (verb == "flash") {
    if (Word(rest, &arg) != "cut") return Fail(error, "flash takes cut N");
    FlashCut c;
    const auto [p, ec] = std::from_chars(arg.data(), arg.data() + arg.size(), c.writes);
    if (ec != std::errc() || p != arg.data() + arg.size() || c.writes == 0)
      return Fail(error, "flash cut needs a count of writes (1 or more)");
    return c;
  }
  return std::nullopt;
}

}  // namespace swivel::emulator
