#include "hal/sim/sim_clock.h"

#include <gtest/gtest.h>

#include <vector>

namespace swivel::hal::sim {
namespace {

using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;

// A host clock that moves only when a test (or a "sleep") moves it.
class ManualHostTime final : public HostTime {
 public:
  std::chrono::steady_clock::time_point now() override { return t_; }
  void sleep_until(std::chrono::steady_clock::time_point t) override {
    sleeps_++;
    if (t > t_) t_ = t;
  }
  void step(std::chrono::steady_clock::duration d) { t_ += d; }
  int sleeps_ = 0;

 private:
  std::chrono::steady_clock::time_point t_{seconds(1000)};
};

TEST(SimClock, VirtualTimeStandsStillUntilTold) {
  SimClock clock;
  const auto t0 = clock.now();
  EXPECT_EQ(clock.now(), t0);
  clock.advance(milliseconds(2));
  EXPECT_EQ(clock.now() - t0, milliseconds(2));
}

TEST(SimClock, VirtualIdleJumpsToTheNextTimer) {
  SimClock clock;
  bool fired = false;
  clock.schedule_after(minutes(30), [&] { fired = true; });
  EXPECT_EQ(clock.run_due(), 0u);
  EXPECT_TRUE(clock.run_next());
  EXPECT_TRUE(fired);
  EXPECT_EQ(clock.now().time_since_epoch(), minutes(30));
  EXPECT_FALSE(clock.run_next()) << "nothing left to wait for";
}

TEST(SimClock, TimersFireInDeadlineThenScheduleOrder) {
  SimClock clock;
  std::vector<int> order;
  clock.schedule_after(seconds(2), [&] { order.push_back(3); });
  clock.schedule_after(seconds(1), [&] { order.push_back(1); });
  clock.schedule_after(seconds(1), [&] { order.push_back(2); });
  clock.run_until(clock.now() + seconds(5));
  EXPECT_EQ(order, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(clock.now().time_since_epoch(), seconds(5));
}

TEST(SimClock, CancelledTimerNeverFires) {
  SimClock clock;
  bool fired = false;
  const auto id = clock.schedule_after(seconds(1), [&] { fired = true; });
  EXPECT_TRUE(clock.cancel(id));
  EXPECT_FALSE(clock.cancel(id));
  clock.run_for(seconds(10));
  EXPECT_FALSE(fired);
  EXPECT_EQ(clock.pending(), 0u);
}

TEST(SimClock, BusyTimeDoesNotRunTimersButMakesThemDue) {
  SimClock clock;
  int fired = 0;
  clock.schedule_after(milliseconds(1), [&] { ++fired; });
  clock.advance(milliseconds(2));  // e.g. a block erase
  EXPECT_EQ(fired, 0) << "timers never run inside a device operation";
  EXPECT_EQ(clock.run_due(), 1u);
  EXPECT_EQ(fired, 1);
}

TEST(SimClock, TimerScheduledByATimerRunsWhenDue) {
  SimClock clock;
  std::vector<int64_t> at_ms;
  clock.schedule_after(seconds(1), [&] {
    at_ms.push_back(clock.now().time_since_epoch().count() / 1000);
    clock.schedule_after(seconds(1), [&] {
      at_ms.push_back(clock.now().time_since_epoch().count() / 1000);
    });
  });
  clock.run_for(seconds(3));
  EXPECT_EQ(at_ms, (std::vector<int64_t>{1000, 2000}));
}

TEST(SimClock, WallTimeFollowsDeviceTimeAndCanBeSet) {
  SimClock clock;
  EXPECT_EQ(clock.wall_time_ms(), SimClock::kDefaultWallMs);
  clock.run_for(seconds(90));
  EXPECT_EQ(clock.wall_time_ms(), SimClock::kDefaultWallMs + 90000);
  clock.set_wall_time_ms(978307200000);  // the RTC reset to 2001
  clock.run_for(seconds(1));
  EXPECT_EQ(clock.wall_time_ms(), 978307201000);
  EXPECT_EQ(clock.now().time_since_epoch(), seconds(91)) << "monotonic time is untouched";
}

TEST(SimClock, HostModeFollowsTheHostClock) {
  ManualHostTime host;
  SimClock clock(SimClock::Mode::kFollowHost, host);
  EXPECT_EQ(clock.now().time_since_epoch(), Duration(0));
  host.step(milliseconds(1500));
  EXPECT_EQ(clock.now().time_since_epoch(), milliseconds(1500));
  clock.advance(milliseconds(2));  // busy time adds on top of host time
  EXPECT_EQ(clock.now().time_since_epoch(), milliseconds(1502));
}

TEST(SimClock, HostModeIdleWaitsForTheHost) {
  ManualHostTime host;
  SimClock clock(SimClock::Mode::kFollowHost, host);
  bool fired = false;
  clock.schedule_after(seconds(5), [&] { fired = true; });
  host.step(seconds(1));
  EXPECT_EQ(clock.run_due(), 0u);
  EXPECT_TRUE(clock.run_next());
  EXPECT_TRUE(fired);
  EXPECT_EQ(host.sleeps_, 1) << "host mode must wait on the host, not jump";
  EXPECT_EQ(clock.now().time_since_epoch(), seconds(5));
}

TEST(SimClock, HostModeNeverRunsBackwards) {
  ManualHostTime host;
  SimClock clock(SimClock::Mode::kFollowHost, host);
  host.step(seconds(2));
  const auto seen = clock.now();
  host.step(-seconds(1));  // a misbehaving host clock
  EXPECT_GE(clock.now(), seen);
}

}  // namespace
}  // namespace swivel::hal::sim
