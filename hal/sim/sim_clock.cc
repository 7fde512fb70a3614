#include "hal/sim/sim_clock.h"

#include <algorithm>
#include <thread>

namespace swivel::hal::sim {
namespace {

class RealHostTime final : public HostTime {
 public:
  std::chrono::steady_clock::time_point now() override { return std::chrono::steady_clock::now(); }
  void sleep_until(std::chrono::steady_clock::time_point t) override {
    std::this_thread::sleep_until(t);
  }
};

}  // namespace

HostTime& HostTime::real() {
  static RealHostTime instance;  // stateless: safe to share between devices
  return instance;
}

SimClock::SimClock(Mode mode, HostTime& host, int64_t initial_wall_ms)
    : mode_(mode), host_(host), host_origin_(host.now()), wall_base_ms_(initial_wall_ms) {}

TimePoint SimClock::now() const {
  TimePoint t{offset_};
  if (mode_ == Mode::kFollowHost)
    t += std::chrono::duration_cast<Duration>(host_.now() - host_origin_);
  last_ = std::max(last_, t);
  return last_;
}

int64_t SimClock::wall_time_ms() const {
  return wall_base_ms_ + std::chrono::duration_cast<std::chrono::milliseconds>(
                             now().time_since_epoch()).count();
}

void SimClock::set_wall_time_ms(int64_t unix_ms) {
  wall_base_ms_ = unix_ms - std::chrono::duration_cast<std::chrono::milliseconds>(
                                now().time_since_epoch()).count();
}

TimerId SimClock::schedule_at(TimePoint deadline, std::function<void()> fire) {
  const TimerId id = next_id_++;
  timers_.emplace(Key{deadline, id}, std::move(fire));
  deadlines_.emplace(id, deadline);
  return id;
}

bool SimClock::cancel(TimerId id) {
  auto it = deadlines_.find(id);
  if (it == deadlines_.end()) return false;
  timers_.erase(Key{it->second, id});
  deadlines_.erase(it);
  return true;
}

void SimClock::advance(Duration busy) {
  if (busy > Duration::zero()) offset_ += busy;
}

size_t SimClock::run_due() {
  size_t ran = 0;
  while (!timers_.empty() && timers_.begin()->first.first <= now()) {
    auto node = timers_.extract(timers_.begin());
    deadlines_.erase(node.key().second);
    node.mapped()();  // may schedule or cancel other timers: the map is consistent here
    ++ran;
  }
  return ran;
}

std::optional<TimePoint> SimClock::next_deadline() const {
  if (timers_.empty()) return std::nullopt;
  return timers_.begin()->first.first;
}

void SimClock::idle_until(TimePoint t) {
  if (t <= now()) return;
  if (mode_ == Mode::kVirtual) {
    offset_ += t - now();
    return;
  }
  host_.sleep_until(host_origin_ + (t.time_since_epoch() - offset_));
  // A host clock that woke early (or a test's manual one) must not leave us short.
  if (now() < t) offset_ += t - now();
}

bool SimClock::run_next() {
  auto next = next_deadline();
  if (!next) return false;
  idle_until(*next);
  run_due();
  return true;
}

void SimClock::run_until(TimePoint limit) {
  while (auto next = next_deadline()) {
    if (*next > limit) break;
    idle_until(*next);
    run_due();
  }
  idle_until(limit);
}

}  // namespace swivel::hal::sim
