#include "emulator/window/host_keys.h"

#include <iterator>

#include "hal/sim/sim_input.h"

namespace swivel::emulator::window {
namespace {

using hal::Key;

// Grouped by handset key: rows with the same key next to each other print as one line.
constexpr HostKey kHostKeys[] = {
    {SDLK_UP, "Up", Key::kUp, "d-pad up", true},
    {SDLK_DOWN, "Down", Key::kDown, "d-pad down", true},
    {SDLK_LEFT, "Left", Key::kLeft, "d-pad left", true},
    {SDLK_RIGHT, "Right", Key::kRight, "d-pad right", true},
    {SDLK_KP_ENTER, "Keypad Enter", Key::kSelect, "Select (pressing the d-pad)", false},
    {SDLK_RETURN, "Return", Key::kEnter, "Enter", false},
    {SDLK_BACKSPACE, "Backspace", Key::kBackspace, "Backspace", true},
    {SDLK_SPACE, "Space", Key::kSpace, "Space", false},
    {SDLK_LSHIFT, "Shift", Key::kShift, "Shift", false},
    {SDLK_RSHIFT, "Shift", Key::kShift, "Shift", false},
    {SDLK_LALT, "Left Alt", Key::kAlt, "Alt", false},  // right Alt is AltGr: it types
    {SDLK_PAGEUP, "Page Up", Key::kPageUp, "Page up", true},
    {SDLK_PAGEDOWN, "Page Down", Key::kPageDown, "Page down", true},
    {SDLK_HOME, "Home", Key::kJump, "Jump", false},
    {SDLK_F1, "F1", Key::kJump, "Jump", false},
    {SDLK_F2, "F2", Key::kMenu, "Menu", false},
    {SDLK_APPLICATION, "Menu key", Key::kMenu, "Menu", false},
    {SDLK_ESCAPE, "Escape", Key::kBack, "Back", false},
    {SDLK_F3, "F3", Key::kBack, "Back", false},
    {SDLK_F4, "F4", Key::kCancel, "Cancel", false},
    {SDLK_F5, "F5", Key::kShoulderLeft, "left shoulder", false},
    {SDLK_F6, "F6", Key::kShoulderRight, "right shoulder (camera)", false},
    {SDLK_F7, "F7", Key::kVolumeDown, "volume down", true},
    {SDLK_F8, "F8", Key::kVolumeUp, "volume up", true},
    {SDLK_F12, "F12", Key::kPower, "power (boots the handset when it is off)", false},
};

struct HotkeyRow {
  SDL_Keycode host;
  bool shift;
  Hotkey hotkey;
  const char* keys;
  const char* what;
};

constexpr HotkeyRow kHotkeys[] = {
    {SDLK_b, false, Hotkey::kBatteryDown, "Ctrl+B", "battery level -10%"},
    {SDLK_b, true, Hotkey::kBatteryUp, "Ctrl+Shift+B", "battery level +10%"},
    {SDLK_c, false, Hotkey::kCharger, "Ctrl+C", "charger connected / disconnected"},
    {SDLK_x, false, Hotkey::kPullBattery, "Ctrl+X",
     "pull the battery: the OS is dropped, no shutdown code runs"},
    {SDLK_p, false, Hotkey::kPower, "Ctrl+P",
     "power button; when off, boots from the same flash"},
    {SDLK_r, false, Hotkey::kRadio, "Ctrl+R", "radio on / off"},
    {SDLK_l, false, Hotkey::kLid, "Ctrl+L", "swivel the lid shut / open"},
    {SDLK_s, false, Hotkey::kScreenshot, "Ctrl+S",
     "the handset screen, exact pixels, to swivel-shot-N.png"},
    {SDLK_s, true, Hotkey::kWindowShot, "Ctrl+Shift+S",
     "the whole window as shown to swivel-window-N.png"},
    {SDLK_z, false, Hotkey::kScale, "Ctrl+Z", "scale 1x -> 2x -> 3x -> 1x"},
    {SDLK_q, false, Hotkey::kQuit, "Ctrl+Q", "quit, like closing the window"},
};

// Host key names of consecutive rows with the same handset key ("Home, F1"); `i` moves past them.
std::string JoinedHostNames(size_t* i) {
  const size_t n = std::size(kHostKeys);
  std::string names = kHostKeys[*i].host_name;
  size_t j = *i + 1;
  for (; j < n && kHostKeys[j].key == kHostKeys[*i].key; ++j)
    if (names.find(kHostKeys[j].host_name) == std::string::npos) names += std::string(", ") + kHostKeys[j].host_name;
  *i = j;
  return names;
}

std::string Pad(std::string s, size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

}  // namespace

const HostKey* FindHostKey(SDL_Keycode host) {
  for (const HostKey& k : kHostKeys)
    if (k.host == host) return &k;
  return nullptr;
}

std::optional<Hotkey> FindHotkey(SDL_Keycode host, uint16_t mods) {
  if (!(mods & KMOD_CTRL) || (mods & (KMOD_ALT | KMOD_GUI))) return std::nullopt;
  const bool shift = (mods & KMOD_SHIFT) != 0;
  for (const HotkeyRow& h : kHotkeys)
    if (h.host == host && h.shift == shift) return h.hotkey;
  return std::nullopt;
}

KeyAction TranslateKey(SDL_Keycode host, uint16_t mods, bool down, bool repeat) {
  if (down && !repeat)
    if (const auto hotkey = FindHotkey(host, mods)) return {KeyAction::Kind::kHotkey, Key::kNone, *hotkey};
  const HostKey* k = FindHostKey(host);
  if (!k) return {};
  if (!down) return {KeyAction::Kind::kHandsetUp, k->key};
  if (repeat && !k->repeats) return {};
  return {KeyAction::Kind::kHandsetDown, k->key};
}

std::u32string TypedCharacters(std::string_view utf8) {
  const auto decoded = hal::sim::DecodeUtf8(utf8);
  std::u32string out;
  if (!decoded) return out;
  for (char32_t c : *decoded)
    if (c > 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0)) out.push_back(c);
  return out;
}

std::string KeyHelp() {
  std::string text = "keys in the window (the host keyboard is the handset's):\n";
  for (size_t i = 0; i < std::size(kHostKeys);) {
    const char* handset = kHostKeys[i].handset_name;
    text += "  " + Pad(JoinedHostNames(&i), 18) + handset + "\n";
  }
  text += "  " + Pad("other keys", 18) + "type their characters (host layout, Shift, AltGr)\n";
  text += "  " + Pad("mouse", 18) + "press the skin's buttons\n";
  text += "hotkeys in the window (shots go to the current folder):\n";
  for (const HotkeyRow& h : kHotkeys) text += "  " + Pad(h.keys, 18) + h.what + "\n";
  return text;
}

std::string KeyMarkdown() {
  std::string text = "| host key | handset |\n|---|---|\n";
  for (size_t i = 0; i < std::size(kHostKeys);) {
    const char* handset = kHostKeys[i].handset_name;
    text += "| " + JoinedHostNames(&i) + " | " + handset + " |\n";
  }
  text += "| other keys | type their characters (host layout, Shift, AltGr) |\n";
  text += "| mouse | press the skin's buttons |\n\n";
  text += "| hotkey | what it does |\n|---|---|\n";
  for (const HotkeyRow& h : kHotkeys) text += std::string("| ") + h.keys + " | " + h.what + " |\n";
  return text;
}

}  // namespace swivel::emulator::window
