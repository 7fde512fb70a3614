#include "os/kernel/menu.h"

#include "os/ui/widgets.h"

#include <algorithm>

namespace swivel::os::kernel {

PopupMenu::PopupMenu(std::vector<MenuItem> items, hal::Rect area, int32_t row_height)
    : items_(std::move(items)), root_(std::make_unique<ui::Panel>("menu", "menu", ui::PanelStyle::kPopup)) {
  // Bottom right of the app area, as tall as its items (the handset's menus rise from the
  // Menu key's corner).
  const int32_t width = area.width / 2;
  // One pixel of border around the items.
  const int32_t height = std::min(area.height, row_height * int32_t(items_.size()) + 2);
  root_->set_bounds({area.x + area.width - width, area.y + area.height - height, width, height});
  int32_t y = root_->bounds().y + 1;
  for (const auto& item : items_) {
    auto w = std::make_unique<ui::ListRow>("menu." + item.id, "menuitem");
    w->set_text(item.label);
    w->set_focusable(true);
    w->set_bounds({root_->bounds().x + 1, y, width - 2, row_height});
    y += row_height;
    root_->Add(std::move(w));
  }
  focus_ = std::make_unique<ui::Focus>(*root_);
  focus_->Reset();
}

bool PopupMenu::OnKey(const hal::InputEvent& e, std::function<void()>* chosen) {
  if (e.type != hal::InputEvent::Type::kKeyDown) return true;
  switch (e.key) {
    case hal::Key::kMenu:
    case hal::Key::kBack:
    case hal::Key::kCancel:
      return false;
    case hal::Key::kSelect:
    case hal::Key::kEnter:
      for (size_t i = 0; i < items_.size(); ++i)
        if (root_->children()[i].get() == focus_->focused()) *chosen = items_[i].run;
      return false;
    default:
      focus_->Route(e);
      return true;
  }
}

}  // namespace swivel::os::kernel
