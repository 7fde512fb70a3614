#include "os/kernel/status_bar.h"

#include <algorithm>
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

StatusBar::StatusBar(hal::Devices& devices, StatusBarOptions options, int32_t width, int32_t text_px)
    : devices_(devices), options_(std::move(options)) {
  time_ = text::Formatter::Create(options_.locale, options_.time_zone);
  if (!time_) time_ = text::Formatter::Create(options_.locale, "UTC");  // an unknown zone
  root_.set_bounds({0, 0, width, options_.height});
  // The clock, sync, radio and battery take what their usual texts need ("12:00 AM", seven
  // letters of sync state, "radio off", "15% low") in 9 px text, scaled to the bar's text
  // size; the carrier's name gets the rest (72 px on the 240 px Classic).
  struct Slot {
    const char* id;
    int32_t width;  // for 9 px text; 0: the rest
    ui::Align align;
  };
  const Slot slots[] = {{"status.carrier", 0, ui::Align::kStart},
                        {"status.clock", 48, ui::Align::kCenter},
                        {"status.sync", 36, ui::Align::kEnd},
                        {"status.radio", 44, ui::Align::kEnd},
                        {"status.battery", 40, ui::Align::kEnd}};
  int32_t fixed = 0;
  const auto scaled = [text_px](int32_t w) { return w * std::max(text_px, 1) / 9; };
  for (const Slot& slot : slots) fixed += scaled(slot.width);
  int32_t x = 0;
  for (const Slot& slot : slots) {
    const int32_t w = slot.width ? scaled(slot.width) : std::max(0, width - fixed);
    auto label = std::make_unique<ui::Label>(slot.id, "", ui::TextRole::kStatus);
    label->set_align(slot.align);
    label->set_bounds({x, 0, w, options_.height});
    x += w;
    root_.Add(std::move(label));
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

std::string SyncWord(std::string_view agent_status) {
  if (agent_status == "no account") return "";
  if (agent_status.starts_with("syncing")) return "syncing";
  if (agent_status == "sync failed") return "failed";
  if (agent_status == "sign in again") return "sign in";
  if (agent_status.starts_with("confirm ")) return "confirm";
  return std::string(agent_status);
}

}  // namespace swivel::os::kernel
