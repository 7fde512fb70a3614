#pragma once
// SimBattery: a Li-ion cell whose charge is a pure function of device time and what the OS
// says is switched on. Threshold events (low, critical, empty, full) are timers at the exact
// device time the level crosses them under the present load, so a headless clock jumps
// straight there; every load or charger change settles the level and moves that timer.
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>

#include "hal/battery.h"
#include "hal/sim/sim_clock.h"

namespace swivel::hal::sim {

// Figures for a Sidekick-class handset. Currents in mA.
struct BatteryModel {
  double capacity_mah = 1000;
  double base_ma = 5;  // RAM refresh, RTC, keypad scan: always drawn
  double screen_off_ma = 0, screen_dim_ma = 60, screen_on_ma = 150;
  double radio_off_ma = 0, radio_idle_ma = 15, radio_active_ma = 250;
  double cpu_idle_ma = 10, cpu_busy_ma = 120;
  double charge_ma = 700;
  double low_percent = 15, critical_percent = 5;
  double internal_ohms = 0.15;  // voltage sags under load by current x resistance
};

class SimBattery final : public Battery {
 public:
  SimBattery(SimClock& clock, BatteryModel model = {}, double level_percent = 100);
  ~SimBattery() override;
  SimBattery(const SimBattery&) = delete;
  SimBattery& operator=(const SimBattery&) = delete;

  // hal::Battery
  BatteryState state() const override;
  void set_load(const PowerLoad& load) override;
  void set_listener(std::function<void(BatteryEvent)> listener) override;

  // Host controls (emulator menu, scripts, tests).
  void connect_charger(bool connected);
  void set_level(double percent);  // clamped to 0..100
  // The battery comes out: power is gone at once, no event is delivered (nothing is powered
  // to receive it) and the power-lost hook runs before pull() returns.
  void pull();
  void insert(double level_percent);
  // True while something can power the device: a battery with charge, or the charger.
  bool powered() const;
  // Runs when power disappears: pull(), or the level reaching 0 with no charger.
  void on_power_lost(std::function<void()> hook) { power_lost_ = std::move(hook); }

  // mA flowing out of the cell now (negative while charging).
  double net_current_ma() const;
  const BatteryModel& model() const { return model_; }

 private:
  double LoadCurrentMa() const;
  double LevelAt(TimePoint t) const;
  void Settle();             // folds elapsed time into level_
  void Rearm();              // thresholds above the level may fire again
  void FireCrossed();        // events for thresholds the level is now at or past
  void ScheduleNextCrossing();
  void Changed();            // Settle + FireCrossed + reschedule: after any change
  void Emit(BatteryEvent event);
  void LosePower();
  void CancelTimers();

  SimClock& clock_;
  BatteryModel model_;
  PowerLoad load_{};
  bool present_ = true;
  bool charger_ = false;
  bool had_power_ = true;
  double level_;          // percent, as of settled_at_
  TimePoint settled_at_;
  bool low_fired_ = false, critical_fired_ = false, full_fired_ = false;
  std::optional<TimerId> crossing_timer_, flush_timer_;
  std::deque<BatteryEvent> pending_;
  std::function<void(BatteryEvent)> listener_;
  std::function<void()> power_lost_;
};

}  // namespace swivel::hal::sim
