#pragma once
// The widget kinds apps build screens from. Behaviour only (keys, state, the automation
// tree); drawing comes with os/gfx.
#include <functional>
#include <string>
#include <vector>

#include "os/text/cursor.h"
#include "os/ui/widget.h"

namespace swivel::os::ui {

inline bool IsKeyDown(const hal::InputEvent& e, hal::Key key) {
  return e.type == hal::InputEvent::Type::kKeyDown && e.key == key;
}
inline bool IsActivate(const hal::InputEvent& e) {
  return IsKeyDown(e, hal::Key::kSelect) || IsKeyDown(e, hal::Key::kEnter);
}

class Label final : public Widget {
 public:
  explicit Label(std::string id, std::string text = "") : Widget(std::move(id), "label") {
    set_text(std::move(text));
  }
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

 private:
  std::function<void()> on_press_;
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

 private:
  int row_height_;
  size_t rows_ = 0, selected_ = 0, first_ = 0;  // first_: the top visible row
};

// One line of editable text with a cursor. Characters are inserted at the cursor;
// Backspace removes the grapheme cluster before it and Left/Right move over whole clusters
// (os/text), so "e" + a combining accent or a ZWJ emoji go as one. `on_change` runs after
// every edit.
class TextField final : public Widget {
 public:
  explicit TextField(std::string id, std::string placeholder = "");

  size_t cursor() const { return cursor_; }  // byte offset into text()
  void SetText(std::string text);            // cursor to the end
  const std::string& placeholder() const { return placeholder_; }
  std::function<void()> on_change;

  bool OnKey(const hal::InputEvent& e) override;

 private:
  std::string placeholder_;
  size_t cursor_ = 0;
  std::unique_ptr<text::GraphemeCursor> clusters_;  // nullptr only if ICU data is broken
};

}  // namespace swivel::os::ui
