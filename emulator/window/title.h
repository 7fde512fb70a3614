#pragma once
// The window title: the skin's name and the handset's state at a glance.
//   "Swivel Classic - 80%, radio on, lid open"
//   "Swivel Classic - off, 42%, charger, radio off, lid shut"
//   "Swivel Classic - off, battery out, radio on, lid open"
#include <string>
#include <string_view>

#include "hal/input.h"

namespace swivel::emulator::window {

struct TitleState {
  bool on = true;            // the OS is running
  bool battery_in = true;
  int battery_percent = 100;
  bool charger = false;
  bool radio = true;
  hal::LidState lid = hal::LidState::kOpen;
  bool operator==(const TitleState&) const = default;
};

std::string WindowTitle(std::string_view skin_name, const TitleState& state);

}  // namespace swivel::emulator::window
