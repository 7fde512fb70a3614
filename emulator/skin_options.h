#pragma once
// What a skin changes in the handset it shows: the device profile (screen size, flash), the
// carrier name on the status bar, and the theme's colours and font size.
#include "emulator/handset.h"
#include "emulator/skin.h"

namespace swivel::emulator {

// Applies `skin` to `options`. The skin was loaded by LoadSkin, so its profile exists and its
// colour names are known; anything else is a programming error and throws std::logic_error.
void ApplySkin(const Skin& skin, HandsetOptions& options);

}  // namespace swivel::emulator
