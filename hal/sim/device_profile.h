#pragma once
// DeviceProfile: the hardware figures of one handset model. HANDSET.md's figures are
// defaults; a skin may pick another profile or change them.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hal/flash.h"
#include "hal/sim/sim_flash.h"

namespace swivel::hal::sim {

struct DeviceProfile {
  std::string name;
  uint32_t screen_width = 240;
  uint32_t screen_height = 160;
  FlashGeometry flash{};  // 64 MiB SLC NAND
  FlashTiming flash_timing{};
};

// The early colour Sidekick: 240x160 screen, 64 MiB of flash.
DeviceProfile ClassicProfile();
// The later LX-class handset: 400x240 screen, 256 MiB of flash (2 KiB pages, 128 KiB blocks).
DeviceProfile LxProfile();

std::vector<DeviceProfile> AllProfiles();
// Nothing when no profile has that name.
std::optional<DeviceProfile> ProfileByName(std::string_view name);

}  // namespace swivel::hal::sim
