#pragma once
// The popup menu: the Menu key opens the front app's items over its screen (widgets
// menu.<id>, stacked); Up/Down move, Select or Enter runs one, Menu, Back or Cancel close
// it. Holding Menu and pressing an item's shortcut runs it directly (the menu never opens).
#include <memory>
#include <vector>

#include "os/kernel/app.h"
#include "os/ui/focus.h"
#include "os/ui/widget.h"

namespace swivel::os::kernel {

class PopupMenu {
 public:
  PopupMenu(std::vector<MenuItem> items, hal::Rect area, int32_t row_height);
  ui::Widget& root() { return *root_; }
  ui::Focus& focus() { return *focus_; }
  // Handles a key while open. Returns false once the menu should close; an item chosen to
  // run is moved to `chosen`.
  bool OnKey(const hal::InputEvent& e, std::function<void()>* chosen);

 private:
  std::vector<MenuItem> items_;
  std::unique_ptr<ui::Widget> root_;
  std::unique_ptr<ui::Focus> focus_;
};

}  // namespace swivel::os::kernel
