#pragma once
// Offscreen images: Bitmap565 (what a Canvas can draw into, like the screen) and BitmapRgba
// (8-bit R, G, B, A per pixel, straight alpha, as PNGs decode). Both row-major, no padding.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace swivel::os::gfx {

struct Bitmap565 {
  int32_t width = 0, height = 0;
  std::vector<uint16_t> pixels;  // width * height

  Bitmap565() = default;
  Bitmap565(int32_t w, int32_t h, uint16_t fill = 0)
      : width(w), height(h), pixels(size_t(w) * size_t(h), fill) {}
  uint16_t at(int32_t x, int32_t y) const { return pixels[size_t(y) * size_t(width) + size_t(x)]; }
};

struct BitmapRgba {
  int32_t width = 0, height = 0;
  std::vector<uint8_t> pixels;  // width * height * 4: R, G, B, A

  BitmapRgba() = default;
  BitmapRgba(int32_t w, int32_t h) : width(w), height(h), pixels(size_t(w) * size_t(h) * 4, 0) {}
  uint8_t* at(int32_t x, int32_t y) { return &pixels[(size_t(y) * size_t(width) + size_t(x)) * 4]; }
  const uint8_t* at(int32_t x, int32_t y) const {
    return &pixels[(size_t(y) * size_t(width) + size_t(x)) * 4];
  }
};

}  // namespace swivel::os::gfx
