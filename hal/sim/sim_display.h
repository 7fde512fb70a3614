#pragma once
// SimDisplay: an RGB565 framebuffer the OS draws into, and a front buffer the host shows.
// present() copies the dirty part to the front, as a real LCD controller latches a frame;
// the host (window, screenshots, golden tests) only ever reads presented pixels.
#include <cstdint>
#include <span>
#include <vector>

#include "hal/display.h"

namespace swivel::hal::sim {

class SimDisplay final : public Display {
 public:
  SimDisplay(uint32_t width, uint32_t height);

  // hal::Display
  uint32_t width() const override { return width_; }
  uint32_t height() const override { return height_; }
  std::span<uint16_t> framebuffer() override { return back_; }
  void present(const Rect& dirty) override;
  void set_backlight(uint8_t percent) override { backlight_ = percent > 100 ? 100 : percent; }

  // Host side.
  std::span<const uint16_t> presented() const { return front_; }
  uint64_t frames() const { return frames_; }
  Rect last_dirty() const { return last_dirty_; }  // clipped to the screen
  uint8_t backlight() const { return backlight_; }
  // The presented frame as 8-bit R, G, B triples (for PNG screenshots).
  std::vector<uint8_t> presented_rgb888() const;

 private:
  uint32_t width_, height_;
  std::vector<uint16_t> back_, front_;
  uint64_t frames_ = 0;
  Rect last_dirty_{};
  uint8_t backlight_ = 100;
};

// Expands one RGB565 pixel to 8 bits a channel, so full white stays 255,255,255.
void Rgb565ToRgb888(uint16_t pixel, uint8_t out[3]);

}  // namespace swivel::hal::sim
