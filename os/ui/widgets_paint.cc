// How each widget kind looks. Everything comes from the theme, so a skin's colours and font
// size restyle every screen.
#include <algorithm>

#include "os/ui/widgets.h"

namespace swivel::os::ui {
namespace {

hal::Rect Inset(const hal::Rect& r, int32_t dx, int32_t dy) {
  return {r.x + dx, r.y + dy, r.width - 2 * dx, r.height - 2 * dy};
}

}  // namespace

void Label::Paint(Painter& p) const {
  const Theme& t = p.theme();
  gfx::TextStyle style = p.Body();
  gfx::Color color = t.text;
  switch (role_) {
    case TextRole::kBody: break;
    case TextRole::kTitle: style = p.Title(); break;
    case TextRole::kSecondary: style = p.Small(), color = t.text_dim; break;
    case TextRole::kStatus: style = p.Small(), color = t.status_text; break;
  }
  if (!enabled()) color = t.text_dim;
  if (wrap_) p.WrappedText(bounds(), text(), style, color, align_);
  else p.Text(bounds(), text(), style, color, align_);
}

void Button::Paint(Painter& p) const {
  const Theme& t = p.theme();
  const hal::Rect box = Inset(bounds(), 1, 1);
  const bool focused = p.IsFocused(*this);
  if (focused) {
    p.canvas().FillRoundRect(box, t.radius, t.accent);
  } else {
    p.canvas().FillRoundRect(box, t.radius, t.field);
    p.canvas().StrokeRoundRect(box, t.radius, t.border);
  }
  const gfx::Color ink = !enabled() ? t.text_dim : focused ? t.accent_text : t.text;
  p.Text(box, text(), focused ? p.Bold() : p.Body(), ink, Align::kCenter);
}

void Checkbox::Paint(Painter& p) const {
  const Theme& t = p.theme();
  const hal::Rect& b = bounds();
  const int32_t side = std::min(b.height - 4, 11);
  const hal::Rect box{b.x + t.padding, b.y + (b.height - side) / 2, side, side};
  const bool focused = p.IsFocused(*this);
  if (focused) p.canvas().FillRect(b, t.highlight);
  p.canvas().FillRect(box, t.field);
  p.canvas().StrokeRect(box, focused ? t.accent : t.border);
  if (checked_) {
    // A tick: down to the lower third, then up to the top right, two pixels thick.
    const int32_t x0 = box.x + 2, y0 = box.y + side / 2, xm = box.x + side / 2 - 1,
                  ym = box.y + side - 3, x1 = box.x + side - 3, y1 = box.y + 2;
    for (int32_t d = 0; d < 2; ++d) {
      p.canvas().Line(x0, y0 + d, xm, ym + d, t.accent);
      p.canvas().Line(xm, ym + d, x1, y1 + d, t.accent);
    }
  }
  const hal::Rect label{box.x + side + 2, b.y, b.x + b.width - (box.x + side + 2), b.height};
  p.Text(label, text(), p.Body(), enabled() ? t.text : t.text_dim);
}

void Panel::Paint(Painter& p) const {
  const Theme& t = p.theme();
  if (style_ == PanelStyle::kStatusBar) return p.canvas().FillRect(bounds(), t.status_bar);
  p.canvas().FillRect(bounds(), t.field);
  p.canvas().StrokeRect(bounds(), t.accent);
}

void ListRow::Paint(Painter& p) const {
  const Theme& t = p.theme();
  // A menu item is selected when it has focus; a list row when it is the list's selection,
  // drawn strong while the list has focus and soft otherwise.
  const bool strong = p.IsFocused(*this) || (selected_ && parent() && p.IsFocused(*parent()));
  const bool soft = selected_ && !strong;
  if (strong) p.canvas().FillRect(bounds(), t.accent);
  if (soft) p.canvas().FillRect(bounds(), t.highlight);
  p.Text(bounds(), text(), p.Body(), strong ? t.accent_text : t.text);
}

void ListView::Paint(Painter& p) const {
  const Theme& t = p.theme();
  const hal::Rect& b = bounds();
  const size_t fit = row_height_ > 0 ? size_t(std::max(1, b.height / row_height_)) : 1;
  if (rows_ <= fit) return;
  // A thin bar on the right: where the visible rows are among all of them.
  const int32_t track = b.height - 2;
  const int32_t top = int32_t(int64_t(track) * int64_t(first_) / int64_t(rows_));
  const int32_t len = std::max<int32_t>(4, int32_t(int64_t(track) * int64_t(fit) / int64_t(rows_)));
  p.canvas().FillRect({b.x + b.width - 3, b.y + 1, 2, track}, t.highlight);
  p.canvas().FillRect({b.x + b.width - 3, b.y + 1 + std::min(top, track - len), 2, len}, t.text_dim);
}

void TextField::Paint(Painter& p) const {
  const Theme& t = p.theme();
  const hal::Rect box = Inset(bounds(), 1, 1);
  const bool focused = p.IsFocused(*this);
  p.canvas().FillRoundRect(box, t.radius, t.field);
  p.canvas().StrokeRoundRect(box, t.radius, focused ? t.accent : t.border);
  const hal::Rect inner = Inset(box, t.padding, 1);
  if (text().empty()) {
    p.Text(box, placeholder_, p.Body(), t.text_dim);
  } else {
    // Scrolled so the cursor stays in view: the text slides left as the line grows.
    const int32_t caret = p.Width(Shown(std::string_view(text()).substr(0, cursor_)), p.Body());
    const int32_t scroll = std::max(0, caret - (inner.width - 1));
    p.TextAt(inner, inner.x - scroll, shown_text(), p.Body(), enabled() ? t.text : t.text_dim);
    if (focused) p.canvas().VLine(inner.x + caret - scroll, inner.y + 1, inner.height - 2, t.text);
    return;
  }
  if (focused) p.canvas().VLine(inner.x, inner.y + 1, inner.height - 2, t.text);
}

void Dialog::Paint(Painter& p) const {
  const Theme& t = p.theme();
  const hal::Rect panel = this->panel();
  // A shadow two pixels down and right, the panel, and its title bar in the accent colour.
  p.canvas().FillRoundRect({panel.x + 2, panel.y + 2, panel.width, panel.height}, t.radius,
                           t.border);
  p.canvas().FillRoundRect(panel, t.radius, t.field);
  p.canvas().FillRoundRect({panel.x, panel.y, panel.width, kTitleHeight}, t.radius, t.accent);
  p.canvas().FillRect({panel.x, panel.y + kTitleHeight - t.radius, panel.width, t.radius}, t.accent);
  p.canvas().StrokeRoundRect(panel, t.radius, t.accent);
  p.Text({panel.x, panel.y, panel.width, kTitleHeight}, text(), p.Bold(), t.accent_text);
}

}  // namespace swivel::os::ui
