#pragma once
// Renderer: draws what the kernel shows into the display's framebuffer and presents it: the
// status bar, the app in front, and an open menu over it, each painted by its widgets with
// the handset's theme.
//
// Fonts are the handset's ROM: the host may pass one FontLibrary that outlives boots (a
// battery pull does not reload them); without one the renderer opens the DejaVu fonts
// itself, and if they cannot be read it still draws every box, without text.
#include <cstdint>
#include <memory>
#include <string>

#include "hal/display.h"
#include "os/gfx/font_library.h"
#include "os/gfx/text_renderer.h"
#include "os/ui/theme.h"
#include "os/ui/widget.h"

namespace swivel::os::kernel {

struct Layer {
  const ui::Widget* root = nullptr;     // nothing: not shown
  const ui::Widget* focused = nullptr;  // drawn with focus
};

class Renderer {
 public:
  Renderer(hal::Display& display, gfx::FontLibrary* fonts, ui::Theme theme);

  // Clears the screen to the theme's background, paints the layers bottom to top, and
  // presents the frame.
  void Draw(std::initializer_list<Layer> layers);
  uint64_t frames() const { return frames_; }
  // Why text is missing, when the fonts could not be opened; empty otherwise.
  const std::string& font_error() const { return font_error_; }
  const ui::Theme& theme() const { return theme_; }

 private:
  hal::Display& display_;
  ui::Theme theme_;
  std::unique_ptr<gfx::FontLibrary> own_fonts_;
  std::unique_ptr<gfx::TextRenderer> text_;
  std::string font_error_;
  uint64_t frames_ = 0;
};

}  // namespace swivel::os::kernel
