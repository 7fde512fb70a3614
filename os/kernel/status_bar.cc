#include "os/kernel/status_bar.h"

#include <cmath>

#include "os/text/format.h"

namespace swivel::os::kernel {
namespace {

std::string RadioText(hal::LinkState s) {
  switch (s) {
    case hal::LinkState::kOff: return "radio off";
    case hal::LinkState::kNoSignal: return "no signal";
    case hal::LinkState::kUp: return "signal";
    case hal::LinkState::kUpNoService: return "no service";
  }
  return "";
}

}  // namespace

StatusBar::StatusBar(hal::Devices& devices, StatusBarOptions options, int32_t width)
    : devices_(devices), options_(std::move(options)) {
  time_ = text::Formatter::Create(options_.locale, options_.time_zone);
  if (!time_) time_ = text::Formatter::Create(options_.locale, "UTC");  // an unknown zone
  root_.set_bounds({0, 0, width, options_.height});
  // Shares of the width, in 60ths: the carrier and clock get the most room.
  struct Slot {
    const char* id;
    int32_t share;
    ui::Align align;
  };
  const Slot slots[] = {{"status.carrier", 20, ui::Align::kStart},
                        {"status.clock", 12, ui::Align::kCenter},
                        {"status.sync", 8, ui::Align::kEnd},
                        {"status.radio", 10, ui::Align::kEnd},
                        {"status.battery", 10, ui::Align::kEnd}};
  int32_t x = 0, used = 0;
  for (const Slot& slot : slots) {
    used += slot.share;
    const int32_t right = width * used / 60;
    auto w = std::make_unique<ui::Label>(slot.id, "", ui::TextRole::kStatus);
    w->set_align(slot.align);
    w->set_bounds({x, 0, right - x, options_.height});
    x = right;
    root_.Add(std::move(w));
  }
}

ui::Widget& StatusBar::Refresh() {
  const auto battery = devices_.battery.state();
  root_.Find("status.carrier")->set_text(options_.carrier);
  root_.Find("status.clock")->set_text(time_ ? time_->Time(devices_.clock.wall_time_ms()) : "");
  root_.Find("status.sync")->set_text(sync_);
  root_.Find("status.radio")->set_text(RadioText(devices_.radio.state()));
  root_.Find("status.battery")->set_text(
      std::to_string(int(std::lround(battery.level_percent))) + "%" +
      (battery.charging ? " charging" : battery.level_percent <= options_.low_percent ? " low" : ""));
  return root_;
}

}  // namespace swivel::os::kernel
