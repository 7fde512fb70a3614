#include "os/kernel/timer.h"

namespace swivel::os::kernel {

void Timer::Start(hal::Duration delay, std::function<void()> fire) {
  Cancel();
  pending_ = true;
  id_ = clock_.schedule_after(delay, [this, fire = std::move(fire)] {
    pending_ = false;
    fire();
  });
}

void Timer::Cancel() {
  if (pending_) clock_.cancel(id_);
  pending_ = false;
}

}  // namespace swivel::os::kernel
