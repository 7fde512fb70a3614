#pragma once
// hal::Battery: charge, charger, and what the OS tells it is drawing power.
#include <cstdint>
#include <functional>
#include <string_view>

namespace swivel::hal {

enum class ScreenPower { kOff, kDim, kOn };
enum class RadioPower { kOff, kIdle, kActive };
enum class CpuPower { kIdle, kBusy };

// What is switched on; the drain follows from it.
struct PowerLoad {
  ScreenPower screen = ScreenPower::kOn;
  RadioPower radio = RadioPower::kIdle;
  CpuPower cpu = CpuPower::kIdle;
  bool operator==(const PowerLoad&) const = default;
};

struct BatteryState {
  bool present = true;            // false once the battery is pulled
  bool charger_connected = false;
  bool charging = false;          // charger connected and not yet full
  double level_percent = 100.0;   // 0..100
  int32_t millivolts = 4200;      // terminal voltage under the present load
};

enum class BatteryEvent {
  kLow,                 // level fell to the low threshold (15%)
  kCritical,            // level fell to the critical threshold (5%): save and shut down
  kEmpty,               // level reached 0: power is gone
  kChargerConnected,
  kChargerDisconnected,
  kFull,                // charging reached 100%
};

std::string_view ToString(BatteryEvent event);

class Battery {
 public:
  virtual ~Battery() = default;
  virtual BatteryState state() const = 0;
  virtual void set_load(const PowerLoad& load) = 0;
  // One listener; events are delivered on the device's timer callbacks, in device time.
  virtual void set_listener(std::function<void(BatteryEvent)> listener) = 0;
};

}  // namespace swivel::hal
