#include "emulator/screenshot.h"

#include "os/gfx/png.h"

namespace swivel::emulator {

bool SaveScreen(const hal::sim::SimDisplay& display, const std::string& file, std::string* why) {
  try {
    os::gfx::SavePng(file, display.presented(), int32_t(display.width()), int32_t(display.height()));
    return true;
  } catch (const os::gfx::PngError& e) {
    *why = e.what();
    return false;
  }
}

std::function<bool(const std::string& file, std::string* why)> ScreenshotHook(Handset& handset) {
  return [&handset](const std::string& file, std::string* why) {
    return SaveScreen(handset.board().display(), file, why);
  };
}

}  // namespace swivel::emulator
