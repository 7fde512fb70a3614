#include "os/ui/theme.h"

namespace swivel::os::ui {

bool SetThemeColor(Theme& theme, std::string_view name, uint32_t rgb) {
  gfx::Color* slot = name == "background"    ? &theme.background
                     : name == "text"        ? &theme.text
                     : name == "accent"      ? &theme.accent
                     : name == "highlight"   ? &theme.highlight
                     : name == "status_bar"  ? &theme.status_bar
                     : name == "status_text" ? &theme.status_text
                                             : nullptr;
  if (!slot) return false;
  *slot = gfx::Color::Hex(rgb);
  return true;
}

}  // namespace swivel::os::ui
