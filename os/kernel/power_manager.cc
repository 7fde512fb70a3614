#include "os/kernel/power_manager.h"

namespace swivel::os::kernel {

PowerManager::PowerManager(hal::Display& display, hal::Battery& battery, hal::Clock& clock,
                           PowerOptions options, Handlers handlers)
    : display_(display), battery_(battery), options_(options), handlers_(std::move(handlers)),
      dim_(clock), off_(clock) {
  battery_.set_listener([this](hal::BatteryEvent e) {
    if (e == hal::BatteryEvent::kLow && handlers_.low) handlers_.low();
    if (e == hal::BatteryEvent::kCritical && handlers_.critical) handlers_.critical();
  });
  Activity();
}

PowerManager::~PowerManager() { battery_.set_listener(nullptr); }

void PowerManager::Set(hal::ScreenPower screen) {
  screen_ = screen;
  display_.set_backlight(screen == hal::ScreenPower::kOn    ? options_.on_percent
                         : screen == hal::ScreenPower::kDim ? options_.dim_percent
                                                            : 0);
  battery_.set_load({screen, hal::RadioPower::kIdle, hal::CpuPower::kIdle});
}

bool PowerManager::Activity() {
  const bool was_off = screen_ == hal::ScreenPower::kOff;
  Set(hal::ScreenPower::kOn);
  dim_.Start(options_.dim_after, [this] { Set(hal::ScreenPower::kDim); });
  off_.Start(options_.off_after, [this] { Set(hal::ScreenPower::kOff); });
  return was_off;
}

void PowerManager::PowerButton() {
  if (screen_ == hal::ScreenPower::kOff) {
    Activity();
    return;
  }
  dim_.Cancel();
  off_.Cancel();
  Set(hal::ScreenPower::kOff);
}

}  // namespace swivel::os::kernel
