#pragma once
// Paints one skin and writes its folder: body.png, body_shut.png, boot_logo.png, skin.conf.
#include <string>
#include <vector>

#include "os/gfx/text_renderer.h"
#include "tools/skin_paint/layout.h"
#include "tools/skin_paint/skin_spec.h"

namespace swivel::tools::skin_paint {

// The layout for the spec's device profile (its screen size comes from hal/sim); throws
// std::runtime_error for a profile hal/sim does not have.
HandsetLayout LayOutForProfile(const SkinSpec& spec);

// Creates `dir` if needed and writes the four files into it, overwriting what is there.
// Returns their paths in the order written. Throws (os::gfx::PngError, std::runtime_error)
// when a file cannot be written.
std::vector<std::string> WriteSkin(const SkinSpec& spec, const std::string& dir,
                                   os::gfx::TextRenderer& text);

}  // namespace swivel::tools::skin_paint
