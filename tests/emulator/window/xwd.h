#pragma once
// Reading an X window dump (xwd's file format, as `xwd -root` writes it) into 8-bit RGB, for
// tests that check what a real X server shows. TrueColor / DirectColor dumps of 16, 24 or
// 32 bits a pixel; anything else is refused.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace swivel::emulator::testing {

struct RgbImage {
  int32_t width = 0, height = 0;
  std::vector<uint8_t> rgb;  // R, G, B per pixel, row after row
  const uint8_t* at(int32_t x, int32_t y) const { return &rgb[(size_t(y) * size_t(width) + size_t(x)) * 3]; }
};

// False, with `error` saying what is wrong, for a dump this reader does not take.
bool ParseXwd(std::span<const uint8_t> bytes, RgbImage* image, std::string* error);

}  // namespace swivel::emulator::testing
