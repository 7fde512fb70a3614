#pragma once
// Focus: which widget of a screen takes keys, and how the d-pad / trackball moves it. A move
// goes to the nearest focusable widget whose centre lies in that direction (distance along
// the direction, plus twice the sideways offset, so a widget straight ahead beats a closer
// one off to the side); with none there, focus stays.
#include "os/ui/widget.h"

namespace swivel::os::ui {

enum class Direction { kUp, kDown, kLeft, kRight };

class Focus {
 public:
  explicit Focus(Widget& root) : root_(root) {}
  Widget* focused() const { return focused_; }
  // Focuses `w` (if it can take focus); false otherwise.
  bool Set(Widget* w);
  // The first focusable widget in tree order, when nothing has focus yet.
  void Reset();
  bool Move(Direction direction);
  // Routes a key: to the focused widget and up its parents until one uses it; d-pad keys
  // nobody used move the focus. False when nothing used the key.
  bool Route(const hal::InputEvent& event);

 private:
  Widget& root_;
  Widget* focused_ = nullptr;
};

}  // namespace swivel::os::ui
