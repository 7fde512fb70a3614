#pragma once
// Names for the screenshots the window's hotkeys save: STEM-1.png, STEM-2.png, ... the first
// that does not exist yet (no timestamps: a session's shots sort in the order taken).
#include <functional>
#include <string>
#include <string_view>

namespace swivel::emulator::window {

std::string NextShotName(std::string_view stem, const std::function<bool(const std::string&)>& exists);

}  // namespace swivel::emulator::window
