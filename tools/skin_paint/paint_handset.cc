#include "tools/skin_paint/paint_handset.h"

#include "tools/skin_paint/parts.h"
#include "tools/skin_paint/surface.h"

namespace swivel::tools::skin_paint {

os::gfx::BitmapRgba PaintHandset(const SkinSpec& spec, const HandsetLayout& layout, Lid lid,
                                 os::gfx::TextRenderer& text) {
  Surface s(layout.width, layout.height, text);
  auto rect = [&](const char* key) { return Find(layout.buttons, key)->rect; };

  // Keys on the edges first: the body covers their inner ends.
  DrawEdgeKey(s, rect("shoulder-left"), Direction::kUp, spec);
  DrawEdgeKey(s, rect("shoulder-right"), Direction::kUp, spec);
  DrawEdgeKey(s, rect("volume-up"), Direction::kLeft, spec);
  DrawEdgeKey(s, rect("volume-down"), Direction::kLeft, spec);
  DrawEdgeKey(s, rect("power"), Direction::kRight, spec);
  DrawBody(s, layout.body, spec);

  for (const char* corner : {"jump", "menu", "back", "cancel"}) DrawPill(s, *Find(layout.buttons, corner), spec);
  DrawDpad(s, layout.dpad, spec);
  if (spec.selector == Selector::kWheel) DrawWheel(s, rect("select"), spec);
  else DrawTrackball(s, rect("select"), spec);
  DrawPageKey(s, rect("pageup"), true, spec);
  DrawPageKey(s, rect("pagedown"), false, spec);

  if (lid == Lid::kOpen) {
    DrawKeyBed(s, layout.keyboard, spec);
    for (const Hotspot& key : layout.keys) DrawKey(s, key, spec);
    DrawLid(s, layout.lid_open, layout.screen_open, spec);
  } else {
    DrawGrille(s, layout.grille, spec);
    DrawModelPlate(s, layout.model_plate, spec);
    DrawLid(s, layout.lid_shut, layout.screen_shut, spec);
  }
  return s.Resolve();
}

}  // namespace swivel::tools::skin_paint
