#pragma once
// hal::Clock: the device's monotonic clock, its real-time clock (RTC), and timers.
#include <cstdint>
#include <functional>

#include "hal/time.h"

namespace swivel::hal {

using TimerId = uint64_t;

class Clock {
 public:
  virtual ~Clock() = default;

  // Monotonic device time; never goes backwards.
  virtual TimePoint now() const = 0;

  // The RTC, in Unix milliseconds. It can be wrong (reset to 2001, set ahead by the user), so
  // it is for display and record timestamps only, never for ordering changes.
  virtual int64_t wall_time_ms() const = 0;
  virtual void set_wall_time_ms(int64_t unix_ms) = 0;

  // Runs `fire` once, when device time reaches `deadline`. Timers with equal deadlines fire
  // in the order they were scheduled. Returns an id for cancel().
  virtual TimerId schedule_at(TimePoint deadline, std::function<void()> fire) = 0;
  TimerId schedule_after(Duration delay, std::function<void()> fire) {
    return schedule_at(now() + delay, std::move(fire));
  }
  // False when the timer already fired or was cancelled.
  virtual bool cancel(TimerId id) = 0;
};

}  // namespace swivel::hal
