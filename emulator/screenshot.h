#pragma once
// Screenshots of the handset's screen: the presented framebuffer as a PNG, pixel for pixel
// (each RGB565 pixel expanded to 8 bits a channel; no backlight, no skin). What the script
// command `screenshot FILE` and the window's screenshot hotkey write.
#include <functional>
#include <string>

#include "emulator/handset.h"
#include "hal/sim/sim_display.h"

namespace swivel::emulator {

// False, with `why` naming the file and the problem, when the PNG cannot be written.
bool SaveScreen(const hal::sim::SimDisplay& display, const std::string& file, std::string* why);

// The Player hook for `screenshot FILE` (player.h) on this handset.
std::function<bool(const std::string& file, std::string* why)> ScreenshotHook(Handset& handset);

}  // namespace swivel::emulator
