#pragma once
// Canvas: 2D drawing on an RGB565 buffer (the screen's framebuffer or a Bitmap565).
//
// Coordinates are local: every call is shifted by the current origin (Translate) and clipped
// to the current clip (PushClip), so a widget draws at (0, 0) in its own box and cannot
// paint outside it. Rectangles are half-open: {x, y, w, h} covers x..x+w-1, y..y+h-1.
// Everything is integer math on one thread, so the same calls give the same pixels on any
// host.
//
// Dirty tracking: the canvas keeps the union of the rectangles it changed (screen
// coordinates, already clipped). Pass TakeDirty() to hal::Display::present(), but only when
// it is not empty: present() treats an empty rectangle as "the whole screen".
#include <cstdint>
#include <span>
#include <vector>

#include "hal/display.h"
#include "os/gfx/bitmap.h"
#include "os/gfx/color.h"
#include "os/gfx/rect.h"

namespace swivel::os::gfx {

class Canvas {
 public:
  // `pixels` holds at least width * height row-major pixels; throws std::invalid_argument
  // otherwise. The canvas does not own them.
  Canvas(std::span<uint16_t> pixels, int32_t width, int32_t height);
  explicit Canvas(hal::Display& display);
  explicit Canvas(Bitmap565& bitmap);

  int32_t width() const { return width_; }
  int32_t height() const { return height_; }
  // Raw access in screen coordinates (no origin, no clip); for tests and screenshots.
  uint16_t pixel(int32_t x, int32_t y) const { return pixels_[Index(x, y)]; }

  // --- Shapes (local coordinates, clipped) ---
  void Clear(Color c);  // fills the whole current clip
  void FillRect(const Rect& r, Color c);
  void SetPixel(int32_t x, int32_t y, Color c);
  void BlendPixel(int32_t x, int32_t y, Color c, uint8_t alpha);
  void HLine(int32_t x, int32_t y, int32_t length, Color c);  // x .. x+length-1
  void VLine(int32_t x, int32_t y, int32_t length, Color c);  // y .. y+length-1
  // Bresenham from (x0, y0) to (x1, y1), both ends drawn. The pixels depend only on the two
  // ends as given (drawing B->A may differ from A->B by the tie-breaking on exact halves).
  void Line(int32_t x0, int32_t y0, int32_t x1, int32_t y1, Color c);
  void StrokeRect(const Rect& r, Color c);  // 1-pixel outline on the inside of r
  // Rounded rectangles: each corner is a quarter of the circle of `radius` around the point
  // `radius` pixels in from the corner; a pixel is inside when its centre is inside that
  // circle. The radius is clamped to half the shorter side. No antialiasing.
  void FillRoundRect(const Rect& r, int32_t radius, Color c);
  // The outline is the inside pixels that have a 4-neighbour outside: 1 pixel thick, closed.
  void StrokeRoundRect(const Rect& r, int32_t radius, Color c);

  // --- Images ---
  void DrawBitmap(int32_t x, int32_t y, const Bitmap565& bitmap);   // copied
  void DrawBitmap(int32_t x, int32_t y, const BitmapRgba& bitmap);  // alpha-blended (Blend565)
  // An 8-bit coverage mask (row-major, `pitch` bytes a row) painted in `c`: each pixel is
  // Blend565(dst, c, coverage). Text glyphs are drawn with this.
  void DrawMask(int32_t x, int32_t y, const uint8_t* mask, int32_t mask_width, int32_t mask_height,
                int32_t pitch, Color c);

  // --- Clip and origin ---
  // Intersects the current clip with `r` (local coordinates) until the matching PopClip.
  void PushClip(const Rect& r);
  // Returns false (and changes nothing) when only the canvas bounds remain.
  bool PopClip();
  Rect clip() const { return clips_.back(); }  // screen coordinates
  void Translate(int32_t dx, int32_t dy) { origin_.x += dx, origin_.y += dy; }
  Point origin() const { return origin_; }

  // Save()/Restore(): a widget's way to leave origin and clip as it found them.
  struct State {
    Point origin;
    size_t clip_depth;
  };
  State Save() const { return State{origin_, clips_.size()}; }
  void Restore(const State& s);

  // --- Dirty tracking ---
  Rect dirty() const { return dirty_; }
  Rect TakeDirty();
  void MarkDirty(const Rect& screen_rect);

 private:
  size_t Index(int32_t x, int32_t y) const { return size_t(y) * size_t(width_) + size_t(x); }
  // Local -> screen, clipped. Empty when nothing of r is visible.
  Rect ToScreenClipped(const Rect& r) const;
  void FillScreenRect(const Rect& screen, uint16_t value);  // already clipped
  void RoundRect(const Rect& r, int32_t radius, Color c, bool fill);

  std::span<uint16_t> pixels_;
  int32_t width_, height_;
  Point origin_{};
  std::vector<Rect> clips_;  // clips_[0] is the canvas bounds; never empty
  Rect dirty_{};
};

}  // namespace swivel::os::gfx
