#include "emulator/window/shot_name.h"

namespace swivel::emulator::window {

std::string NextShotName(std::string_view stem, const std::function<bool(const std::string&)>& exists) {
  for (int n = 1;; ++n) {
    std::string name = std::string(stem) + "-" + std::to_string(n) + ".png";
    if (!exists(name)) return name;
  }
}

}  // namespace swivel::emulator::window
