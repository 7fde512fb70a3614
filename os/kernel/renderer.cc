#include "os/kernel/renderer.h"

#include "os/gfx/canvas.h"
#include "os/ui/painter.h"

namespace swivel::os::kernel {

Renderer::Renderer(hal::Display& display, gfx::FontLibrary* fonts, ui::Theme theme)
    : display_(display), theme_(theme) {
  if (!fonts) {
    try {
      own_fonts_ = std::make_unique<gfx::FontLibrary>();
      fonts = own_fonts_.get();
    } catch (const gfx::FontError& e) {
      font_error_ = e.what();
    }
  }
  if (fonts) text_ = std::make_unique<gfx::TextRenderer>(*fonts);
}

void Renderer::Draw(std::initializer_list<Layer> layers) {
  gfx::Canvas canvas(display_);
  canvas.Clear(theme_.background);
  for (const Layer& layer : layers) {
    if (!layer.root) continue;
    ui::Painter painter(canvas, text_.get(), theme_, layer.focused);
    ui::PaintTree(*layer.root, painter);
  }
  display_.present({});  // the whole screen: every frame is drawn whole
  ++frames_;
}

}  // namespace swivel::os::kernel
