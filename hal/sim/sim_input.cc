#include "hal/sim/sim_input.h"

namespace swivel::hal::sim {

std::optional<InputEvent> SimInput::poll() {
  if (queue_.empty()) return std::nullopt;
  InputEvent e = queue_.front();
  queue_.pop_front();
  return e;
}

void SimInput::Push(InputEvent event) {
  event.time = clock_.now();
  queue_.push_back(event);
}

void SimInput::key_down(Key key, char32_t character) {
  Push({InputEvent::Type::kKeyDown, key, character, lid_, {}});
}

void SimInput::key_up(Key key, char32_t character) {
  Push({InputEvent::Type::kKeyUp, key, character, lid_, {}});
}

void SimInput::press(Key key) {
  key_down(key);
  key_up(key);
}

void SimInput::type_text(std::u32string_view text) {
  for (char32_t c : text) {
    key_down(Key::kCharacter, c);
    key_up(Key::kCharacter, c);
  }
}

bool SimInput::type_text(std::string_view utf8) {
  auto decoded = DecodeUtf8(utf8);
  if (!decoded) return false;
  type_text(std::u32string_view(*decoded));
  return true;
}

void SimInput::set_lid(LidState state) {
  if (state == lid_) return;
  lid_ = state;
  Push({InputEvent::Type::kLid, Key::kNone, 0, state, {}});
}

std::optional<std::u32string> DecodeUtf8(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    const auto b0 = uint8_t(s[i]);
    int extra;
    char32_t cp, min;
    if (b0 < 0x80) { extra = 0; cp = b0; min = 0; }
    else if ((b0 & 0xE0) == 0xC0) { extra = 1; cp = b0 & 0x1Fu; min = 0x80; }
    else if ((b0 & 0xF0) == 0xE0) { extra = 2; cp = b0 & 0x0Fu; min = 0x800; }
    else if ((b0 & 0xF8) == 0xF0) { extra = 3; cp = b0 & 0x07u; min = 0x10000; }
    else return std::nullopt;
    if (i + size_t(extra) >= s.size()) return std::nullopt;  // truncated sequence
    for (int k = 1; k <= extra; ++k) {
      const auto b = uint8_t(s[i + size_t(k)]);
      if ((b & 0xC0) != 0x80) return std::nullopt;
      cp = (cp << 6) | (b & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
    out.push_back(cp);
    i += size_t(extra) + 1;
  }
  return out;
}

}  // namespace swivel::hal::sim
