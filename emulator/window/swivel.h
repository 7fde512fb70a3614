#pragma once
// The lid swivel as the window animates it: the screen turns 180 degrees on its hinge and
// moves from where it sits with the lid open (skin `screen`) to where it sits shut
// (`screen_shut`), or back. The handset turns its picture with the lid, so at rest the
// picture is upright either way. Pure arithmetic on the skin and host time: no SDL.
#include <cstdint>

#include "emulator/skin.h"
#include "hal/input.h"

namespace swivel::emulator::window {

inline constexpr int64_t kSwivelMs = 300;  // host time

struct SwivelPose {
  double angle = 0;                  // degrees, clockwise, the picture is turned
  double center_x = 0, center_y = 0;  // the screen's centre, in skin pixels
  bool shut_body = false;            // under it: the lid-shut body image (from half-way)
  bool done = true;                  // at rest: the OS may be told where the lid is
};

// The lid at rest.
SwivelPose AtRest(const Skin& skin, hal::LidState lid);
// `elapsed_ms` into a swivel towards `to`: shutting turns clockwise, opening
// counter-clockwise, eased in and out; from kSwivelMs on, AtRest(skin, to).
SwivelPose SwivelAt(const Skin& skin, hal::LidState to, int64_t elapsed_ms);

}  // namespace swivel::emulator::window
