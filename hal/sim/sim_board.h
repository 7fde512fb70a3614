#pragma once
// SimBoard: one emulated handset's hardware, built from a profile and one seed. Every
// device's randomness is derived from that seed by name, so a run (faults included)
// reproduces from the seed alone. The battery powers the flash: when the battery is pulled
// or runs flat, flash loses power at once, exactly as a pulled battery on a real handset.
#include <boost/filesystem/path.hpp>
#include <memory>
#include <optional>

#include "hal/devices.h"
#include "hal/sim/device_profile.h"
#include "hal/sim/sim_battery.h"
#include "hal/sim/sim_clock.h"
#include "hal/sim/sim_display.h"
#include "hal/sim/sim_flash.h"
#include "hal/sim/sim_input.h"
#include "hal/sim/sim_radio.h"
#include "hal/sim/sim_random.h"

namespace swivel::hal::sim {

struct BoardOptions {
  DeviceProfile profile = ClassicProfile();
  uint64_t seed = 1;
  SimClock::Mode clock_mode = SimClock::Mode::kVirtual;
  std::optional<boost::filesystem::path> flash_image;  // in memory when unset
  BatteryModel battery{};
  double battery_level = 100;
  RadioModel radio{};
};

class SimBoard {
 public:
  // Throws ImageError when the flash image cannot be used.
  explicit SimBoard(const BoardOptions& options);
  SimBoard(const SimBoard&) = delete;
  SimBoard& operator=(const SimBoard&) = delete;

  // What the OS is given.
  Devices devices();

  // Power, as the host sees it.
  void pull_battery() { battery_.pull(); }
  void insert_battery(double level) { battery_.insert(level); }
  // The power button after a pull or a flat battery: true when there is power to run on
  // (a charged battery or the charger); the flash then works again.
  bool power_on();
  bool powered() const { return battery_.powered(); }

  SimClock& clock() { return clock_; }
  SimFlash& flash() { return *flash_; }
  SimBattery& battery() { return battery_; }
  SimRadio& radio() { return radio_; }
  SimDisplay& display() { return display_; }
  SimInput& input() { return input_; }
  SimRandom& os_random() { return os_random_; }
  const DeviceProfile& profile() const { return profile_; }

 private:
  DeviceProfile profile_;
  SimClock clock_;
  SimRandom root_;
  std::unique_ptr<SimFlash> flash_;
  SimBattery battery_;
  SimRadio radio_;
  SimDisplay display_;
  SimInput input_;
  SimRandom os_random_;
};

}  // namespace swivel::hal::sim
