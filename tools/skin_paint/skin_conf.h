#pragma once
// The skin.conf text for a painted skin (the format is emulator/skin.h's).
#include <string>

#include "tools/skin_paint/layout.h"
#include "tools/skin_paint/skin_spec.h"

namespace swivel::tools::skin_paint {

// Image names as WriteSkin saves them.
inline constexpr const char* kBodyFile = "body.png";
inline constexpr const char* kBodyShutFile = "body_shut.png";
inline constexpr const char* kBootLogoFile = "boot_logo.png";

// Every hotspot of the layout, the handset's buttons first, then the keyboard row by row.
std::string SkinConf(const SkinSpec& spec, const HandsetLayout& layout);

}  // namespace swivel::tools::skin_paint
