#pragma once
// Color: what the OS asks for (8-bit R, G, B) and how it is stored in an RGB565 buffer.
//
// The conversions are exact and documented because golden screenshots compare pixels:
//   888 -> 565  each channel is rounded to the nearest 5- or 6-bit level:
//               r5 = (r * 31 + 127) / 255, g6 = (g * 63 + 127) / 255, b5 = (b * 31 + 127) / 255
//   565 -> 888  the top bits are replicated into the low ones (r8 = r5 << 3 | r5 >> 2), the
//               same expansion hal::sim uses for screenshots, so 0x1F -> 255 and 0 -> 0.
// ToRgb565(FromRgb565(p)) == p for every 16-bit p (the tests check all 65536).
#include <cstdint>

namespace swivel::os::gfx {

struct Color {
  uint8_t r = 0, g = 0, b = 0;

  // 0xRRGGBB.
  static constexpr Color Hex(uint32_t rgb) {
    return Color{uint8_t(rgb >> 16), uint8_t(rgb >> 8), uint8_t(rgb)};
  }
  constexpr bool operator==(const Color&) const = default;
};

constexpr uint16_t ToRgb565(Color c) {
  const unsigned r = (c.r * 31u + 127u) / 255u;
  const unsigned g = (c.g * 63u + 127u) / 255u;
  const unsigned b = (c.b * 31u + 127u) / 255u;
  return uint16_t((r << 11) | (g << 5) | b);
}

constexpr Color FromRgb565(uint16_t p) {
  const unsigned r = (p >> 11) & 0x1Fu, g = (p >> 5) & 0x3Fu, b = p & 0x1Fu;
  return Color{uint8_t((r << 3) | (r >> 2)), uint8_t((g << 2) | (g >> 4)),
               uint8_t((b << 3) | (b >> 2))};
}

// One 8-bit channel: round((src * a + dst * (255 - a)) / 255), in integers.
constexpr uint8_t BlendChannel(uint8_t dst, uint8_t src, uint8_t alpha) {
  return uint8_t((src * unsigned(alpha) + dst * (255u - alpha) + 127u) / 255u);
}

// Draws `src` with coverage/opacity `alpha` (0..255) over an RGB565 pixel: the pixel is
// expanded to 888, each channel blended with BlendChannel, and the result converted back with
// ToRgb565. alpha 0 leaves the pixel as it was; alpha 255 gives ToRgb565(src).
constexpr uint16_t Blend565(uint16_t dst, Color src, uint8_t alpha) {
  if (alpha == 0) return dst;
  if (alpha == 255) return ToRgb565(src);
  const Color d = FromRgb565(dst);
  return ToRgb565(Color{BlendChannel(d.r, src.r, alpha), BlendChannel(d.g, src.g, alpha),
                        BlendChannel(d.b, src.b, alpha)});
}

}  // namespace swivel::os::gfx
