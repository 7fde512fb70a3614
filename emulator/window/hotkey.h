#pragma once
// The window's own hotkeys (what each is bound to: host_keys.h).

namespace swivel::emulator::window {

enum class Hotkey {
  kBatteryDown,  // battery level -10
  kBatteryUp,    // +10
  kCharger,      // charger connected / not
  kPullBattery,  // the OS is dropped with no shutdown code
  kPower,        // the power button; boots the handset when it is off
  kRadio,        // radio on / off
  kLid,          // swivel the lid shut / open
  kScreenshot,   // the handset screen, exact pixels: swivel-shot-N.png
  kWindowShot,   // the whole window as shown: swivel-window-N.png
  kScale,        // 1x -> 2x -> 3x -> 1x
  kQuit,         // like a battery pull: nothing is lost that was saved
};

}  // namespace swivel::emulator::window
