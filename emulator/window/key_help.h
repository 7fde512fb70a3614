#pragma once
// The window's key table (host_keys.h) as text, without SDL: for --help (plain text, indented
// two spaces) and README.md (Markdown tables; a test checks README.md holds exactly this).
#include <string>

namespace swivel::emulator::window {

std::string KeyHelp();
std::string KeyMarkdown();

}  // namespace swivel::emulator::window
