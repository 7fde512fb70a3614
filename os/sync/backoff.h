#pragma once
// Backoff: how long the agent waits before trying the service again after a failure. The
// delay doubles from `first` up to `cap`, and each one is drawn uniformly from its upper
// half (seeded jitter from hal::Random), so handsets that lost the service together do not
// all come back in the same instant. A success starts it over.
#include <cstdint>

#include "hal/random.h"
#include "hal/time.h"

namespace swivel::os::sync {

struct BackoffOptions {
  hal::Duration first{std::chrono::seconds(5)};
  hal::Duration cap{std::chrono::minutes(15)};
};

class Backoff {
 public:
  Backoff(hal::Random& random, BackoffOptions options = {}) : random_(random), options_(options) {}

  // The wait after one more failure.
  hal::Duration Next();
  void Reset() { failures_ = 0; }
  uint32_t failures() const { return failures_; }

 private:
  hal::Random& random_;
  BackoffOptions options_;
  uint32_t failures_ = 0;
};

}  // namespace swivel::os::sync
