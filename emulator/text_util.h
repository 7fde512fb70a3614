#pragma once
// Text helpers shared by the emulator's parsers (scripts, skins) and the script player.
#include <functional>
#include <string>
#include <string_view>

namespace swivel::emulator {

std::string_view Trim(std::string_view s);

// Calls `visit(number, line)` for each line of `text` (numbered from 1; a trailing \r is
// dropped; the line is trimmed), skipping blank lines and lines starting with #. Stops
// early, returning false, when `visit` returns false.
bool ForEachLine(std::string_view text, const std::function<bool(int, std::string_view)>& visit);

// Splits off the first word (up to white space); `rest` gets what follows, trimmed.
std::string_view Word(std::string_view s, std::string_view* rest);

// A double-quoted string at the start of `s`, with \" \\ \n escapes; `rest` (when given)
// gets what follows it, trimmed. Without `rest`, text after the closing quote is an error.
bool Quoted(std::string_view s, std::string* out, std::string* error, std::string_view* rest = nullptr);

// The same escapes the other way: `text` as a quoted string that Quoted reads back.
std::string Quote(std::string_view text);

// UTF-8 to code points; bytes that are not UTF-8 become U+FFFD.
std::u32string DecodeUtf8(std::string_view s);

}  // namespace swivel::emulator
