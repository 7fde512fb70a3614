#pragma once
// Surface: where swivel-skin-paint draws one image.
//
// It draws kScale times larger than the image it makes, on os/gfx Canvases, and Resolve()
// averages each kScale x kScale block into one RGBA pixel: that box filter is what gives
// shapes and text their smooth edges (Canvas itself does not antialias). A second canvas,
// the coverage mask, gets every shape too, so what no shape covers comes out transparent
// and a rounded corner's edge comes out partly transparent. Text only colours: it is always
// drawn on a shape.
//
// Colours are RGB565 on the canvas. Fills are dithered by rows (each group of kScale sample
// rows gets levels whose average is the 8-bit colour asked for), so after Resolve a fill is
// close to its true colour and a gradient shows no 565 bands. Everything is integer and
// IEEE double math on one thread: the same calls give the same bytes on any host.
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "os/gfx/bitmap.h"
#include "os/gfx/canvas.h"
#include "os/gfx/color.h"
#include "os/gfx/text_renderer.h"

namespace swivel::tools::skin_paint {

using os::gfx::Color;
using os::gfx::FontFace;

// A box in image pixels; may be fractional (it is rounded to the nearest sample).
struct Box {
  double x = 0, y = 0, w = 0, h = 0;
  double right() const { return x + w; }
  double bottom() const { return y + h; }
  double cx() const { return x + w / 2; }
  double cy() const { return y + h / 2; }
};
Box ToBox(const hal::Rect& r);
Box Inset(const Box& b, double d);  // d < 0 grows it
Box Offset(const Box& b, double dx, double dy);

struct PointF {
  double x = 0, y = 0;
};

// A top-to-bottom gradient: colours at fractions 0..1 of a shape's height, in order.
struct Stop {
  double at = 0;
  Color color;
};
using Gradient = std::vector<Stop>;

class Surface {
 public:
  static constexpr int32_t kScale = 4;

  // An empty (transparent) image of width x height pixels.
  Surface(int32_t width, int32_t height, os::gfx::TextRenderer& text);

  int32_t width() const { return width_; }
  int32_t height() const { return height_; }

  // A rounded rectangle (radius in pixels, clamped to half the shorter side; 0: square
  // corners); a circle is a square box with radius w/2.
  void Fill(const Box& b, double radius, Color c);
  void Fill(const Box& b, double radius, const Gradient& g);
  // A convex polygon, corners in order either way round.
  void FillPolygon(std::span<const PointF> corners, Color c);

  // Text in `size` pixels (the em size), its left end at x, its baseline at `baseline`.
  void Text(double x, double baseline, std::string_view utf8, FontFace face, double size, Color c);
  // Text whose ink (not its line box) is centred on (cx, cy).
  void TextCentered(double cx, double cy, std::string_view utf8, FontFace face, double size,
                    Color c);
  // The advance width of the text, in pixels.
  double TextWidth(std::string_view utf8, FontFace face, double size);
  // The box its ink covers when drawn at x 0 on baseline 0, in pixels.
  Box TextInk(std::string_view utf8, FontFace face, double size);

  // The image: each pixel the average colour of the samples shapes covered in its block,
  // with alpha the share covered.
  os::gfx::BitmapRgba Resolve() const;

 private:
  int32_t Sample(double v) const;  // image pixels -> sample index, rounded
  // Fills sample row `y` from x0 to x1 (inclusive) in colour `c`, dithered for row y.
  void Row(int32_t y, int32_t x0, int32_t x1, Color c);
  Color Interpolate(const Gradient& g, double t) const;
  os::gfx::TextStyle Style(FontFace face, double size) const;
  // The ink box of the text drawn at (0, 0), in samples.
  os::gfx::Rect Ink(std::string_view utf8, const os::gfx::TextStyle& style);

  int32_t width_, height_;
  os::gfx::Bitmap565 color_, mask_;
  os::gfx::Canvas color_canvas_, mask_canvas_;
  os::gfx::TextRenderer& text_;
};

}  // namespace swivel::tools::skin_paint
