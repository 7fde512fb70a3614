#include "hal/sim/sim_battery.h"

#include <gtest/gtest.h>

#include <vector>

namespace swivel::hal::sim {
namespace {

using std::chrono::hours;
using std::chrono::microseconds;
using std::chrono::minutes;

constexpr PowerLoad kScreenOn{ScreenPower::kOn, RadioPower::kIdle, CpuPower::kIdle};
constexpr PowerLoad kAsleep{ScreenPower::kOff, RadioPower::kOff, CpuPower::kIdle};

struct Event {
  BatteryEvent event;
  TimePoint at;
};

class SimBatteryTest : public ::testing::Test {
 protected:
  SimClock clock;
  BatteryModel model;
  std::vector<Event> events;

  // Load current of kScreenOn under the default model: base + screen + radio idle + cpu idle.
  double ScreenOnMa() const {
    return model.base_ma + model.screen_on_ma + model.radio_idle_ma + model.cpu_idle_ma;
  }
  // Device time to drain from `from` to `to` percent at `ma`.
  Duration DrainTime(double from, double to, double ma) const {
    return microseconds(int64_t((from - to) / 100 * model.capacity_mah / ma * 3.6e9));
  }
  void Listen(SimBattery& b) {
    b.set_listener([this](BatteryEvent e) { events.push_back({e, clock.now()}); });
  }
};

TEST_F(SimBatteryTest, DrainFollowsTheModel) {
  SimBattery b(clock, model, 100);
  b.set_load(kScreenOn);
  clock.run_for(hours(1));
  const double expected = 100 - ScreenOnMa() / model.capacity_mah * 100;
  EXPECT_NEAR(b.state().level_percent, expected, 1e-6);
}

TEST_F(SimBatteryTest, MoreLoadDrainsFaster) {
  SimBattery idle(clock, model, 80), busy(clock, model, 80);
  idle.set_load(kAsleep);
  busy.set_load({ScreenPower::kOn, RadioPower::kActive, CpuPower::kBusy});
  clock.run_for(minutes(30));
  EXPECT_LT(busy.state().level_percent, idle.state().level_percent);
  EXPECT_LT(idle.state().level_percent, 80) << "even asleep the base current drains";
}

TEST_F(SimBatteryTest, LowAndCriticalFireAtTheCrossingOnce) {
  SimBattery b(clock, model, 20);
  Listen(b);
  b.set_load(kScreenOn);
  const auto start = clock.now();
  clock.run_until(start + DrainTime(20, 4, ScreenOnMa()));
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].event, BatteryEvent::kLow);
  EXPECT_NEAR(double((events[0].at - start).count()),
              double(DrainTime(20, 15, ScreenOnMa()).count()), 2);
  EXPECT_EQ(events[1].event, BatteryEvent::kCritical);
  EXPECT_NEAR(double((events[1].at - start).count()),
              double(DrainTime(20, 5, ScreenOnMa()).count()), 2);
}

TEST_F(SimBatteryTest, IdleClockJumpsStraightToTheCrossing) {
  SimBattery b(clock, model, 16);
  Listen(b);
  b.set_load(kScreenOn);
  ASSERT_TRUE(clock.run_next());
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event, BatteryEvent::kLow);
  EXPECT_NEAR(b.state().level_percent, 15, 1e-6);
}

TEST_F(SimBatteryTest, LoadChangeMovesTheCrossing) {
  SimBattery b(clock, model, 20);
  Listen(b);
  b.set_load(kScreenOn);
  const auto half = DrainTime(20, 17.5, ScreenOnMa());
  clock.run_for(half);
  b.set_load(kAsleep);  // screen off: the rest of the way to 15% takes much longer
  const double asleep_ma = model.base_ma + model.cpu_idle_ma;
  clock.run_for(DrainTime(17.5, 15.1, asleep_ma));
  EXPECT_TRUE(events.empty()) << "low fired early: the old crossing time was kept";
  clock.run_for(DrainTime(15.1, 14.9, asleep_ma));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event, BatteryEvent::kLow);
}

TEST_F(SimBatteryTest, ChargingRaisesLevelAndReportsFull) {
  SimBattery b(clock, model, 50);
  Listen(b);
  b.set_load(kAsleep);
  b.connect_charger(true);
  clock.run_due();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event, BatteryEvent::kChargerConnected);
  EXPECT_TRUE(b.state().charging);
  clock.run_for(minutes(10));
  EXPECT_GT(b.state().level_percent, 50);
  clock.run_for(hours(2));
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].event, BatteryEvent::kFull);
  EXPECT_DOUBLE_EQ(b.state().level_percent, 100);
  EXPECT_FALSE(b.state().charging);
  b.connect_charger(false);
  clock.run_due();
  EXPECT_EQ(events.back().event, BatteryEvent::kChargerDisconnected);
}

TEST_F(SimBatteryTest, ChargingAboveThresholdRearmsLow) {
  SimBattery b(clock, model, 14);  // already low: no event at start
  Listen(b);
  b.set_load(kScreenOn);
  b.set_level(50);
  b.set_level(10);
  clock.run_due();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event, BatteryEvent::kLow);
}

TEST_F(SimBatteryTest, VoltageRisesWithLevelAndSagsUnderLoad) {
  SimBattery full(clock, model, 95), half(clock, model, 50), empty(clock, model, 3);
  for (auto* b : {&full, &half, &empty}) b->set_load(kAsleep);
  EXPECT_GT(full.state().millivolts, half.state().millivolts);
  EXPECT_GT(half.state().millivolts, empty.state().millivolts);
  const auto rested = half.state().millivolts;
  half.set_load({ScreenPower::kOn, RadioPower::kActive, CpuPower::kBusy});
  EXPECT_LT(half.state().millivolts, rested);
}

TEST_F(SimBatteryTest, PullRemovesPowerAtOnceWithNoEvent) {
  SimBattery b(clock, model, 60);
  Listen(b);
  int lost = 0;
  b.on_power_lost([&] { ++lost; });
  b.connect_charger(true);  // an event still queued when the battery comes out
  b.pull();
  EXPECT_EQ(lost, 1) << "power is gone before pull() returns";
  EXPECT_FALSE(b.powered());
  EXPECT_FALSE(b.state().present);
  clock.run_for(hours(10));
  EXPECT_TRUE(events.empty()) << "nothing is powered to receive an event";
  b.insert(60);
  EXPECT_TRUE(b.powered());
}

TEST_F(SimBatteryTest, DrainingToZeroSendsEmptyAndLosesPower) {
  SimBattery b(clock, model, 2);
  Listen(b);
  int lost = 0;
  b.on_power_lost([&] { ++lost; });
  b.set_load(kScreenOn);
  while (clock.run_next()) {
  }
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.back().event, BatteryEvent::kEmpty);
  EXPECT_EQ(lost, 1);
  EXPECT_FALSE(b.powered());
  EXPECT_DOUBLE_EQ(b.state().level_percent, 0);
}

TEST_F(SimBatteryTest, DestroyedBatteryLeavesNoTimerBehind) {
  {
    SimBattery b(clock, model, 50);
    b.set_load(kScreenOn);
    EXPECT_GT(clock.pending(), 0u);
  }
  EXPECT_EQ(clock.pending(), 0u);
  EXPECT_FALSE(clock.run_next());
}

}  // namespace
}  // namespace swivel::hal::sim
