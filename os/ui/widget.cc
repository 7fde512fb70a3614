#include "os/ui/widget.h"

namespace swivel::os::ui {

Widget* Widget::Find(std::string_view id) {
  if (id_ == id) return this;
  for (const auto& c : children_)
    if (Widget* w = c->Find(id)) return w;
  return nullptr;
}

}  // namespace swivel::os::ui
