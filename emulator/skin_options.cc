#include "emulator/skin_options.h"

#include <stdexcept>

#include "hal/sim/device_profile.h"

namespace swivel::emulator {

void ApplySkin(const Skin& skin, HandsetOptions& options) {
  const auto profile = hal::sim::ProfileByName(skin.profile);
  if (!profile) throw std::logic_error("skin '" + skin.name + "': unknown profile " + skin.profile);
  options.board.profile = *profile;
  auto& kernel = options.os.kernel;
  kernel.status.carrier = skin.carrier;
  for (const auto& [name, rgb] : skin.theme_colors)
    if (!os::ui::SetThemeColor(kernel.theme, name, rgb))
      throw std::logic_error("skin '" + skin.name + "': unknown theme colour " + name);
  if (skin.font_size) kernel.theme.font_size = *skin.font_size;
}

}  // namespace swivel::emulator
