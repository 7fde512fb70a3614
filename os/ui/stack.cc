#include "os/ui/stack.h"

#include "os/ui/widgets.h"

namespace swivel::os::ui {

void StackRows(Widget& root, int row_height) {
  int y = root.bounds().y;
  for (const auto& c : root.children()) {
    if (auto* dialog = dynamic_cast<Dialog*>(c.get())) {
      dialog->set_bounds(root.bounds());
      dialog->Layout();
      continue;
    }
    const int h = c->kind() == "list" ? root.bounds().y + root.bounds().height - y : row_height;
    c->set_bounds({root.bounds().x, y, root.bounds().width, h});
    y += h;
  }
}

}  // namespace swivel::os::ui
