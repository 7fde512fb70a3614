#pragma once
// The Launcher: the Jump screen, where every app starts. Apps sit in a grid, each with a
// line of what is new in it (refreshed whenever the Jump screen comes back); the d-pad moves
// between them and Select (or Enter) opens one.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "os/kernel/app.h"
#include "apps/launcher/launcher_tile.h"
#include "os/kernel/app_manager.h"

namespace swivel::apps {

struct LauncherEntry {
  std::string app;    // the id the app is registered under
  std::string title;  // "Contacts"
  std::function<std::string()> news;  // "3 new", "Lunch with Ana at 12:30"; may be unset
};

class Launcher final : public os::kernel::App {
 public:
  static constexpr int kColumns = 3;

  Launcher(os::kernel::AppManager& apps, std::vector<LauncherEntry> entries, hal::Rect screen);

  os::ui::Widget* screen() override { return &root_; }
  os::ui::Focus* focus() override { return &focus_; }
  void OnResume() override;
  bool OnKey(const hal::InputEvent& event) override;

 private:
  os::kernel::AppManager& apps_;
  std::vector<LauncherEntry> entries_;
  std::vector<LauncherTile*> tiles_;  // owned by root_, one per entry
  os::ui::Widget root_{"launcher", "screen"};
  os::ui::Focus focus_{root_};
};

}  // namespace swivel::apps
