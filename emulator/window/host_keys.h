#pragma once
// The host keyboard in the emulator window: which host keys are which handset keys, and the
// window's own hotkeys (Ctrl+letter; the handset has no Ctrl key, so they never collide with
// typing). One table: --help prints it as text, README.md holds it as Markdown (a test keeps
// the two the same). Pure functions on SDL key codes: no SDL call, no video needed.
//
// Characters are not in the table: whatever the host keyboard types (its layout, Shift,
// AltGr) reaches the handset as QWERTY character keys, from SDL's text input.
#include <SDL_keycode.h>

#include <optional>
#include <string>
#include <string_view>

#include "emulator/window/hotkey.h"
#include "emulator/window/key_help.h"
#include "hal/input.h"

namespace swivel::emulator::window {

struct HostKey {
  SDL_Keycode host;
  const char* host_name;     // as --help shows it
  hal::Key key;
  const char* handset_name;  // as --help shows it
  bool repeats;              // held down, the host's key repeat presses it again
};

// The handset key a named host key stands for; null when the key is not in the table.
const HostKey* FindHostKey(SDL_Keycode host);

// The hotkey for a key pressed with these modifiers (SDL_Keymod bits): Ctrl held, Alt and
// GUI not, Shift exactly as the table says. Nothing when it is not a hotkey.
std::optional<Hotkey> FindHotkey(SDL_Keycode host, uint16_t mods);

// What one host key event does in the window.
struct KeyAction {
  enum class Kind { kNothing, kHandsetDown, kHandsetUp, kHotkey } kind = Kind::kNothing;
  hal::Key key = hal::Key::kNone;  // kHandsetDown / kHandsetUp
  Hotkey hotkey = Hotkey::kQuit;   // kHotkey
};
// `down` false is a release; `repeat` is the host's auto-repeat of a held key.
KeyAction TranslateKey(SDL_Keycode host, uint16_t mods, bool down, bool repeat);

// The characters of an SDL text-input string that go to the handset as character keys:
// every printable code point except the space (the Space key sends that as the handset's
// Space key). Invalid UTF-8 gives nothing.
std::u32string TypedCharacters(std::string_view utf8);

}  // namespace swivel::emulator::window
