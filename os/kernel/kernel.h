#pragma once
// Kernel: one handset OS instance over its devices. It routes keys (the Jump screen and
// Jump+letter chords, Back, the power button), runs the apps, and follows the power state.
// It never owns the devices; dropping the Kernel (a battery pull) runs no shutdown code
// beyond cancelling its own timers.
//
// Single-threaded: the host calls Step() after delivering input, and runs the device
// clock's timers (the kernel's own come back as clock callbacks).
#include <map>
#include <string>

#include "hal/devices.h"
#include "os/kernel/app_manager.h"
#include "os/kernel/menu.h"
#include "os/kernel/power_manager.h"
#include "os/kernel/renderer.h"
#include "os/kernel/status_bar.h"

namespace swivel::os::kernel {

struct KernelOptions {
  std::string home = "launcher";  // the Jump screen
  PowerOptions power;
  StatusBarOptions status;  // carrier name, locale, time zone
  ui::Theme theme;          // a skin's carrier branding
  // The ROM fonts, kept by the host across boots; nullptr: the kernel opens them itself.
  gfx::FontLibrary* fonts = nullptr;
};

class Kernel {
 public:
  Kernel(hal::Devices& devices, KernelOptions options = {});

  AppManager& apps() { return apps_; }
  // Where apps draw: the screen below the status bar.
  hal::Rect app_area() const { return app_area_; }
  PowerManager& power() { return power_; }
  const ui::Theme& theme() const { return options_.theme; }
  const StatusBarOptions& locale_options() const { return options_.status; }  // locale, zone
  int64_t wall_time_ms() const { return devices_.clock.wall_time_ms(); }  // the RTC

  // Jump+letter opens `app` directly (letters are matched case-insensitively).
  void BindChord(char32_t letter, std::string app);
  // What the status bar says about sync ("synced", "sync failed", ...), set by the sync
  // agent; drawn at the next Step.
  void SetSyncStatus(std::string text) { status_.set_sync(std::move(text)); }
  // Opens the home app: the end of a boot.
  bool Start();

  // Handles every pending input event, then draws a frame if what the screen shows changed
  // (a key was handled, the status bar's clock or battery moved, the screen came back on).
  void Step();
  const Renderer& renderer() const { return renderer_; }
  // False once a critical battery shut the OS down (everything was saved first).
  bool running() const { return running_; }
  bool low_battery_warned() const { return low_battery_warned_; }

  // What the screen shows, for tests, scripts and the control API: the status bar's tree
  // then the front app's, in ui::DumpTree's format; whether some visible widget shows
  // `text`; the focused widget's id (empty when none).
  std::string DumpUi();
  bool ShowsText(std::string_view text);
  std::string FocusedId();

 private:
  void Handle(const hal::InputEvent& event);
  bool HandleMenu(const hal::InputEvent& event);  // true when the menu took the key
  void CriticalBattery();
  void Render(bool changed);
  void RefreshApp();  // the front app's screen up to date; app_changed_ when it moved

  hal::Devices& devices_;
  KernelOptions options_;
  AppManager apps_;
  PowerManager power_;
  StatusBar status_;
  Renderer renderer_;
  bool app_changed_ = false;  // the front app's screen changed without a key since drawn
  std::string drawn_status_;  // the status bar as last drawn; empty: draw on the next Step
  hal::Rect app_area_;
  std::map<char32_t, std::string> chords_;
  bool jump_held_ = false, chord_used_ = false;
  bool menu_held_ = false, menu_shortcut_used_ = false;
  std::unique_ptr<PopupMenu> menu_;  // open
  bool running_ = true, low_battery_warned_ = false;
};

}  // namespace swivel::os::kernel
