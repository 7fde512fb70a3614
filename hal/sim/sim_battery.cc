#include "hal/sim/sim_battery.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace swivel::hal::sim {
namespace {

constexpr double kMicrosPerHour = 3.6e9;
// Numerical slack: a crossing timer fires at the first whole microsecond at or past the
// crossing, where the computed level may differ from the threshold by rounding only.
constexpr double kEpsilon = 1e-9;

// Open-circuit voltage of a Li-ion cell by state of charge (percent -> mV).
constexpr std::array<std::pair<double, double>, 7> kOcv{{
    {0, 3300}, {5, 3500}, {15, 3650}, {50, 3800}, {80, 3980}, {90, 4100}, {100, 4200}}};

double OpenCircuitMv(double level) {
  for (size_t i = 1; i < kOcv.size(); ++i) {
    const auto [l1, v1] = kOcv[i];
    if (level <= l1) {
      const auto [l0, v0] = kOcv[i - 1];
      return v0 + (v1 - v0) * (level - l0) / (l1 - l0);
    }
  }
  return kOcv.back().second;
}

}  // namespace

SimBattery::SimBattery(SimClock& clock, BatteryModel model, double level_percent)
    : clock_(clock), model_(model), level_(std::clamp(level_percent, 0.0, 100.0)),
      settled_at_(clock.now()) {
  // A battery that starts below a threshold has already announced it.
  low_fired_ = level_ <= model_.low_percent;
  critical_fired_ = level_ <= model_.critical_percent;
  had_power_ = level_ > 0;
  ScheduleNextCrossing();
}

SimBattery::~SimBattery() { CancelTimers(); }

void SimBattery::CancelTimers() {
  if (crossing_timer_) clock_.cancel(*crossing_timer_);
  if (flush_timer_) clock_.cancel(*flush_timer_);
  crossing_timer_.reset();
  flush_timer_.reset();
}

double SimBattery::LoadCurrentMa() const {
  const auto& m = model_;
  const double screen[] = {m.screen_off_ma, m.screen_dim_ma, m.screen_on_ma};
  const double radio[] = {m.radio_off_ma, m.radio_idle_ma, m.radio_active_ma};
  const double cpu[] = {m.cpu_idle_ma, m.cpu_busy_ma};
  return m.base_ma + screen[int(load_.screen)] + radio[int(load_.radio)] + cpu[int(load_.cpu)];
}

double SimBattery::net_current_ma() const {
  if (!present_) return 0;
  const double load = LoadCurrentMa();
  if (!charger_) return level_ > 0 ? load : 0;
  // The charger feeds the load first; what is left charges the cell, until it is full.
  if (level_ >= 100 - kEpsilon && model_.charge_ma >= load) return 0;
  return load - model_.charge_ma;
}

double SimBattery::LevelAt(TimePoint t) const {
  const double hours = double((t - settled_at_).count()) / kMicrosPerHour;
  const double delta = net_current_ma() * hours / model_.capacity_mah * 100;
  return std::clamp(level_ - delta, 0.0, 100.0);
}

void SimBattery::Settle() {
  const auto now = clock_.now();
  level_ = LevelAt(now);
  settled_at_ = now;
}

BatteryState SimBattery::state() const {
  BatteryState s;
  s.present = present_;
  if (!present_) {
    s.level_percent = 0;
    s.millivolts = 0;
    return s;
  }
  const double level = LevelAt(clock_.now());
  s.charger_connected = charger_;
  s.charging = charger_ && level < 100 - kEpsilon;
  s.level_percent = level;
  const double sag = net_current_ma() * model_.internal_ohms;  // mA x ohm = mV
  s.millivolts = int32_t(std::lround(OpenCircuitMv(level) - sag));
  return s;
}

bool SimBattery::powered() const {
  return present_ && (charger_ || LevelAt(clock_.now()) > kEpsilon);
}

void SimBattery::Rearm() {
  if (level_ > model_.low_percent + kEpsilon) low_fired_ = false;
  if (level_ > model_.critical_percent + kEpsilon) critical_fired_ = false;
  if (level_ < 100 - kEpsilon) full_fired_ = false;
}

