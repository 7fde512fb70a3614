// Window: opening, the loop (events, device time, frames), keys, mouse and hotkeys.
#include "emulator/window/window.h"

#include <algorithm>
#include <boost/filesystem.hpp>
#include <cmath>
#include <iostream>

#include "emulator/screenshot.h"
#include "emulator/window/png_rgb.h"
#include "emulator/window/shot_name.h"
#include "emulator/window/window_impl.h"

namespace swivel::emulator::window {
namespace {

constexpr int64_t kFrameMs = 16;

std::string ImagePath(const Skin& skin, const std::string& image) {
  return (boost::filesystem::path(skin.dir) / image).string();
}

bool FileExists(const std::string& path) {
  boost::system::error_code ec;
  return boost::filesystem::exists(path, ec);
}

}  // namespace

std::unique_ptr<Window> Window::Open(const Skin& skin, WindowOptions options, std::string* error) {
  if (!ValidScale(options.scale)) {
    *error = "the scale must be 1, 2 or 3";
    return nullptr;
  }
  // The images first: a broken skin is reported before a window flashes up.
  const auto body = LoadSkinImage(ImagePath(skin, skin.body), error);
  if (!body) return nullptr;
  std::optional<os::gfx::BitmapRgba> body_shut, logo;
  if (!skin.body_shut.empty() && !(body_shut = LoadSkinImage(ImagePath(skin, skin.body_shut), error)))
    return nullptr;
  if (!skin.boot_logo.empty() && !(logo = LoadSkinImage(ImagePath(skin, skin.boot_logo), error)))
    return nullptr;

  auto impl = std::make_unique<Impl>();
  impl->skin = skin;
  impl->scale = options.scale;
  impl->options = std::move(options);
  if (!impl->options.say)
    impl->options.say = [](const std::string& m) { std::cerr << "swivel-emu: " << m << std::endl; };

  // Nearest-neighbour scaling, and the software renderer drawing straight into the window
  // (exact pixels on any host; environment variables of the same names still override).
  SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "nearest");
  SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
  std::string why;
  if (!impl->video.Start(&why)) {
    *error = "cannot open a window (SDL: " + why + "); run with --headless where there is no display";
    return nullptr;
  }
  const Size size = WindowSize({body->width, body->height},
                               body_shut ? std::optional<Size>({body_shut->width, body_shut->height}) : std::nullopt,
                               impl->scale);
  impl->window.reset(SDL_CreateWindow(skin.name.c_str(), SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED,
                                      size.width, size.height, SDL_WINDOW_SHOWN));
  if (impl->window)
    impl->renderer.reset(SDL_CreateRenderer(impl->window.get(), -1, SDL_RENDERER_SOFTWARE));
  if (!impl->renderer) {
    *error = std::string("cannot open a window (SDL: ") + SDL_GetError() + ")";
    return nullptr;
  }
  impl->body = MakeSkinTexture(impl->renderer.get(), *body, error);
  if (!impl->body) return nullptr;
  if (body_shut && !(impl->body_shut = MakeSkinTexture(impl->renderer.get(), *body_shut, error))) return nullptr;
  if (logo && !(impl->boot_logo = MakeSkinTexture(impl->renderer.get(), *logo, error))) return nullptr;
  // The RGB565 picture is expanded here, as screenshots expand it (bit replication), not by
  // SDL (whose software blitters truncate): the window shows a screenshot's exact pixels.
  impl->screen.reset(SDL_CreateTexture(impl->renderer.get(), SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_STREAMING,
                                       skin.screen.width, skin.screen.height));
  if (!impl->screen) {
    *error = std::string("cannot make the screen's texture (SDL: ") + SDL_GetError() + ")";
    return nullptr;
  }
  SDL_StartTextInput();
  return std::unique_ptr<Window>(new Window(std::move(impl)));
}

