#pragma once
// PowerManager: the screen dims and then goes off when nobody touches a key, any key wakes
// it, and the battery's warnings reach the OS. What is switched on is reported to the
// battery, whose drain follows it.
#include <functional>

#include "hal/battery.h"
#include "hal/clock.h"
#include "hal/display.h"
#include "os/kernel/timer.h"

namespace swivel::os::kernel {

struct PowerOptions {
  hal::Duration dim_after = std::chrono::seconds(30);  // of no key
  hal::Duration off_after = std::chrono::seconds(60);
  uint8_t on_percent = 100, dim_percent = 30;  // backlight
};

class PowerManager {
 public:
  struct Handlers {
    std::function<void()> low;       // 15% left: warn the user
    std::function<void()> critical;  // 5% left: save everything and shut down
  };
  PowerManager(hal::Display& display, hal::Battery& battery, hal::Clock& clock,
               PowerOptions options, Handlers handlers);
  ~PowerManager();
  PowerManager(const PowerManager&) = delete;
  PowerManager& operator=(const PowerManager&) = delete;

  // A key was pressed. True if the screen was off: that key only wakes it, the OS does not
  // pass it on (so a key pressed in the dark does nothing unseen).
  bool Activity();
  // The power button: screen off if it is on, on if it is off.
  void PowerButton();
  hal::ScreenPower screen() const { return screen_; }

 private:
  void Set(hal::ScreenPower screen);

  hal::Display& display_;
  hal::Battery& battery_;
  PowerOptions options_;
  Handlers handlers_;
  Timer dim_, off_;
  hal::ScreenPower screen_ = hal::ScreenPower::kOff;
};

}  // namespace swivel::os::kernel
