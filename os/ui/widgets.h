#pragma once
// The widget kinds apps build screens from: their keys and state here, their drawing in
// widgets_paint.cc (with the theme, see painter.h).
#include <functional>
#include <string>
#include <vector>

#include "os/text/cursor.h"
#include "os/ui/painter.h"
#include "os/ui/widget.h"

namespace swivel::os::ui {

inline bool IsKeyDown(const hal::InputEvent& e, hal::Key key) {
  return e.type == hal::InputEvent::Type::kKeyDown && e.key == key;
}
inline bool IsActivate(const hal::InputEvent& e) {
  return IsKeyDown(e, hal::Key::kSelect) || IsKeyDown(e, hal::Key::kEnter);
}

// Slides `root`'s descendants up or down, as little as needed, so `target` lies inside
// root's bounds (a form taller than the screen scrolls with the focus). Widgets that slide
// out stay in the tree and take focus; painting clips them to root.
void ScrollIntoView(Widget& root, const Widget& target);

// How a label's text looks: body text, a bold title, a smaller dimmer line, or the status
// bar's colours.
enum class TextRole { kBody, kTitle, kSecondary, kStatus };

// Text on one line (ending in "…" when it does not fit), or wrapped over several.
class Label final : public Widget {
 public:
  explicit Label(std::string id, std::string text = "", TextRole role = TextRole::kBody)
      : Widget(std::move(id), "label"), role_(role) {
    set_text(std::move(text));
  }
  void set_align(Align align) { align_ = align; }
  void set_wrap(bool wrap) { wrap_ = wrap; }
  void Paint(Painter& p) const override;

 private:
  TextRole role_;
  Align align_ = Align::kStart;
  bool wrap_ = false;
};

// Select or Enter runs `on_press`.
class Button final : public Widget {
 public:
  Button(std::string id, std::string text, std::function<void()> on_press)
      : Widget(std::move(id), "button"), on_press_(std::move(on_press)) {
    set_text(std::move(text));
    set_focusable(true);
  }
  bool OnKey(const hal::InputEvent& e) override {
    if (!IsActivate(e) || !on_press_) return false;
    on_press_();
    return true;
  }
  void Paint(Painter& p) const override;

 private:
  std::function<void()> on_press_;
};

// A box that is ticked or not, with its text beside it. Select, Enter or Space flips it.
class Checkbox final : public Widget {
 public:
  Checkbox(std::string id, std::string text, bool checked = false)
      : Widget(std::move(id), "checkbox"), checked_(checked) {
    set_text(std::move(text));
    set_focusable(true);
  }
  bool checked() const { return checked_; }
  void set_checked(bool on) { checked_ = on; }
  std::function<void()> on_change;

  bool OnKey(const hal::InputEvent& e) override;
  void Paint(Painter& p) const override;
  std::string_view state() const override { return checked_ ? "checked" : ""; }

 private:
  bool checked_;
};

// A container that paints a background for its children: the status bar's strip, or a
// popup's raised panel.
enum class PanelStyle { kStatusBar, kPopup };
class Panel final : public Widget {
 public:
  Panel(std::string id, std::string kind, PanelStyle style)
      : Widget(std::move(id), std::move(kind)), style_(style) {}
  void Paint(Painter& p) const override;

 private:
  PanelStyle style_;
};

// One line of a list or a menu ("row" or "menuitem"): highlighted when selected.
class ListRow final : public Widget {
 public:
  ListRow(std::string id, std::string kind) : Widget(std::move(id), std::move(kind)) {}
  bool selected() const { return selected_; }
  void set_selected(bool on) { selected_ = on; }
  void Paint(Painter& p) const override;
  std::string_view state() const override { return selected_ ? "selected" : ""; }

 private:
  bool selected_ = false;
};

// A scrolling list with one selected row. Rows are children of kind "row" (ids
// LIST.row0, LIST.row1, ... in display order); only the rows that fit are visible.
// Up/Down move the selection (scrolling as needed), Select/Enter activates it.
class ListView final : public Widget {
 public:
  ListView(std::string id, int row_height);

  void SetRows(const std::vector<std::string>& texts);
  size_t size() const { return rows_; }
  size_t selected() const { return selected_; }
  void Select(size_t index);
  std::function<void(size_t)> on_activate;

  bool OnKey(const hal::InputEvent& e) override;
  void Layout();  // after bounds change: which rows are visible, and where
  void Paint(Painter& p) const override;  // a scroll bar when not every row fits

 private:
  int row_height_;
  size_t rows_ = 0, selected_ = 0, first_ = 0;  // first_: the top visible row
};

// One line of editable text with a cursor. Characters are inserted at the cursor;
// Backspace removes the grapheme cluster before it and Left/Right move over whole clusters
// (os/text), so "e" + a combining accent or a ZWJ emoji go as one. `on_change` runs after
// every edit. A masked field (a password) shows a dot per character, on the screen and in
// the automation tree; text() is still what was typed.
class TextField final : public Widget {
 public:
  explicit TextField(std::string id, std::string placeholder = "");

  size_t cursor() const { return cursor_; }  // byte offset into text()
  void SetText(std::string text);            // cursor to the end
  const std::string& placeholder() const { return placeholder_; }
  void set_masked(bool on) { masked_ = on; }
  std::function<void()> on_change;

  bool OnKey(const hal::InputEvent& e) override;
  void Paint(Painter& p) const override;
  std::string shown_text() const override;

 private:
  std::string Shown(std::string_view text) const;  // `text` as this field shows it
  std::string placeholder_;
  bool masked_ = false;
  size_t cursor_ = 0;
  std::unique_ptr<text::GraphemeCursor> clusters_;  // nullptr only if ICU data is broken
};


// A dialog: a panel with a title over the screen, a message, and its buttons in a row at the
// bottom (children: the message label ID.message, then the buttons). Cancel or Back runs
// `on_cancel`. Call Layout after setting its bounds (the area it is centred in).
class Dialog final : public Widget {
 public:
  Dialog(std::string id, std::string title, std::string message);
  Button& AddButton(std::string id, std::string text, std::function<void()> on_press);
  void Layout();
  std::function<void()> on_cancel;

  bool OnKey(const hal::InputEvent& e) override;
  void Paint(Painter& p) const override;
  // The panel inside the bounds, and its title bar's height.
  hal::Rect panel() const;
  static constexpr int32_t kTitleHeight = 16, kButtonHeight = 18, kMargin = 10;
};

}  // namespace swivel::os::ui
