#pragma once
// Timer: at most one pending callback on the device clock, cancelled when the timer goes.
// Why: the OS instance can be dropped at any moment (a battery pull), while the clock lives
// on; a callback left scheduled would then call into freed memory.
#include <functional>

#include "hal/clock.h"

namespace swivel::os::kernel {

class Timer {
 public:
  explicit Timer(hal::Clock& clock) : clock_(clock) {}
  ~Timer() { Cancel(); }
  Timer(const Timer&) = delete;
  Timer& operator=(const Timer&) = delete;

  // Replaces any pending callback.
  void Start(hal::Duration delay, std::function<void()> fire);
  void Cancel();
  bool pending() const { return pending_; }

 private:
  hal::Clock& clock_;
  hal::TimerId id_ = 0;
  bool pending_ = false;
};

}  // namespace swivel::os::kernel
