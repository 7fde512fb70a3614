#include "os/ui/widgets.h"

#include <algorithm>



namespace swivel::os::ui {
namespace {

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += char(c);
  } else if (c < 0x800) {
    out += char(0xC0 | (c >> 6));
    out += char(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += char(0xE0 | (c >> 12));
    out += char(0x80 | ((c >> 6) & 0x3F));
    out += char(0x80 | (c & 0x3F));
  } else {
    out += char(0xF0 | (c >> 18));
    out += char(0x80 | ((c >> 12) & 0x3F));
    out += char(0x80 | ((c >> 6) & 0x3F));
    out += char(0x80 | (c & 0x3F));
  }
}

void Slide(Widget& w, int32_t dy) {
  for (const auto& c : w.children()) {
    hal::Rect b = c->bounds();
    b.y += dy;
    c->set_bounds(b);
    Slide(*c, dy);
  }
}

}  // namespace

void ScrollIntoView(Widget& root, const Widget& target) {
  const hal::Rect& r = root.bounds();
  const hal::Rect& t = target.bounds();
  if (t.y < r.y) Slide(root, r.y - t.y);
  else if (t.y + t.height > r.y + r.height) Slide(root, std::max(r.y - t.y, r.y + r.height - (t.y + t.height)));
}

ListView::ListView(std::string id, int row_height)
    : Widget(std::move(id), "list"), row_height_(row_height) {
  set_focusable(true);
}

void ListView::SetRows(const std::vector<std::string>& texts) {
  // Reuse row widgets: ids stay stable while the list is filtered and refilled.
  while (children().size() < texts.size())
    Add(std::make_unique<ListRow>(id() + ".row" + std::to_string(children().size()), "row"));
  for (size_t i = 0; i < children().size(); ++i)
    children()[i]->set_text(i < texts.size() ? texts[i] : std::string());
  rows_ = texts.size();
  selected_ = rows_ ? std::min(selected_, rows_ - 1) : 0;
  Layout();
}

void ListView::Select(size_t index) {
  if (rows_ == 0) return;
  selected_ = std::min(index, rows_ - 1);
  Layout();
}

void ListView::Layout() {
  const size_t fit = row_height_ > 0 ? size_t(std::max(1, bounds().height / row_height_)) : 1;
  if (selected_ < first_) first_ = selected_;
  if (selected_ >= first_ + fit) first_ = selected_ + 1 - fit;
  if (first_ + fit > rows_) first_ = rows_ > fit ? rows_ - fit : 0;
  for (size_t i = 0; i < children().size(); ++i) {
    Widget& row = *children()[i];
    const bool shown = i < rows_ && i >= first_ && i < first_ + fit;
    row.set_visible(shown);
    static_cast<ListRow&>(row).set_selected(i == selected_ && i < rows_);
    if (shown)
      row.set_bounds({bounds().x, bounds().y + int32_t(i - first_) * row_height_, bounds().width,
                      row_height_});
  }
}

bool ListView::OnKey(const hal::InputEvent& e) {
  if (rows_ == 0) return false;
  if (IsKeyDown(e, hal::Key::kDown) && selected_ + 1 < rows_) return Select(selected_ + 1), true;
  if (IsKeyDown(e, hal::Key::kUp) && selected_ > 0) return Select(selected_ - 1), true;
  if (IsActivate(e) && on_activate) return on_activate(selected_), true;
  return false;
}

bool Checkbox::OnKey(const hal::InputEvent& e) {
  if (!IsActivate(e) && !IsKeyDown(e, hal::Key::kSpace)) return false;
  checked_ = !checked_;
  if (on_change) on_change();
  return true;
}

TextField::TextField(std::string id, std::string placeholder)
    : Widget(std::move(id), "textfield"), placeholder_(std::move(placeholder)),
      clusters_(text::GraphemeCursor::Create("root")) {
  set_focusable(true);
}

void TextField::SetText(std::string text) {
  set_text(std::move(text));
  cursor_ = this->text().size();
}

bool TextField::OnKey(const hal::InputEvent& e) {
  if (e.type != hal::InputEvent::Type::kKeyDown) return false;
  std::string t = text();
  switch (e.key) {
    case hal::Key::kCharacter: {
      if (e.character < 0x20) return false;
      std::string bytes;
      AppendUtf8(bytes, e.character);
      t.insert(cursor_, bytes);
      cursor_ += bytes.size();
      break;
    }
    case hal::Key::kSpace:
      t.insert(cursor_, " ");
      ++cursor_;
      break;
    case hal::Key::kBackspace:
      if (cursor_ == 0 || !clusters_) return true;
      cursor_ = clusters_->Backspace(t, cursor_);
      break;
    case hal::Key::kLeft:
      if (cursor_ == 0 || !clusters_) return false;
      cursor_ = clusters_->Previous(t, cursor_);
      return true;
    case hal::Key::kRight:
      if (cursor_ == t.size() || !clusters_) return false;
      cursor_ = clusters_->Next(t, cursor_);
      return true;
    default:
      return false;
  }
  set_text(std::move(t));
  if (on_change) on_change();
  return true;
}

std::string TextField::Shown(std::string_view text) const {
  if (!masked_) return std::string(text);
  std::string dots;
  for (const char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) dots += "\u2022";  // one per code point
  return dots;
}

std::string TextField::shown_text() const { return Shown(text()); }

Dialog::Dialog(std::string id, std::string title, std::string message)
    : Widget(std::move(id), "dialog") {
  set_text(std::move(title));
  auto& m = Add(std::make_unique<Label>(this->id() + ".message", std::move(message)));
  m.set_wrap(true);
}

Button& Dialog::AddButton(std::string id, std::string text, std::function<void()> on_press) {
  return Add(std::make_unique<Button>(std::move(id), std::move(text), std::move(on_press)));
}

hal::Rect Dialog::panel() const {
  const hal::Rect& b = bounds();
  return {b.x + kMargin, b.y + kMargin / 2, b.width - 2 * kMargin, b.height - kMargin};
}

void Dialog::Layout() {
  const hal::Rect p = panel();
  const int32_t inset = 4;
  const int32_t buttons_y = p.y + p.height - inset - kButtonHeight;
  children()[0]->set_bounds({p.x + inset, p.y + kTitleHeight + inset, p.width - 2 * inset,
                             buttons_y - (p.y + kTitleHeight + inset) - inset});
  const int32_t n = int32_t(children().size()) - 1;
  if (n <= 0) return;
  const int32_t gap = 6, width = (p.width - 2 * inset - gap * (n - 1)) / n;
  for (int32_t i = 0; i < n; ++i)
    children()[size_t(i + 1)]->set_bounds(
        {p.x + inset + i * (width + gap), buttons_y, width, kButtonHeight});
}

bool Dialog::OnKey(const hal::InputEvent& e) {
  if (!(IsKeyDown(e, hal::Key::kCancel) || IsKeyDown(e, hal::Key::kBack)) || !on_cancel) return false;
  on_cancel();
  return true;
}

}  // namespace swivel::os::ui
