#pragma once
// The status bar every screen shares: carrier name, clock, sync state, radio and battery, as
// widgets (status.carrier, status.clock, status.sync, status.radio, status.battery) in the
// UI tree. Read from the devices whenever it is asked for, so it is never stale; the sync
// state is what the sync agent last set (empty until one runs).
#include <string>
#include <string_view>

#include <memory>

#include "hal/devices.h"
#include "os/text/format.h"
#include "os/ui/widgets.h"

namespace swivel::os::kernel {

struct StatusBarOptions {
  std::string carrier = "Swivel";
  std::string locale = "en_US";
  std::string time_zone = "UTC";
  int32_t height = 12;
  double low_percent = 15;  // at or below: the battery shows "low" (the battery's warning level)
};

// The status bar's word for the sync agent's status line: its slot holds about seven
// characters, so "syncing photos" shows as "syncing", "sync failed" as "failed", "sign in
// again" as "sign in", "confirm N deletes" as "confirm", and "no account" as nothing (a
// handset never signed in does not nag; Settings says it). Settings shows the whole line.
std::string SyncWord(std::string_view agent_status);

class StatusBar {
 public:
  // `text_px`: the size of the bar's text (the theme's small size), which the slots scale to.
  StatusBar(hal::Devices& devices, StatusBarOptions options, int32_t width, int32_t text_px);
  // Brings the texts up to date and returns the bar.
  ui::Widget& Refresh();
  // The sync agent's status line, shown as SyncWord of it.
  void set_sync(std::string_view agent_status) { sync_ = SyncWord(agent_status); }

 private:
  hal::Devices& devices_;
  StatusBarOptions options_;
  std::unique_ptr<text::Formatter> time_;
  std::string sync_;  // the device locale and zone (UTC if unknown)
  ui::Panel root_{"status", "statusbar", ui::PanelStyle::kStatusBar};
};

}  // namespace swivel::os::kernel
