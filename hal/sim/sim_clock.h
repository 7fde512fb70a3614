#pragma once
// SimClock: device time and timers, in one of two modes.
// - kVirtual (headless, tests): time moves only when told. When the device is idle it jumps
//   straight to the next timer, so a 30-minute wait costs nothing and every run repeats.
// - kFollowHost (the emulator window): time follows the host's steady clock, and idling
//   waits for the host to reach the next timer.
// In both modes advance() adds device busy time (a flash erase takes 2 ms) without running
// timers; timers only run from run_due()/run_next()/run_until(), never from inside a device
// operation, so no callback re-enters the code that was busy.
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <unordered_map>
#include <utility>

#include "hal/clock.h"

namespace swivel::hal::sim {

// The host's clock, injectable so host-following mode can be tested without sleeping.
class HostTime {
 public:
  virtual ~HostTime() = default;
  virtual std::chrono::steady_clock::time_point now() = 0;
  virtual void sleep_until(std::chrono::steady_clock::time_point t) = 0;
  static HostTime& real();  // the process's steady clock
};

class SimClock final : public Clock {
 public:
  enum class Mode { kVirtual, kFollowHost };
  static constexpr int64_t kDefaultWallMs = 1767225600000;  // 2026-01-01T00:00:00Z

  explicit SimClock(Mode mode = Mode::kVirtual, HostTime& host = HostTime::real(),
                    int64_t initial_wall_ms = kDefaultWallMs);

  TimePoint now() const override;
  int64_t wall_time_ms() const override;
  void set_wall_time_ms(int64_t unix_ms) override;
  TimerId schedule_at(TimePoint deadline, std::function<void()> fire) override;
  bool cancel(TimerId id) override;

  Mode mode() const { return mode_; }
  // Device busy time: now() moves on by `busy`; no timer runs.
  void advance(Duration busy);
  // Runs every timer that is due, earliest first (including ones that those timers schedule
  // and that are already due). Returns how many ran.
  size_t run_due();
  // Idles until the next timer and runs what is then due. False when no timer is pending.
  bool run_next();
  // Runs timers up to `limit`, then leaves device time at `limit` (or later, if busy time
  // carried it past). In host mode this waits for the host clock.
  void run_until(TimePoint limit);
  void run_for(Duration d) { run_until(now() + d); }

  std::optional<TimePoint> next_deadline() const;
  size_t pending() const { return timers_.size(); }

 private:
  using Key = std::pair<TimePoint, TimerId>;
  void idle_until(TimePoint t);

  Mode mode_;
  HostTime& host_;
  std::chrono::steady_clock::time_point host_origin_;
  Duration offset_{0};  // virtual: all of device time; host mode: busy time added on top
  mutable TimePoint last_{};  // keeps now() monotonic
  int64_t wall_base_ms_;      // wall time = base + device time
  TimerId next_id_ = 1;
  std::map<Key, std::function<void()>> timers_;
  std::unordered_map<TimerId, TimePoint> deadlines_;
};

}  // namespace swivel::hal::sim
