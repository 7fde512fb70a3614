#include "os/kernel/kernel.h"

#include <algorithm>

#include "os/ui/ui_tree.h"

namespace swivel::os::kernel {
namespace {

char32_t Lower(char32_t c) { return c >= U'A' && c <= U'Z' ? c - U'A' + U'a' : c; }

}  // namespace

namespace {

// The status bar grows with a skin's larger type, never below the height asked for.
KernelOptions Fitted(KernelOptions o) {
  o.status.height = std::max(o.status.height, o.theme.small_size() + 3);
  return o;
}

}  // namespace

Kernel::Kernel(hal::Devices& devices, KernelOptions options)
    : devices_(devices), options_(Fitted(std::move(options))), apps_(devices.clock),
      power_(devices.display, devices.battery, devices.clock, options_.power,
             {[this] { low_battery_warned_ = true; }, [this] { CriticalBattery(); }}),
      status_(devices, options_.status, int32_t(devices.display.width()), options_.theme.small_size()),
      renderer_(devices.display, options_.fonts, options_.theme),
      app_area_{0, options_.status.height, int32_t(devices.display.width()),
                int32_t(devices.display.height()) - options_.status.height} {}

void Kernel::BindChord(char32_t letter, std::string app) { chords_[Lower(letter)] = std::move(app); }

bool Kernel::Start() {
  const bool started = apps_.Launch(options_.home);
  Render(true);  // the first frame: the end of a boot
  return started;
}

void Kernel::CriticalBattery() {
  // Save first, then stop: a battery that dies a moment later loses nothing typed.
  apps_.SaveAll();
  apps_.Shutdown();
  running_ = false;
}

void Kernel::Step() {
  bool handled = false;
  while (auto event = devices_.input.poll())
    if (running_) Handle(*event), handled = true;
  if (running_) Render(handled);
}

void Kernel::Render(bool changed) {
  if (power_.screen() == hal::ScreenPower::kOff) {
    drawn_status_.clear();  // nothing is seen; draw afresh when the screen comes back
    return;
  }
  // The status bar changes without keys (the clock, the battery, the radio).
  const ui::Widget& bar = status_.Refresh();
  std::string status = ui::DumpTree(bar, nullptr);
  RefreshApp();
  if (!changed && !app_changed_ && status == drawn_status_) return;
  drawn_status_ = std::move(status);
  app_changed_ = false;
  App* app = apps_.current();
  const ui::Widget* screen = app ? app->screen() : nullptr;
  const ui::Widget* focused = app && app->focus() && !menu_ ? app->focus()->focused() : nullptr;
  renderer_.Draw({{&bar, nullptr},
                  {screen, focused},
                  {menu_ ? &menu_->root() : nullptr, menu_ ? menu_->focus().focused() : nullptr}});
}

void Kernel::Handle(const hal::InputEvent& e) {
  using Type = hal::InputEvent::Type;
  if (e.type == Type::kLid) return;  // the picture turns in the emulator; apps keep going
  if (e.type == Type::kKeyDown) {
    if (e.key == hal::Key::kPower) {
      power_.PowerButton();
      return;
    }
    if (power_.Activity()) return;  // this key only woke the screen
  }
  if (HandleMenu(e)) return;
  if (e.key == hal::Key::kJump) {
    if (e.type == Type::kKeyDown) {
      jump_held_ = true;
      chord_used_ = false;
    } else if (jump_held_) {
      jump_held_ = false;
      if (!chord_used_) apps_.Launch(options_.home);
    }
    return;
  }
  if (jump_held_ && e.type == Type::kKeyDown && e.key == hal::Key::kCharacter) {
    if (auto it = chords_.find(Lower(e.character)); it != chords_.end()) {
      chord_used_ = true;
      apps_.Launch(it->second);
    }
    return;
  }
  App* app = apps_.current();
  if (app && app->OnKey(e)) return;
  if (e.type == Type::kKeyDown && e.key == hal::Key::kBack) apps_.Back();
}

bool Kernel::HandleMenu(const hal::InputEvent& e) {
  using Type = hal::InputEvent::Type;
  App* app = apps_.current();
  if (menu_ && e.key == hal::Key::kJump) menu_.reset();  // Jump works from anywhere
  if (menu_) {
    std::function<void()> chosen;
    if (!menu_->OnKey(e, &chosen)) menu_.reset();
    if (chosen) chosen();  // after the menu closed: the item may change the screen
    return true;
  }
  if (e.key == hal::Key::kMenu) {
    if (e.type == Type::kKeyDown) {
      menu_held_ = true;
      menu_shortcut_used_ = false;
    } else if (menu_held_) {
      menu_held_ = false;
      if (!menu_shortcut_used_ && app) {
        auto items = app->Menu();
        if (!items.empty()) menu_ = std::make_unique<PopupMenu>(std::move(items), app_area_, options_.theme.row_height());
      }
    }
    return true;
  }
  if (menu_held_ && e.type == Type::kKeyDown && e.key == hal::Key::kCharacter && app) {
    for (auto& item : app->Menu())
      if (item.shortcut && (item.shortcut | 0x20) == (e.character | 0x20)) {
        menu_shortcut_used_ = true;
        item.run();
        break;
      }
    return true;
  }
  return false;
}

void Kernel::RefreshApp() {
  App* app = apps_.current();
  if (app && app->Refresh()) app_changed_ = true;
}

std::string Kernel::DumpUi() {
  RefreshApp();
  std::string out = ui::DumpTree(status_.Refresh(), nullptr);
  App* app = apps_.current();
  if (app && app->screen())
    out += ui::DumpTree(*app->screen(), menu_ || !app->focus() ? nullptr : app->focus()->focused());
  if (menu_) out += ui::DumpTree(menu_->root(), menu_->focus().focused());
  return out;
}

bool Kernel::ShowsText(std::string_view text) {
  RefreshApp();
  if (ui::ShowsText(status_.Refresh(), text)) return true;
  if (menu_ && ui::ShowsText(menu_->root(), text)) return true;
  App* app = apps_.current();
  return app && app->screen() && ui::ShowsText(*app->screen(), text);
}

std::string Kernel::FocusedId() {
  RefreshApp();
  if (menu_) return menu_->focus().focused() ? menu_->focus().focused()->id() : std::string();
  App* app = apps_.current();
  const ui::Widget* w = app && app->focus() ? app->focus()->focused() : nullptr;
  return w ? w->id() : std::string();
}

}  // namespace swivel::os::kernel
