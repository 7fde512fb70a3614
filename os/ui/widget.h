#pragma once
// Widget: a node of the UI tree. Every widget has a stable id (tests and scripts find it by
// id), a kind ("label", "button", "list", ...), the text it shows, its bounds on the screen,
// and whether it is enabled and can take focus. Each widget kind draws itself (Paint, with
// os/ui/painter.h); a plain Widget is a container that draws nothing.
#include <memory>
#include <string>
#include <vector>

#include "hal/display.h"
#include "hal/input.h"

namespace swivel::os::ui {

class Painter;

class Widget {
 public:
  Widget(std::string id, std::string kind) : id_(std::move(id)), kind_(std::move(kind)) {}
  virtual ~Widget() = default;
  Widget(const Widget&) = delete;
  Widget& operator=(const Widget&) = delete;

  const std::string& id() const { return id_; }
  const std::string& kind() const { return kind_; }
  const std::string& text() const { return text_; }
  // What the screen and the automation tree show of the text: the text itself, except for
  // a password field (TextField::set_masked), which shows one dot per character.
  virtual std::string shown_text() const { return text_; }
  void set_text(std::string text) { text_ = std::move(text); }
  const hal::Rect& bounds() const { return bounds_; }
  void set_bounds(const hal::Rect& r) { bounds_ = r; }
  bool enabled() const { return enabled_; }
  void set_enabled(bool on) { enabled_ = on; }
  bool visible() const { return visible_; }
  void set_visible(bool on) { visible_ = on; }
  bool focusable() const { return focusable_ && enabled_ && visible_; }
  void set_focusable(bool on) { focusable_ = on; }

  // Adds a child and returns it (owned by this widget).
  template <typename W>
  W& Add(std::unique_ptr<W> child) {
    W& ref = *child;
    child->parent_ = this;
    children_.push_back(std::move(child));
    return ref;
  }
  const std::vector<std::unique_ptr<Widget>>& children() const { return children_; }
  Widget* parent() const { return parent_; }
  // The widget with this id in this subtree, or nothing.
  Widget* Find(std::string_view id);

  // A key for this widget while it has focus; false if it did not use it (the key then goes
  // to its parent, then to the screen's owner).
  virtual bool OnKey(const hal::InputEvent& /*event*/) { return false; }
  // Draws this widget (not its children) in its bounds; a plain container draws nothing.
  virtual void Paint(Painter& /*painter*/) const {}
  // A state the automation tree shows beside focused/disabled ("checked", "selected");
  // empty for none.
  virtual std::string_view state() const { return {}; }

 private:
  std::string id_, kind_, text_;
  hal::Rect bounds_;
  bool enabled_ = true, visible_ = true, focusable_ = false;
  Widget* parent_ = nullptr;
  std::vector<std::unique_ptr<Widget>> children_;
};

}  // namespace swivel::os::ui
