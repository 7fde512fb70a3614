#pragma once
// Saves 8-bit RGB rows as a PNG: the window as shown (skin and screen), for docs. (Handset
// screenshots are RGB565 and go through os/gfx's SavePng instead.)
#include <cstdint>
#include <span>
#include <string>

namespace swivel::emulator::window {

// False, with `error` naming the file, when it cannot be written.
bool SaveRgbPng(const std::string& path, std::span<const uint8_t> rgb, int32_t width, int32_t height,
                std::string* error);

}  // namespace swivel::emulator::window
