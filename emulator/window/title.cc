#include "emulator/window/title.h"

namespace swivel::emulator::window {

std::string WindowTitle(std::string_view skin_name, const TitleState& s) {
  std::string t = std::string(skin_name) + " - ";
  if (!s.on) t += "off, ";
  t += s.battery_in ? std::to_string(s.battery_percent) + "%" : "battery out";
  if (s.charger) t += ", charger";
  t += s.radio ? ", radio on" : ", radio off";
  t += s.lid == hal::LidState::kShut ? ", lid shut" : ", lid open";
  return t;
}

}  // namespace swivel::emulator::window
