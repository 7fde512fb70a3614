#pragma once
// The set of devices a handset OS instance is built on. The OS receives this at construction
// and never learns what sits behind the interfaces.
#include "hal/battery.h"
#include "hal/clock.h"
#include "hal/display.h"
#include "hal/flash.h"
#include "hal/input.h"
#include "hal/radio.h"
#include "hal/random.h"

namespace swivel::hal {

struct Devices {
  Flash& flash;
  Battery& battery;
  Clock& clock;
  Radio& radio;
  Display& display;
  Input& input;
  Random& random;
};

}  // namespace swivel::hal
