#include "hal/sim/device_profile.h"

namespace swivel::hal::sim {

DeviceProfile ClassicProfile() {
  DeviceProfile p;
  p.name = "classic";
  p.screen_width = 240;
  p.screen_height = 160;
  return p;
}

DeviceProfile LxProfile() {
  DeviceProfile p;
  p.name = "lx";
  p.screen_width = 400;
  p.screen_height = 240;
  p.flash.block_count = 2048;
  return p;
}

std::vector<DeviceProfile> AllProfiles() { return {ClassicProfile(), LxProfile()}; }

std::optional<DeviceProfile> ProfileByName(std::string_view name) {
  for (auto& p : AllProfiles())
    if (p.name == name) return p;
  return std::nullopt;
}

}  // namespace swivel::hal::sim