Window::Window(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Window::~Window() = default;

void Window::Attach(Handset& handset) {
  Impl& w = *impl_;
  w.handset = &handset;
  w.host_origin = HostClock::now();
  w.device_origin = handset.board().clock().now();
  w.lid = handset.board().input().lid();
  w.dirty = true;
}

bool Window::RunFor(int64_t ms) {
  Impl& w = *impl_;
  const auto end = HostClock::now() + std::chrono::milliseconds(std::max<int64_t>(ms, 0));
  SDL_Event e;
  auto left = [&end] { return std::chrono::duration_cast<std::chrono::milliseconds>(end - HostClock::now()).count(); };
  while (!w.closed) {
    while (!w.closed && SDL_PollEvent(&e)) w.Handle(e);
    if (w.closed) break;
    const bool last = HostClock::now() >= end;  // the last pass starts once all the time has passed
    w.Tick();
    if (last) break;
    // Sleeps until an event comes or the next frame is due.
    if (SDL_WaitEventTimeout(&e, int(std::clamp<int64_t>(left() + 1, 1, kFrameMs)))) w.Handle(e);
  }
  return !w.closed;
}

bool Window::RunUntilReady() {
  const Impl& w = *impl_;
  while (w.handset && w.handset->os() && w.boots_announced != w.handset->boots())
    if (!RunFor(kFrameMs)) return false;
  return !w.closed;
}

void Window::RunUntilClosed() {
  while (RunFor(1000)) {}
}

bool Window::closed() const { return impl_->closed; }
void Window::Do(Hotkey hotkey) { impl_->Do(hotkey); }
int Window::scale() const { return impl_->scale; }

std::string Window::title() const { return SDL_GetWindowTitle(impl_->window.get()); }

bool Window::ReadPixels(std::vector<uint8_t>* rgb, int32_t* width, int32_t* height, std::string* error) {
  impl_->Draw();
  const bool ok = impl_->ReadPixels(rgb, width, height, error);
  SDL_RenderPresent(impl_->renderer.get());
  return ok;
}

void Window::Impl::Say(const std::string& message) { options.say(message); }

// --- the loop ---

bool Window::Impl::PictureOn() const { return handset && handset->os() && handset->board().powered(); }

void Window::Impl::AdvanceDevice() {
  const auto target = device_origin + std::chrono::duration_cast<hal::Duration>(HostClock::now() - host_origin);
  const auto behind = std::chrono::duration_cast<std::chrono::milliseconds>(target - handset->board().clock().now());
  // Busy time (flash operations) can put the device ahead of the host: it then waits.
  if (behind.count() > 0) handset->Wait(behind.count());
}

bool Window::Impl::LogoShowing() const {
  return boot_logo && handset && handset->os() && HostClock::now() < logo_until;
}

TitleState Window::Impl::CurrentTitle() const {
  TitleState t;
  const auto battery = handset->board().battery().state();
  t.on = handset->os() != nullptr;
  t.battery_in = battery.present;
  t.battery_percent = int(std::lround(battery.level_percent));
  t.charger = battery.charger_connected;
  t.radio = handset->board().radio().state() != hal::LinkState::kOff;
  t.lid = lid;
  return t;
}

void Window::Impl::Tick() {
  if (handset) {
    AdvanceDevice();
    if (swivelling && HostClock::now() - swivel_start >= std::chrono::milliseconds(kSwivelMs)) {
      swivelling = false;
      handset->SetLid(lid);  // the OS learns of it once the lid is there
      dirty = true;
    }
    const auto& display = handset->board().display();
    if (display.frames() != frames_shown) {
      UpdateScreen(display);
      frames_shown = display.frames();
      dirty = true;
    }
    if (PictureOn() != picture_shown || display.backlight() != backlight_shown) {
      picture_shown = PictureOn();
      backlight_shown = display.backlight();
      dirty = true;
    }
    const TitleState t = CurrentTitle();
    if (t != title_shown) {
      SDL_SetWindowTitle(window.get(), WindowTitle(skin.name, t).c_str());
      title_shown = t;
    }
    if (handset->os() && handset->boots() != boots_splashed) {
      // A new boot: the carrier's logo shows first, as on the handset, then the OS's frame.
      boots_splashed = handset->boots();
      if (boot_logo) logo_until = HostClock::now() + std::chrono::milliseconds(kBootLogoMs);
      dirty = true;
    }
  }
  const bool logo_showing = LogoShowing();
  if (swivelling || logo_showing != logo_shown) dirty = true;
  logo_shown = logo_showing;
  if (dirty) {
    Render();
    dirty = false;
  }
  // Ready once what the OS drew is in view: tools wait on this line, then press keys.
  if (handset && handset->os() && handset->boots() != boots_announced && !logo_showing) {
    boots_announced = handset->boots();
    if (options.on_ready) options.on_ready();
  }
}

// --- input ---

void Window::Impl::Handle(const SDL_Event& e) {
  switch (e.type) {
    case SDL_QUIT:
      closed = true;
      break;
    case SDL_WINDOWEVENT:
      dirty = true;
      break;
    case SDL_KEYDOWN:
    case SDL_KEYUP:
      Key(e.key);
      break;
    case SDL_TEXTINPUT:
      if (handset)
        for (char32_t c : TypedCharacters(e.text.text)) {
          handset->KeyDown(hal::Key::kCharacter, c);
          handset->KeyUp(hal::Key::kCharacter, c);
        }
      break;
    case SDL_MOUSEBUTTONDOWN:
      if (e.button.button == SDL_BUTTON_LEFT && handset && !pressed) {
        pressed = ButtonAt(skin, ToSkin({e.button.x, e.button.y}, scale), lid);
        if (pressed) {
          HandsetKey(pressed->key.key, true, pressed->key.character);
          dirty = true;
        }
      }
      break;
    case SDL_MOUSEBUTTONUP:
      if (e.button.button == SDL_BUTTON_LEFT && pressed) {
        HandsetKey(pressed->key.key, false, pressed->key.character);
        pressed = nullptr;
        dirty = true;
      }
      break;
    default:
      break;
  }
}

void Window::Impl::Key(const SDL_KeyboardEvent& e) {
  const KeyAction a = TranslateKey(e.keysym.sym, e.keysym.mod, e.type == SDL_KEYDOWN, e.repeat != 0);
  switch (a.kind) {
    case KeyAction::Kind::kHotkey:
      Do(a.hotkey);
      break;
    case KeyAction::Kind::kHandsetDown:
    case KeyAction::Kind::kHandsetUp:
      if (handset) HandsetKey(a.key, a.kind == KeyAction::Kind::kHandsetDown);
      break;
    case KeyAction::Kind::kNothing:
      break;
  }
}

void Window::Impl::HandsetKey(hal::Key key, bool down, char32_t character) {
  if (key == hal::Key::kPower) {
    if (down && !handset->os()) {  // the power button of a handset that is off boots it
      power_booted = true;
      std::string error;
      if (!handset->PowerOn(&error)) Say(error);
      return;
    }
    if (!down && power_booted) {
      power_booted = false;
      return;
    }
  }
  if (down) handset->KeyDown(key, character);
  else handset->KeyUp(key, character);
}

// --- hotkeys ---

void Window::Impl::Do(Hotkey hotkey) {
  if (hotkey == Hotkey::kQuit) {
    closed = true;
    return;
  }
  if (hotkey == Hotkey::kScale) return SetScale(NextScale(scale));
  if (!handset) return;
  const auto battery = handset->board().battery().state();
  switch (hotkey) {
    case Hotkey::kBatteryDown:
    case Hotkey::kBatteryUp: {
      if (!battery.present) {
        Say("the battery is out: Ctrl+P puts it back and boots the handset");
        break;
      }
      const double step = hotkey == Hotkey::kBatteryUp ? 10 : -10;
      const double level = std::clamp(std::round(battery.level_percent) + step, 0.0, 100.0);
      handset->SetBatteryLevel(level);
      Say("battery at " + std::to_string(int(level)) + "%");
      break;
    }
    case Hotkey::kCharger:
      handset->SetCharger(!battery.charger_connected);
      Say(battery.charger_connected ? "charger disconnected" : "charger connected");
      break;
    case Hotkey::kPullBattery:
      if (!battery.present) break;
      if (pressed) pressed = nullptr;
      handset->PullBattery();
      Say("battery pulled: the OS is gone, no shutdown code ran; Ctrl+P boots it from the same flash");
      break;
    case Hotkey::kPower:
      HandsetKey(hal::Key::kPower, true);
      HandsetKey(hal::Key::kPower, false);
      break;
    case Hotkey::kRadio: {
      const bool on = handset->board().radio().state() == hal::LinkState::kOff;
      handset->SetRadio(on);
      Say(on ? "radio on" : "radio off");
      break;
    }
    case Hotkey::kLid:
      StartSwivel();
      break;
    case Hotkey::kScreenshot:
      Screenshot();
      break;
    case Hotkey::kWindowShot:
      WindowShot();
      break;
    case Hotkey::kScale:
    case Hotkey::kQuit:
      break;
  }
  dirty = true;
}

void Window::Impl::StartSwivel() {
  if (swivelling) return;  // one swivel at a time
  lid = lid == hal::LidState::kOpen ? hal::LidState::kShut : hal::LidState::kOpen;
  swivelling = true;
  swivel_start = HostClock::now();
}

void Window::Impl::SetScale(int new_scale) {
  scale = new_scale;
  const Size size = WindowSize(body->size, body_shut ? std::optional<Size>(body_shut->size) : std::nullopt, scale);
  SDL_SetWindowSize(window.get(), size.width, size.height);
  dirty = true;
  Say("scale " + std::to_string(scale) + "x");
}

void Window::Impl::Screenshot() {
  const std::string name = NextShotName("swivel-shot", FileExists);
  std::string error;
  if (SaveScreen(handset->board().display(), name, &error)) Say("saved the handset screen to " + name);
  else Say(error);
}

void Window::Impl::WindowShot() {
  const std::string name = NextShotName("swivel-window", FileExists);
  std::vector<uint8_t> rgb;
  int32_t w = 0, h = 0;
  std::string error;
  Draw();
  const bool read = ReadPixels(&rgb, &w, &h, &error);
  SDL_RenderPresent(renderer.get());
  if (read && SaveRgbPng(name, rgb, w, h, &error)) Say("saved the window to " + name);
  else Say(error);
}

}  // namespace swivel::emulator::window
