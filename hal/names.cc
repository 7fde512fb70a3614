// Human-readable names for HAL enums (logs, error messages, scripts).
#include <array>
#include <utility>

#include "hal/battery.h"
#include "hal/flash.h"
#include "hal/input.h"
#include "hal/radio.h"

namespace swivel::hal {

std::string_view ToString(FlashStatus status) {
  switch (status) {
    case FlashStatus::kOk: return "ok";
    case FlashStatus::kPowerLost: return "power lost";
    case FlashStatus::kBadBlock: return "bad block";
    case FlashStatus::kAlreadyProgrammed: return "page already programmed";
    case FlashStatus::kOutOfOrder: return "page programmed out of order";
    case FlashStatus::kOutOfRange: return "address out of range";
  }
  return "unknown flash status";
}

std::string_view ToString(BatteryEvent event) {
  switch (event) {
    case BatteryEvent::kLow: return "low";
    case BatteryEvent::kCritical: return "critical";
    case BatteryEvent::kEmpty: return "empty";
    case BatteryEvent::kChargerConnected: return "charger connected";
    case BatteryEvent::kChargerDisconnected: return "charger disconnected";
    case BatteryEvent::kFull: return "full";
  }
  return "unknown battery event";
}

std::string_view ToString(LinkState state) {
  switch (state) {
    case LinkState::kOff: return "off";
    case LinkState::kNoSignal: return "no signal";
    case LinkState::kUp: return "up";
    case LinkState::kUpNoService: return "up, service silent";
  }
  return "unknown link state";
}

std::string_view ToString(RadioStatus status) {
  switch (status) {
    case RadioStatus::kOk: return "ok";
    case RadioStatus::kRadioOff: return "radio off";
    case RadioStatus::kNoSignal: return "no signal";
    case RadioStatus::kTimeout: return "timeout";
  }
  return "unknown radio status";
}

namespace {
constexpr std::array<std::pair<Key, std::string_view>, 23> kKeyNames{{
    {Key::kNone, "none"},         {Key::kCharacter, "char"},      {Key::kEnter, "enter"},
    {Key::kBackspace, "backspace"}, {Key::kSpace, "space"},       {Key::kShift, "shift"},
    {Key::kAlt, "alt"},           {Key::kUp, "up"},               {Key::kDown, "down"},
    {Key::kLeft, "left"},         {Key::kRight, "right"},         {Key::kSelect, "select"},
    {Key::kPageUp, "pageup"},     {Key::kPageDown, "pagedown"},   {Key::kJump, "jump"},
    {Key::kMenu, "menu"},         {Key::kBack, "back"},           {Key::kCancel, "cancel"},
    {Key::kShoulderLeft, "shoulder-left"}, {Key::kShoulderRight, "shoulder-right"},
    {Key::kVolumeUp, "volume-up"}, {Key::kVolumeDown, "volume-down"}, {Key::kPower, "power"},
}};
}  // namespace

std::string_view ToString(Key key) {
  for (const auto& [k, name] : kKeyNames)
    if (k == key) return name;
  return "unknown";
}

std::optional<Key> KeyFromName(std::string_view name) {
  for (const auto& [k, n] : kKeyNames)
    if (n == name) return k;
  return std::nullopt;
}

}  // namespace swivel::hal
