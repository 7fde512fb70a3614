#pragma once
// Device time. The OS never reads the host's clocks: every time it sees comes from hal::Clock,
// so a headless run is reproducible and "wait 30 minutes" costs nothing.
#include <chrono>
#include <cstdint>

namespace swivel::hal {

using Duration = std::chrono::microseconds;

// Tag for time points on the device's monotonic clock (not a std clock: it has no now()).
struct DeviceClock {
  using rep = int64_t;
  using period = std::micro;
  using duration = Duration;
  using time_point = std::chrono::time_point<DeviceClock, Duration>;
  static constexpr bool is_steady = true;
};

// Microseconds of device time since the simulated hardware was first powered.
using TimePoint = DeviceClock::time_point;

}  // namespace swivel::hal
