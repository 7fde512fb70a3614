#include "hal/sim/sim_display.h"

#include <algorithm>

namespace swivel::hal::sim {

SimDisplay::SimDisplay(uint32_t width, uint32_t height)
    : width_(width), height_(height), back_(size_t(width) * height),
      front_(size_t(width) * height) {}

void SimDisplay::present(const Rect& dirty) {
  const int32_t w = int32_t(width_), h = int32_t(height_);
  Rect r = (dirty.width <= 0 || dirty.height <= 0) ? Rect{0, 0, w, h} : dirty;
  const int32_t x0 = std::clamp(r.x, 0, w), y0 = std::clamp(r.y, 0, h);
  const int32_t x1 = std::clamp(r.x + r.width, 0, w), y1 = std::clamp(r.y + r.height, 0, h);
  last_dirty_ = Rect{x0, y0, x1 - x0, y1 - y0};
  for (int32_t y = y0; y < y1; ++y) {
    const size_t row = size_t(y) * width_;
    std::copy(back_.begin() + row + x0, back_.begin() + row + x1, front_.begin() + row + x0);
  }
  ++frames_;
}

void Rgb565ToRgb888(uint16_t pixel, uint8_t out[3]) {
  const unsigned r = (pixel >> 11) & 0x1F, g = (pixel >> 5) & 0x3F, b = pixel & 0x1F;
  out[0] = uint8_t((r << 3) | (r >> 2));  // replicate the top bits into the low ones
  out[1] = uint8_t((g << 2) | (g >> 4));
  out[2] = uint8_t((b << 3) | (b >> 2));
}

std::vector<uint8_t> SimDisplay::presented_rgb888() const {
  std::vector<uint8_t> rgb(front_.size() * 3);
  for (size_t i = 0; i < front_.size(); ++i) Rgb565ToRgb888(front_[i], &rgb[i * 3]);
  return rgb;
}

}  // namespace swivel::hal::sim
