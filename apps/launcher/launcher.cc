#include "apps/launcher/launcher.h"

namespace swivel::apps {

Launcher::Launcher(os::kernel::AppManager& apps, std::vector<LauncherEntry> entries,
                   hal::Rect screen)
    : apps_(apps), entries_(std::move(entries)) {
  root_.set_bounds(screen);
  const int rows = (int(entries_.size()) + kColumns - 1) / kColumns;
  const int cell_w = screen.width / kColumns, cell_h = rows ? screen.height / rows : 0;
  for (size_t i = 0; i < entries_.size(); ++i) {
    const int col = int(i) % kColumns, row = int(i) / kColumns;
    auto tile = std::make_unique<os::ui::Widget>("launcher." + entries_[i].app, "button");
    tile->set_text(entries_[i].title);
    tile->set_focusable(true);
    tile->set_bounds({screen.x + col * cell_w, screen.y + row * cell_h, cell_w, cell_h});
    auto news = std::make_unique<os::ui::Widget>("launcher." + entries_[i].app + ".news", "label");
    news->set_bounds({screen.x + col * cell_w, screen.y + row * cell_h + cell_h * 2 / 3, cell_w,
                      cell_h / 3});
    tile->Add(std::move(news));
    root_.Add(std::move(tile));
  }
  focus_.Reset();
}

void Launcher::OnResume() {
  for (size_t i = 0; i < entries_.size(); ++i)
    root_.children()[i]->children()[0]->set_text(entries_[i].news ? entries_[i].news() : "");
}

bool Launcher::OnKey(const hal::InputEvent& e) {
  const bool open = e.type == hal::InputEvent::Type::kKeyDown &&
                    (e.key == hal::Key::kSelect || e.key == hal::Key::kEnter);
  if (open && focus_.focused()) {
    for (size_t i = 0; i < entries_.size(); ++i)
      if (root_.children()[i].get() == focus_.focused()) return apps_.Launch(entries_[i].app);
  }
  return focus_.Route(e);
}

}  // namespace swivel::apps
