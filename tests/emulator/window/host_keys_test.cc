#include "emulator/window/host_keys.h"

#include <gtest/gtest.h>

#include <set>

namespace swivel::emulator::window {
namespace {

using Kind = KeyAction::Kind;
using hal::Key;

KeyAction Down(SDL_Keycode k, uint16_t mods = KMOD_NONE) { return TranslateKey(k, mods, true, false); }

TEST(WindowKeys, NamedHostKeysAreHandsetKeys) {
  const std::pair<SDL_Keycode, Key> cases[] = {
      {SDLK_UP, Key::kUp},          {SDLK_DOWN, Key::kDown},         {SDLK_LEFT, Key::kLeft},
      {SDLK_RIGHT, Key::kRight},    {SDLK_KP_ENTER, Key::kSelect},   {SDLK_RETURN, Key::kEnter},
      {SDLK_BACKSPACE, Key::kBackspace}, {SDLK_SPACE, Key::kSpace}, {SDLK_LSHIFT, Key::kShift},
      {SDLK_RSHIFT, Key::kShift},   {SDLK_LALT, Key::kAlt},          {SDLK_PAGEUP, Key::kPageUp},
      {SDLK_PAGEDOWN, Key::kPageDown}, {SDLK_HOME, Key::kJump},     {SDLK_F1, Key::kJump},
      {SDLK_F2, Key::kMenu},        {SDLK_APPLICATION, Key::kMenu},  {SDLK_ESCAPE, Key::kBack},
      {SDLK_F3, Key::kBack},        {SDLK_F4, Key::kCancel},         {SDLK_F5, Key::kShoulderLeft},
      {SDLK_F6, Key::kShoulderRight}, {SDLK_F7, Key::kVolumeDown},   {SDLK_F8, Key::kVolumeUp},
      {SDLK_F12, Key::kPower},
  };
  for (const auto& [host, key] : cases) {
    const KeyAction down = Down(host);
    EXPECT_EQ(down.kind, Kind::kHandsetDown) << "key " << host;
    EXPECT_EQ(down.key, key) << "key " << host;
    const KeyAction up = TranslateKey(host, KMOD_NONE, false, false);
    EXPECT_EQ(up.kind, Kind::kHandsetUp) << "key " << host;
    EXPECT_EQ(up.key, key) << "key " << host;
  }
}

TEST(WindowKeys, EveryHandsetKeyCanBeReachedFromTheKeyboard) {
  std::set<Key> reached;
  for (SDL_Keycode k : {SDLK_UP, SDLK_DOWN, SDLK_LEFT, SDLK_RIGHT, SDLK_KP_ENTER, SDLK_RETURN, SDLK_BACKSPACE,
                        SDLK_SPACE, SDLK_LSHIFT, SDLK_LALT, SDLK_PAGEUP, SDLK_PAGEDOWN, SDLK_HOME, SDLK_F2,
                        SDLK_ESCAPE, SDLK_F4, SDLK_F5, SDLK_F6, SDLK_F7, SDLK_F8, SDLK_F12})
    if (const HostKey* h = FindHostKey(k)) reached.insert(h->key);
  for (auto k = uint16_t(Key::kEnter); k <= uint16_t(Key::kPower); ++k)
    EXPECT_TRUE(reached.count(Key(k))) << hal::ToString(Key(k)) << " has no host key";
}

TEST(WindowKeys, TypingKeysAreLeftToTextInput) {
  // Letters, digits and AltGr come as SDL text; their key events do nothing themselves.
  for (SDL_Keycode k : {SDLK_a, SDLK_z, SDLK_1, SDLK_RALT, SDLK_TAB, SDLK_LCTRL})
    EXPECT_EQ(Down(k).kind, Kind::kNothing) << "key " << k;
  EXPECT_EQ(Down(SDLK_a, KMOD_LSHIFT).kind, Kind::kNothing);
}

TEST(WindowKeys, AutoRepeatOnlyForKeysThatRepeat) {
  EXPECT_EQ(TranslateKey(SDLK_DOWN, KMOD_NONE, true, true).kind, Kind::kHandsetDown);
  EXPECT_EQ(TranslateKey(SDLK_BACKSPACE, KMOD_NONE, true, true).kind, Kind::kHandsetDown);
  EXPECT_EQ(TranslateKey(SDLK_HOME, KMOD_NONE, true, true).kind, Kind::kNothing)
      << "a held Jump must not restart the chord";
  EXPECT_EQ(TranslateKey(SDLK_RETURN, KMOD_NONE, true, true).kind, Kind::kNothing);
}

TEST(WindowKeys, HotkeysNeedCtrlAndExactShift) {
  const std::tuple<SDL_Keycode, uint16_t, Hotkey> cases[] = {
      {SDLK_b, KMOD_LCTRL, Hotkey::kBatteryDown},
      {SDLK_b, KMOD_RCTRL | KMOD_LSHIFT, Hotkey::kBatteryUp},
      {SDLK_c, KMOD_LCTRL, Hotkey::kCharger},
      {SDLK_x, KMOD_LCTRL, Hotkey::kPullBattery},
      {SDLK_p, KMOD_LCTRL, Hotkey::kPower},
      {SDLK_r, KMOD_LCTRL, Hotkey::kRadio},
      {SDLK_l, KMOD_LCTRL, Hotkey::kLid},
      {SDLK_s, KMOD_LCTRL, Hotkey::kScreenshot},
      {SDLK_s, KMOD_LCTRL | KMOD_RSHIFT, Hotkey::kWindowShot},
      {SDLK_z, KMOD_LCTRL, Hotkey::kScale},
      {SDLK_q, KMOD_LCTRL, Hotkey::kQuit},
  };
  for (const auto& [host, mods, hotkey] : cases) {
    const KeyAction a = Down(host, mods);
    EXPECT_EQ(a.kind, Kind::kHotkey) << "key " << host << " mods " << mods;
    EXPECT_EQ(a.hotkey, hotkey) << "key " << host << " mods " << mods;
  }
  EXPECT_FALSE(FindHotkey(SDLK_b, KMOD_NONE)) << "plain b is typing";
  EXPECT_FALSE(FindHotkey(SDLK_b, KMOD_LSHIFT));
  EXPECT_FALSE(FindHotkey(SDLK_b, KMOD_LCTRL | KMOD_LALT)) << "Ctrl+Alt is AltGr on some hosts";
  EXPECT_FALSE(FindHotkey(SDLK_b, KMOD_LCTRL | KMOD_LGUI));
  EXPECT_FALSE(FindHotkey(SDLK_c, KMOD_LCTRL | KMOD_LSHIFT)) << "no Shift variant";
  EXPECT_FALSE(FindHotkey(SDLK_a, KMOD_LCTRL));
  EXPECT_EQ(TranslateKey(SDLK_b, KMOD_LCTRL, true, true).kind, Kind::kNothing) << "a held hotkey fires once";
  EXPECT_EQ(TranslateKey(SDLK_b, KMOD_LCTRL, false, false).kind, Kind::kNothing);
}

TEST(WindowKeys, CtrlWithANamedKeyIsStillTheHandsetKey) {
  const KeyAction a = Down(SDLK_LEFT, KMOD_LCTRL);
  EXPECT_EQ(a.kind, Kind::kHandsetDown);
  EXPECT_EQ(a.key, Key::kLeft);
}

TEST(WindowKeys, EveryHotkeyHasAKey) {
  std::set<Hotkey> bound;
  for (SDL_Keycode k = SDLK_a; k <= SDLK_z; ++k)
    for (uint16_t mods : {uint16_t(KMOD_LCTRL), uint16_t(KMOD_LCTRL | KMOD_LSHIFT)})
      if (const auto h = FindHotkey(k, mods)) {
        EXPECT_TRUE(bound.insert(*h).second) << "bound twice";
      }
  EXPECT_EQ(bound.size(), size_t(Hotkey::kQuit) + 1);
}

TEST(WindowKeys, TextInputTypesPrintableCharactersButNotSpace) {
  EXPECT_EQ(TypedCharacters("a"), U"a");
  EXPECT_EQ(TypedCharacters("B"), U"B");
  EXPECT_EQ(TypedCharacters("é€"), U"é€");
  EXPECT_EQ(TypedCharacters("a b"), U"ab") << "Space is the handset's Space key";
  EXPECT_EQ(TypedCharacters("\t\x7f"), U"");
  EXPECT_EQ(TypedCharacters("\xC3"), U"") << "invalid UTF-8";
}

TEST(WindowKeys, HelpListsEveryKeyAndHotkey) {
  const std::string help = KeyHelp();
  for (const char* needle : {"Home, F1          Jump", "Escape, F3        Back", "Ctrl+Shift+B", "Ctrl+L",
                             "Keypad Enter      Select"})
    EXPECT_NE(help.find(needle), std::string::npos) << needle << "\n" << help;
  size_t start = 0;
  while (start < help.size()) {
    const size_t end = help.find('\n', start);
    EXPECT_LE(end - start, 90u) << "a help line is too long: " << help.substr(start, end - start);
    start = end + 1;
  }
}

}  // namespace
}  // namespace swivel::emulator::window
