#pragma once
// Window's insides, shared by window.cc (opening, events, the loop, hotkeys) and
// window_render.cc (drawing). Internal to the window library.
#include <chrono>
#include <optional>
#include <vector>

#include "emulator/window/host_keys.h"
#include "emulator/window/layout.h"
#include "emulator/window/sdl_handles.h"
#include "emulator/window/skin_texture.h"
#include "emulator/window/swivel.h"
#include "emulator/window/title.h"
#include "emulator/window/window.h"
#include "hal/sim/sim_display.h"

namespace swivel::emulator::window {

using HostClock = std::chrono::steady_clock;

struct Window::Impl {
  // Declared first, so SDL shuts down after every object below is destroyed.
  VideoSession video;
  WindowHandle window;
  RendererHandle renderer;
  std::optional<SkinTexture> body, body_shut, boot_logo;
  TextureHandle screen;  // the picture, 8 bits a channel (see window.cc)
  std::vector<uint32_t> screen_pixels;

  Skin skin;
  WindowOptions options;
  int scale = 1;
  Handset* handset = nullptr;

  // Device time follows the host clock from these two instants on.
  HostClock::time_point host_origin;
  hal::TimePoint device_origin{};

  hal::LidState lid = hal::LidState::kOpen;  // at rest, or where the swivel under way ends
  bool swivelling = false;
  HostClock::time_point swivel_start;

  const SkinButton* pressed = nullptr;  // held down with the mouse
  bool power_booted = false;            // the power key down booted it: its release stays here

  // What the last frame showed, to redraw only on change.
  uint64_t frames_shown = ~uint64_t(0);
  bool picture_shown = false;
  uint8_t backlight_shown = 0;
  std::optional<TitleState> title_shown;
  uint64_t boots_announced = 0;
  // The skin's boot logo covers the screen for a moment after each boot.
  static constexpr int kBootLogoMs = 700;
  uint64_t boots_splashed = 0;
  HostClock::time_point logo_until;
  bool logo_shown = false;
  bool dirty = true;
  bool closed = false;

  void Say(const std::string& message);
  void Handle(const SDL_Event& e);
  void Key(const SDL_KeyboardEvent& e);
  void HandsetKey(hal::Key key, bool down, char32_t character = 0);
  void Do(Hotkey hotkey);
  void StartSwivel();
  void SetScale(int new_scale);
  void Screenshot();
  void WindowShot();

  // One pass of the loop: device time, lid, screen texture, title, a frame if needed.
  void Tick();
  void AdvanceDevice();
  TitleState CurrentTitle() const;
  bool PictureOn() const;  // the OS is running on power: its screen can light up
  bool LogoShowing() const;

  // window_render.cc
  void UpdateScreen(const hal::sim::SimDisplay& display);  // the presented picture to its texture
  void Draw();    // the frame, not yet shown
  void Render();  // drawn and shown
  SwivelPose Pose() const;
  // What was drawn last (call after Draw, before the frame is shown).
  bool ReadPixels(std::vector<uint8_t>* rgb, int32_t* width, int32_t* height, std::string* error);
};

}  // namespace swivel::emulator::window
