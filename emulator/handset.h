#pragma once
// Handset: a simulated handset on the host: its board (every device), and the OS booted on
// it when it has power. What the window, headless runs and scripts drive.
//
// Battery pull drops the OS instance with no shutdown code and takes power from the flash
// mid-operation if one is running; power on puts the battery back (at the level it had)
// if it is out and boots the OS again from the same flash.
#include <functional>
#include <memory>
#include <string>

#include "hal/sim/sim_board.h"
#include "os/kernel/device.h"

namespace swivel::emulator {

struct HandsetOptions {
  hal::sim::BoardOptions board;
  os::kernel::DeviceOptions os;  // os.kernel.fonts: nullptr, the handset opens DejaVu once
  // Called after every boot, before the OS starts its home app: apps register here.
  std::function<void(os::kernel::Device&)> install;
  // Called after every boot, once the OS takes keys.
  std::function<void()> booted;
};

class Handset {
 public:
  explicit Handset(HandsetOptions options);

  // Boots the OS if it is not running. False, with `error` set, when the flash cannot be
  // mounted or there is no charge.
  bool PowerOn(std::string* error);
  void PullBattery();
  void SetBatteryLevel(double percent);
  void SetCharger(bool connected);
  void SetRadio(bool on);
  // The lid swivelled open or shut; the OS gets the event at once.
  void SetLid(hal::LidState state);

  // Key input, handled by the OS at once (in device time, nothing passes).
  void KeyDown(hal::Key key, char32_t character = 0);
  void KeyUp(hal::Key key, char32_t character = 0);
  void Press(hal::Key key, char32_t character = 0);
  void Type(std::u32string_view text);

  // Lets `ms` of device time pass: every timer due in it runs, and the OS handles what it
  // brings. Virtual time jumps from timer to timer: a wait of an hour takes no host time.
  void Wait(int64_t ms);

  os::kernel::Device* os() { return os_.get(); }
  hal::sim::SimBoard& board() { return board_; }
  uint64_t boots() const { return boots_; }
  // Device time the last boot took, from power on until the OS takes keys.
  hal::Duration last_boot() const { return last_boot_; }

 private:
  void Step();

  HandsetOptions options_;
  hal::sim::SimBoard board_;
  hal::Devices devices_;
  std::unique_ptr<os::gfx::FontLibrary> fonts_;  // the ROM's fonts, when options gave none
  std::unique_ptr<os::kernel::Device> os_;
  double level_at_pull_ = 100;
  uint64_t boots_ = 0;
  hal::Duration last_boot_{};
};

}  // namespace swivel::emulator
