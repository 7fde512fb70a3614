#pragma once
// Colour arithmetic for shading: mixing two colours, lightening and darkening.
#include <cmath>
#include <cstdint>

#include "os/gfx/color.h"

namespace swivel::tools::skin_paint {

// a at f = 0, b at f = 1, each channel rounded.
inline os::gfx::Color Mix(os::gfx::Color a, os::gfx::Color b, double f) {
  auto channel = [f](uint8_t u, uint8_t v) { return uint8_t(std::lround(u + (v - u) * f)); };
  return os::gfx::Color{channel(a.r, b.r), channel(a.g, b.g), channel(a.b, b.b)};
}
inline os::gfx::Color Lighten(os::gfx::Color c, double f) {
  return Mix(c, os::gfx::Color::Hex(0xFFFFFF), f);
}
inline os::gfx::Color Darken(os::gfx::Color c, double f) {
  return Mix(c, os::gfx::Color::Hex(0x000000), f);
}

}  // namespace swivel::tools::skin_paint
