#pragma once
// The status bar every screen shares: carrier name, clock, sync state, radio and battery, as
// widgets (status.carrier, status.clock, status.sync, status.radio, status.battery) in the
// UI tree. Read from the devices whenever it is asked for, so it is never stale; the sync
// state is what the sync agent last set (empty until one runs).
#include <string>

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

class StatusBar {
 public:
  StatusBar(hal::Devices& devices, StatusBarOptions options, int32_t width);
  // Brings the texts up to date and returns the bar.
  ui::Widget& Refresh();
  void set_sync(std::string text) { sync_ = std::move(text); }

 private:
  hal::Devices& devices_;
  StatusBarOptions options_;
  std::unique_ptr<text::Formatter> time_;
  std::string sync_;  // the device locale and zone (UTC if unknown)
  ui::Panel root_{"status", "statusbar", ui::PanelStyle::kStatusBar};
};

}  // namespace swivel::os::kernel
