#pragma once
// hal::Display: an RGB565 framebuffer the OS draws into and presents.
#include <cstdint>
#include <span>

namespace swivel::hal {

struct Rect {
  int32_t x = 0, y = 0, width = 0, height = 0;
  bool operator==(const Rect&) const = default;
};

class Display {
 public:
  virtual ~Display() = default;
  virtual uint32_t width() const = 0;
  virtual uint32_t height() const = 0;
  // Row-major RGB565 pixels, width() * height() of them; the OS draws here.
  virtual std::span<uint16_t> framebuffer() = 0;
  // Makes what was drawn in `dirty` visible (the whole screen when dirty is empty).
  virtual void present(const Rect& dirty) = 0;
  // Backlight 0..100; 0 is off. The screen's share of the battery drain follows it.
  virtual void set_backlight(uint8_t percent) = 0;
};

}  // namespace swivel::hal
