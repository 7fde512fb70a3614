#pragma once
// Painter: what a widget draws with: the canvas (in screen coordinates, clipped to the
// widget's bounds while it paints), the theme, text, and which widget has focus.
//
// PaintTree paints a UI tree: each visible widget, then its children over it, each clipped
// to its own bounds. A handset without fonts (a broken ROM) still paints every box; only
// text is missing.
#include <string_view>

#include "os/gfx/canvas.h"
#include "os/gfx/text_renderer.h"
#include "os/ui/theme.h"
#include "os/ui/widget.h"

namespace swivel::os::ui {

enum class Align { kStart, kCenter, kEnd };

class Painter {
 public:
  Painter(gfx::Canvas& canvas, gfx::TextRenderer* text, const Theme& theme, const Widget* focused)
      : canvas_(canvas), text_(text), theme_(theme), focused_(focused) {}

  gfx::Canvas& canvas() { return canvas_; }
  const Theme& theme() const { return theme_; }
  bool IsFocused(const Widget& w) const { return &w == focused_; }

  gfx::TextStyle Body() const { return {gfx::FontFace::kSans, theme_.font_size}; }
  gfx::TextStyle Bold() const { return {gfx::FontFace::kSansBold, theme_.font_size}; }
  gfx::TextStyle Small() const { return {gfx::FontFace::kSans, theme_.small_size()}; }
  gfx::TextStyle Title() const { return {gfx::FontFace::kSansBold, theme_.title_size()}; }

  // One line of text in `box`, centred vertically and placed by `align` inside the theme's
  // padding. Text too wide for the box ends in "…" (cut between code points).
  void Text(const hal::Rect& box, std::string_view utf8, const gfx::TextStyle& style,
            gfx::Color color, Align align = Align::kStart);
  // One line starting at `x` (screen coordinates), centred vertically in `box` and clipped
  // to it; no ellipsis (a text field scrolls its text this way).
  void TextAt(const hal::Rect& box, int32_t x, std::string_view utf8, const gfx::TextStyle& style,
              gfx::Color color);
  // The pixel width of a line (0 without fonts).
  int32_t Width(std::string_view utf8, const gfx::TextStyle& style);
  // Several lines wrapped to the box's width (ICU line breaks), from its top; the lines that
  // do not fit are left out.
  void WrappedText(const hal::Rect& box, std::string_view utf8, const gfx::TextStyle& style,
                   gfx::Color color, Align align = Align::kStart);
  // The line height of a style: its ascent plus descent.
  int32_t LineHeight(const gfx::TextStyle& style);

 private:
  gfx::Canvas& canvas_;
  gfx::TextRenderer* text_;
  const Theme& theme_;
  const Widget* focused_;
};

void PaintTree(const Widget& root, Painter& painter);

}  // namespace swivel::os::ui
