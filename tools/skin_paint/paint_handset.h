#pragma once
// body.png and body_shut.png: the whole handset, lid open or shut, from its layout.
#include "os/gfx/bitmap.h"
#include "os/gfx/text_renderer.h"
#include "tools/skin_paint/layout.h"
#include "tools/skin_paint/skin_spec.h"

namespace swivel::tools::skin_paint {

enum class Lid { kOpen, kShut };

// layout.width x layout.height, transparent around the handset.
os::gfx::BitmapRgba PaintHandset(const SkinSpec& spec, const HandsetLayout& layout, Lid lid,
                                 os::gfx::TextRenderer& text);

}  // namespace swivel::tools::skin_paint
