#include "os/sync/backoff.h"

#include <algorithm>

namespace swivel::os::sync {

hal::Duration Backoff::Next() {
  // first * 2^failures, capped; the shift is bounded so it cannot overflow.
  const int64_t first = std::max<int64_t>(options_.first.count(), 1);
  const int64_t cap = std::max(options_.cap.count(), first);
  int64_t ceiling = first;
  for (uint32_t i = 0; i < failures_ && ceiling < cap; ++i) ceiling *= 2;
  ceiling = std::min(ceiling, cap);
  ++failures_;
  const int64_t half = ceiling / 2;
  return hal::Duration(ceiling - half + int64_t(random_.uniform(uint64_t(half) + 1)));
}

}  // namespace swivel::os::sync
