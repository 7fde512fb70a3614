#pragma once
// Window: swivel-emu's SDL2 window over a Handset and a Skin. The body image with the
// handset's screen inside it, at 1x/2x/3x (nearest neighbour); the skin's buttons answer the
// mouse; the host keyboard is the handset's (host_keys.h); hotkeys drive the battery, the
// charger, power, the radio, the lid and screenshots. Device time follows the host clock
// while the window runs.
//
// SDL stays inside this library: this header includes none of it.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "emulator/handset.h"
#include "emulator/skin.h"
#include "emulator/window/hotkey.h"

namespace swivel::emulator::window {

struct WindowOptions {
  int scale = 1;  // 1..3
  // Runs once the window has shown its first frame after each boot: the ready line.
  std::function<void()> on_ready;
  // What the window tells the user (saved screenshots, hotkeys' effects, failures); each
  // message is one line without a prefix. Default: "swivel-emu: MESSAGE" on stderr.
  std::function<void(const std::string&)> say;
};

class Window {
 public:
  // Starts SDL video and opens the window, showing the skin's body. Nothing, with `error`
  // set, when there is no display to open it on or the skin's images cannot be loaded.
  static std::unique_ptr<Window> Open(const Skin& skin, WindowOptions options, std::string* error);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  // The handset the window shows and drives; given once, before anything runs. From here
  // on device time follows the host clock while the window runs.
  void Attach(Handset& handset);

  // Runs the window for `ms` of host time: handles input, lets the same time pass on the
  // handset, redraws what changed (about every 16 ms, sleeping in between). False once the
  // window is closed (closing button, Ctrl+Q, SIGTERM or SIGINT); it then returns at once.
  bool RunFor(int64_t ms);
  // Runs the window until the handset's latest boot is in view (its boot logo gone, the
  // ready line printed), or the handset is off. False once the window is closed.
  bool RunUntilReady();
  void RunUntilClosed();
  bool closed() const;

  // What a hotkey does, as if pressed.
  void Do(Hotkey hotkey);
  int scale() const;
  std::string title() const;

  // The window as last drawn: 8-bit R, G, B per pixel, row after row.
  bool ReadPixels(std::vector<uint8_t>* rgb, int32_t* width, int32_t* height, std::string* error);

  struct Impl;

 private:
  explicit Window(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace swivel::emulator::window
