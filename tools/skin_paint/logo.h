#pragma once
// The carrier's logo: a mark (Lumen's sun, Northwind's compass star) and a two-word
// wordmark. On the lid's chin, and on its own as boot_logo.png.
#include <cstdint>

#include "os/gfx/bitmap.h"
#include "os/gfx/text_renderer.h"
#include "tools/skin_paint/skin_spec.h"
#include "tools/skin_paint/surface.h"

namespace swivel::tools::skin_paint {

// The mark, filling a size x size box centred at (cx, cy).
void DrawMark(Surface& s, double cx, double cy, double size, const SkinSpec& spec);
// Mark and wordmark side by side, centred at (cx, cy); text_size is the words' em size.
void DrawCarrierLogo(Surface& s, double cx, double cy, double text_size, Color text,
                     const SkinSpec& spec);
// boot_logo.png: the logo large on the carrier's colours, width x height (the screen's).
os::gfx::BitmapRgba PaintBootLogo(const SkinSpec& spec, int32_t width, int32_t height,
                                  os::gfx::TextRenderer& text);

}  // namespace swivel::tools::skin_paint
