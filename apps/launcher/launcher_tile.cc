#include "apps/launcher/launcher_tile.h"

#include <memory>

namespace swivel::apps {

LauncherTile::LauncherTile(const std::string& app, std::string title, hal::Rect bounds)
    : Widget("launcher." + app, "button") {
  set_text(std::move(title));
  set_focusable(true);
  set_bounds(bounds);
  news_ = &Add(std::make_unique<os::ui::Label>("launcher." + app + ".news", "",
                                               os::ui::TextRole::kSecondary));
  news_->set_align(os::ui::Align::kCenter);
  news_->set_bounds({bounds.x, bounds.y + 2 + kIcon + kTitle, bounds.width, kNews});
}

void LauncherTile::Paint(os::ui::Painter& p) const {
  const auto& t = p.theme();
  const hal::Rect& b = bounds();
  const bool focused = p.IsFocused(*this);
  if (focused) p.canvas().FillRoundRect({b.x + 1, b.y + 1, b.width - 2, b.height - 2}, t.radius, t.highlight);
  const hal::Rect icon{b.x + (b.width - kIcon) / 2, b.y + 2, kIcon, kIcon};
  p.canvas().FillRoundRect(icon, 5, t.accent);
  if (focused) p.canvas().StrokeRoundRect(icon, 5, t.text);
  // The initial: the first code point of the title (titles start with a letter).
  size_t n = 1;
  while (n < text().size() && (uint8_t(text()[n]) & 0xC0) == 0x80) ++n;
  p.Text(icon, std::string_view(text()).substr(0, n), {os::gfx::FontFace::kSansBold, kIcon * 2 / 3},
         t.accent_text, os::ui::Align::kCenter);
  p.Text({b.x, b.y + 2 + kIcon, b.width, kTitle}, text(), focused ? p.Bold() : p.Body(), t.text,
         os::ui::Align::kCenter);
}

}  // namespace swivel::apps
