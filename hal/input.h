#pragma once
// hal::Input: the handset's keys (QWERTY, d-pad/trackball, its own buttons) and the lid.
#include <cstdint>
#include <optional>
#include <string_view>

#include "hal/time.h"

namespace swivel::hal {

enum class Key : uint16_t {
  kNone,
  kCharacter,  // a QWERTY key: the character it types is in InputEvent::character
  kEnter, kBackspace, kSpace, kShift, kAlt,
  kUp, kDown, kLeft, kRight, kSelect,  // d-pad / trackball, and pressing it
  kPageUp, kPageDown,
  kJump, kMenu, kBack, kCancel,         // the four corner buttons
  kShoulderLeft, kShoulderRight,        // top edge; right doubles as the camera button
  kVolumeUp, kVolumeDown, kPower,
};

std::string_view ToString(Key key);
std::optional<Key> KeyFromName(std::string_view name);  // the inverse of ToString

enum class LidState { kShut, kOpen };

struct InputEvent {
  enum class Type { kKeyDown, kKeyUp, kLid } type = Type::kKeyDown;
  Key key = Key::kNone;
  char32_t character = 0;  // for Key::kCharacter
  LidState lid = LidState::kShut;
  TimePoint time{};
};

class Input {
 public:
  virtual ~Input() = default;
  // The next pending event, oldest first, or nothing.
  virtual std::optional<InputEvent> poll() = 0;
  virtual LidState lid() const = 0;
};

}  // namespace swivel::hal
