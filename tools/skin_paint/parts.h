#pragma once
// The handset's parts, each drawn on a Surface in the rectangle the layout gives it.
#include "tools/skin_paint/layout.h"
#include "tools/skin_paint/skin_spec.h"
#include "tools/skin_paint/surface.h"

namespace swivel::tools::skin_paint {

enum class Direction { kUp, kDown, kLeft, kRight };

// The rounded body with its edge and shading.
void DrawBody(Surface& s, const Rect& body, const SkinSpec& spec);
// A shoulder button or a side key, sticking out of the body's edge towards `out`: drawn
// before the body, which hides its inner end. `hotspot` is the layout's.
void DrawEdgeKey(Surface& s, const Rect& hotspot, Direction out, const SkinSpec& spec);
// The lid: dark frame, screen, and the carrier logo on the chin below the screen.
void DrawLid(Surface& s, const Rect& lid, const Rect& screen, const SkinSpec& spec);
// A pill-shaped button with its label (corner buttons) or an arrow (page-up, page-down).
void DrawPill(Surface& s, const Hotspot& button, const SkinSpec& spec);
void DrawPageKey(Surface& s, const Rect& r, bool up, const SkinSpec& spec);
void DrawDpad(Surface& s, const Rect& pad, const SkinSpec& spec);
void DrawWheel(Surface& s, const Rect& r, const SkinSpec& spec);
void DrawTrackball(Surface& s, const Rect& r, const SkinSpec& spec);
void DrawKeyBed(Surface& s, const Rect& bed, const SkinSpec& spec);
void DrawKey(Surface& s, const Hotspot& key, const SkinSpec& spec);
// Shut: the speaker slots and the model name the lid uncovers.
void DrawGrille(Surface& s, const Rect& r, const SkinSpec& spec);
void DrawModelPlate(Surface& s, const Rect& r, const SkinSpec& spec);

// A filled triangle pointing `to`, its size x size box centred at (cx, cy).
void DrawArrow(Surface& s, double cx, double cy, double size, Direction to, Color c);

}  // namespace swivel::tools::skin_paint