void SimBattery::FireCrossed() {
  if (!low_fired_ && level_ <= model_.low_percent + kEpsilon) {
    low_fired_ = true;
    Emit(BatteryEvent::kLow);
  }
  if (!critical_fired_ && level_ <= model_.critical_percent + kEpsilon) {
    critical_fired_ = true;
    Emit(BatteryEvent::kCritical);
  }
  if (charger_ && !full_fired_ && level_ >= 100 - kEpsilon) {
    full_fired_ = true;
    level_ = 100;
    Emit(BatteryEvent::kFull);
  }
  if (had_power_ && !charger_ && level_ <= kEpsilon) {
    level_ = 0;
    Emit(BatteryEvent::kEmpty);
    LosePower();
  }
}

void SimBattery::ScheduleNextCrossing() {
  if (crossing_timer_) clock_.cancel(*crossing_timer_);
  crossing_timer_.reset();
  const double rate = net_current_ma() / model_.capacity_mah * 100 / kMicrosPerHour;  // %/us
  if (!present_ || rate == 0) return;
  std::optional<double> target;
  if (rate > 0) {  // discharging: the highest threshold still ahead
    for (double t : {model_.low_percent, model_.critical_percent, 0.0}) {
      const bool armed = (t == model_.low_percent && !low_fired_) ||
                         (t == model_.critical_percent && !critical_fired_) || t == 0.0;
      if (armed && t < level_ - kEpsilon) {
        target = t;
        break;
      }
    }
  } else if (level_ < 100) {
    target = 100;
  }
  if (!target) return;
  const double micros = std::ceil((level_ - *target) / rate);
  crossing_timer_ = clock_.schedule_at(settled_at_ + Duration(int64_t(micros)), [this] {
    crossing_timer_.reset();
    Changed();
  });
}

void SimBattery::Changed() {
  Settle();
  Rearm();
  FireCrossed();
  ScheduleNextCrossing();
}

void SimBattery::Emit(BatteryEvent event) {
  pending_.push_back(event);
  if (flush_timer_) return;
  // Delivered from a timer due now: listeners never run inside a host call.
  flush_timer_ = clock_.schedule_at(clock_.now(), [this] {
    flush_timer_.reset();
    while (!pending_.empty()) {
      const auto e = pending_.front();
      pending_.pop_front();
      if (listener_) listener_(e);
    }
  });
}

void SimBattery::LosePower() {
  had_power_ = false;
  if (power_lost_) power_lost_();
}

void SimBattery::set_load(const PowerLoad& load) {
  if (load == load_) return;
  Settle();
  load_ = load;
  Changed();
}

void SimBattery::set_listener(std::function<void(BatteryEvent)> listener) {
  listener_ = std::move(listener);
}

void SimBattery::connect_charger(bool connected) {
  if (connected == charger_ || !present_) return;
  Settle();
  charger_ = connected;
  Emit(connected ? BatteryEvent::kChargerConnected : BatteryEvent::kChargerDisconnected);
  if (connected) had_power_ = true;
  Changed();
}

void SimBattery::set_level(double percent) {
  if (!present_) return;
  Settle();
  level_ = std::clamp(percent, 0.0, 100.0);
  Changed();
}

void SimBattery::pull() {
  if (!present_) return;
  present_ = false;
  charger_ = false;  // the device cannot run from the charger with no battery in
  CancelTimers();
  pending_.clear();
  LosePower();
}

void SimBattery::insert(double level_percent) {
  if (present_) return;
  present_ = true;
  level_ = std::clamp(level_percent, 0.0, 100.0);
  settled_at_ = clock_.now();
  low_fired_ = level_ <= model_.low_percent;
  critical_fired_ = level_ <= model_.critical_percent;
  full_fired_ = false;
  had_power_ = level_ > 0;
  ScheduleNextCrossing();
}

}  // namespace swivel::hal::sim
