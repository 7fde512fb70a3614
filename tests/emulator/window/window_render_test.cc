// The Window on SDL's offscreen video driver: no display, but the same renderer, textures and
// events as on a desktop. What it draws is read back and compared pixel by pixel.
#include "emulator/window/window.h"

#include <SDL.h>
#include <gtest/gtest.h>

#include <boost/filesystem.hpp>
#include <fstream>

#include "emulator/window/swivel.h"
#include "hal/sim/sim_display.h"
#include "os/gfx/png.h"

namespace swivel::emulator::window {
namespace {

namespace fs = boost::filesystem;
constexpr int32_t kBodyW = 320, kBodyH = 240;

// Keys the app in front was given.
struct Recorder final : os::kernel::App {
  explicit Recorder(std::vector<hal::InputEvent>* events) : events_(events) {}
  bool OnKey(const hal::InputEvent& e) override {
    events_->push_back(e);
    return true;
  }
  std::vector<hal::InputEvent>* events_;
};

uint16_t BodyPixel(int32_t x, int32_t y, uint16_t seed) { return uint16_t((x * 31 + y * 977 + seed) * 2654435761u >> 16); }

class WindowRender : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("SDL_VIDEODRIVER", "offscreen", 1);
    dir_ = fs::temp_directory_path() / fs::unique_path("swivel-window-%%%%%%%%");
    fs::create_directories(dir_);
    for (const auto& [name, seed] : {std::pair{"body.png", 1}, std::pair{"body_shut.png", 2}}) {
      os::gfx::Bitmap565 b(kBodyW, kBodyH);
      for (int32_t y = 0; y < kBodyH; ++y)
        for (int32_t x = 0; x < kBodyW; ++x) b.pixels[size_t(y * kBodyW + x)] = BodyPixel(x, y, uint16_t(seed));
      os::gfx::SavePng((dir_ / name).string(), b);
    }
    std::ofstream((dir_ / "skin.conf").string()) << "name = Render Test\ncarrier = Test Mobile\nprofile = classic\n"
                                                    "body = body.png\nbody_shut = body_shut.png\n"
                                                    "screen = 40 20 240 160\nscreen_shut = 40 60 240 160\n"
                                                    "button Down = 150 190 20 12\nbutton q = 60 200 20 20\n";
    auto loaded = LoadSkin(dir_.string());
    ASSERT_TRUE(loaded.ok()) << loaded.error;
    skin_ = loaded.skin;
    HandsetOptions o;
    o.install = [this](os::kernel::Device& d) {
      d.kernel().apps().Register("launcher", [this] { return std::make_unique<Recorder>(&events_); });
    };
    handset_ = std::make_unique<Handset>(o);
    std::string error;
    ASSERT_TRUE(handset_->PowerOn(&error)) << error;
  }
  void TearDown() override {
    window_.reset();
    fs::current_path(fs::temp_directory_path());
    fs::remove_all(dir_);
  }

  void Open(int scale) {
    WindowOptions o;
    o.scale = scale;
    o.on_ready = [this] { ++ready_; };
    o.say = [this](const std::string& m) { said_.push_back(m); };
    std::string error;
    window_ = Window::Open(skin_, o, &error);
    ASSERT_TRUE(window_) << error;
    window_->Attach(*handset_);
  }

  // Every RGB565 value over two frames: the picture's pixels, frame `n`.
  void DrawPattern(int n) {
    auto& d = handset_->board().display();
    auto fb = d.framebuffer();
    for (size_t i = 0; i < fb.size(); ++i) fb[i] = uint16_t(i + size_t(n) * fb.size());
    d.present({});
  }

  struct Shot {
    std::vector<uint8_t> rgb;
    int32_t width = 0, height = 0;
    const uint8_t* at(int32_t x, int32_t y) const { return &rgb[(size_t(y) * size_t(width) + size_t(x)) * 3]; }
  };
  Shot Read() {
    Shot s;
    std::string error;
    EXPECT_TRUE(window_->ReadPixels(&s.rgb, &s.width, &s.height, &error)) << error;
    return s;
  }

  // Mismatches between the window and the expected skin + screen at `scale`.
  int CountWrong(const Shot& shot, int scale, bool shut, uint8_t light) {
    const hal::Rect screen = shut ? skin_.screen_shut : skin_.screen;
    const auto presented = handset_->board().display().presented();
    int wrong = 0;
    for (int32_t y = 0; y < kBodyH * scale; ++y)
      for (int32_t x = 0; x < kBodyW * scale; ++x) {
        const int32_t sx = x / scale, sy = y / scale;
        uint8_t want[3];
        if (sx >= screen.x && sy >= screen.y && sx < screen.x + screen.width && sy < screen.y + screen.height) {
          hal::sim::Rgb565ToRgb888(presented[size_t((sy - screen.y) * screen.width + (sx - screen.x))], want);
          for (uint8_t& c : want) c = uint8_t(c * light / 255);
        } else {
          hal::sim::Rgb565ToRgb888(BodyPixel(sx, sy, shut ? 2 : 1), want);
        }
        const uint8_t* got = shot.at(x, y);
        if (std::memcmp(got, want, 3) == 0) continue;
        if (wrong++ < 3)
          ADD_FAILURE() << "window pixel " << x << "," << y << ": " << int(got[0]) << " " << int(got[1]) << " "
                        << int(got[2]) << ", expected " << int(want[0]) << " " << int(want[1]) << " "
                        << int(want[2]);
      }
    return wrong;
  }

  void Push(SDL_Event e) { ASSERT_EQ(SDL_PushEvent(&e), 1) << SDL_GetError(); }

  fs::path dir_;
  Skin skin_;
  std::vector<hal::InputEvent> events_;
  std::unique_ptr<Handset> handset_;
  std::unique_ptr<Window> window_;
  int ready_ = 0;
  std::vector<std::string> said_;
};

TEST_F(WindowRender, ShowsTheBodyAndEveryScreenPixelExactlyAtEachScale) {
  Open(1);
  for (int scale = 1; scale <= 3; ++scale) {
    for (int frame = 0; frame < 2; ++frame) {
      DrawPattern(frame);
      ASSERT_TRUE(window_->RunFor(0));
      const Shot shot = Read();
      ASSERT_EQ(shot.width, kBodyW * scale);
      ASSERT_EQ(shot.height, kBodyH * scale);
      EXPECT_EQ(CountWrong(shot, scale, false, 255), 0) << "scale " << scale << " frame " << frame;
    }
    window_->Do(Hotkey::kScale);
    ASSERT_TRUE(window_->RunFor(0));
  }
  EXPECT_EQ(window_->scale(), 1) << "3x cycles back to 1x";
}

TEST_F(WindowRender, TheReadyLineComesAfterTheFirstFrameOfEachBoot) {
  Open(1);
  EXPECT_EQ(ready_, 0);
  window_->RunFor(0);
  EXPECT_EQ(ready_, 1);
  window_->RunFor(0);
  EXPECT_EQ(ready_, 1);
  window_->Do(Hotkey::kPullBattery);
  window_->RunFor(0);
  EXPECT_EQ(ready_, 1);
  EXPECT_NE(window_->title().find("off, battery out"), std::string::npos) << window_->title();
  window_->Do(Hotkey::kPower);  // puts the battery back and boots from the same flash
  EXPECT_NE(handset_->os(), nullptr);
  window_->RunFor(0);
  EXPECT_EQ(ready_, 2);
  EXPECT_EQ(window_->title(), "Render Test - 100%, radio on, lid open");
}

TEST_F(WindowRender, TheBootLogoCoversTheScreenThenReadyIsSaid) {
  os::gfx::Bitmap565 logo(100, 50);
  std::fill(logo.pixels.begin(), logo.pixels.end(), uint16_t(0xF800));  // pure red
  os::gfx::SavePng((dir_ / "logo.png").string(), logo);
  std::ofstream((dir_ / "skin.conf").string(), std::ios::app) << "boot_logo = logo.png\n";
  auto loaded = LoadSkin(dir_.string());
  ASSERT_TRUE(loaded.ok()) << loaded.error;
  skin_ = loaded.skin;
  Open(1);
  DrawPattern(0);
  ASSERT_TRUE(window_->RunFor(0));
  const Shot splash = Read();
  const int32_t cx = skin_.screen.x + skin_.screen.width / 2, cy = skin_.screen.y + skin_.screen.height / 2;
  EXPECT_EQ(splash.at(cx, cy)[0], 255);
  EXPECT_EQ(splash.at(cx, cy)[1], 0);
  EXPECT_EQ(splash.at(skin_.screen.x + 2, skin_.screen.y + 2)[0], 0) << "black around the logo";
  EXPECT_EQ(ready_, 0) << "not ready while the logo shows";
  ASSERT_TRUE(window_->RunUntilReady());
  EXPECT_EQ(ready_, 1);
  EXPECT_EQ(CountWrong(Read(), 1, false, 255), 0) << "then the OS's picture, exactly";
}

TEST_F(WindowRender, TheBacklightDimsThePictureAndNoPowerBlanksIt) {
  Open(1);
  DrawPattern(0);
  handset_->board().display().set_backlight(30);
  window_->RunFor(0);
  EXPECT_EQ(CountWrong(Read(), 1, false, uint8_t(30 * 255 / 100)), 0);
  handset_->board().display().set_backlight(100);
  window_->Do(Hotkey::kPullBattery);
  window_->RunFor(0);
  EXPECT_EQ(CountWrong(Read(), 1, false, 0), 0) << "a pulled battery leaves the screen black";
}

TEST_F(WindowRender, HostKeysAndTextReachTheHandset) {
  Open(1);
  window_->RunFor(0);
  SDL_Event down{};
  down.type = SDL_KEYDOWN;
  down.key.keysym.sym = SDLK_DOWN;
  Push(down);
  SDL_Event up = down;
  up.type = SDL_KEYUP;
  Push(up);
  SDL_Event text{};
  text.type = SDL_TEXTINPUT;
  std::strcpy(text.text.text, "\xC3\xA9");  // é
  Push(text);
  SDL_Event hotkey{};
  hotkey.type = SDL_KEYDOWN;
  hotkey.key.keysym.sym = SDLK_r;
  hotkey.key.keysym.mod = KMOD_LCTRL;
  Push(hotkey);
  window_->RunFor(0);
  ASSERT_EQ(events_.size(), 4u);
  EXPECT_EQ(events_[0].key, hal::Key::kDown);
  EXPECT_EQ(events_[0].type, hal::InputEvent::Type::kKeyDown);
  EXPECT_EQ(events_[1].type, hal::InputEvent::Type::kKeyUp);
  EXPECT_EQ(events_[2].key, hal::Key::kCharacter);
  EXPECT_EQ(events_[2].character, U'é');
  EXPECT_EQ(events_[3].type, hal::InputEvent::Type::kKeyUp);
  EXPECT_EQ(handset_->board().radio().state(), hal::LinkState::kOff) << "Ctrl+R";
  EXPECT_NE(window_->title().find("radio off"), std::string::npos);
}

TEST_F(WindowRender, ClickingAButtonPressesItWhileTheMouseIsDown) {
  Open(2);
  window_->RunFor(0);
  const Shot before = Read();
  SDL_Event press{};
  press.type = SDL_MOUSEBUTTONDOWN;
  press.button.button = SDL_BUTTON_LEFT;
  press.button.x = (150 + 10) * 2;  // the Down button, at 2x
  press.button.y = (190 + 6) * 2;
  Push(press);
  window_->RunFor(0);
  ASSERT_EQ(events_.size(), 1u);
  EXPECT_EQ(events_[0].key, hal::Key::kDown);
  EXPECT_EQ(events_[0].type, hal::InputEvent::Type::kKeyDown);
  const Shot held = Read();
  EXPECT_NE(std::memcmp(held.at(320, 392), before.at(320, 392), 3), 0) << "a pressed button is highlighted";
  SDL_Event release = press;
  release.type = SDL_MOUSEBUTTONUP;
  Push(release);
  window_->RunFor(0);
  ASSERT_EQ(events_.size(), 2u);
  EXPECT_EQ(events_[1].type, hal::InputEvent::Type::kKeyUp);
  EXPECT_EQ(CountWrong(Read(), 2, false, 255), 0) << "the highlight is gone";
  press.button.x = 5;  // no button there
  press.button.y = 5;
  Push(press);
  window_->RunFor(0);
  EXPECT_EQ(events_.size(), 2u);
}

TEST_F(WindowRender, TheLidSwivelsThenTheOsLearnsOfIt) {
  Open(1);
  DrawPattern(1);
  window_->RunFor(0);
  window_->Do(Hotkey::kLid);
  window_->RunFor(0);
  EXPECT_EQ(handset_->board().input().lid(), hal::LidState::kOpen) << "not before the swivel ends";
  window_->RunFor(kSwivelMs);
  EXPECT_EQ(handset_->board().input().lid(), hal::LidState::kShut);
  EXPECT_EQ(CountWrong(Read(), 1, true, 255), 0) << "shut body, upright picture at screen_shut";
  EXPECT_NE(window_->title().find("lid shut"), std::string::npos);
  // Shut, the keyboard is under the screen: its buttons do nothing.
  SDL_Event press{};
  press.type = SDL_MOUSEBUTTONDOWN;
  press.button.button = SDL_BUTTON_LEFT;
  press.button.x = 65;
  press.button.y = 205;
  Push(press);
  window_->RunFor(0);
  for (const auto& e : events_) EXPECT_NE(e.key, hal::Key::kCharacter);
  window_->Do(Hotkey::kLid);
  window_->RunFor(kSwivelMs);
  EXPECT_EQ(handset_->board().input().lid(), hal::LidState::kOpen);
  EXPECT_EQ(CountWrong(Read(), 1, false, 255), 0);
}

TEST_F(WindowRender, DeviceTimeFollowsTheHostClock) {
  Open(1);
  const auto start = handset_->board().clock().now();
  window_->RunFor(120);
  const auto passed = handset_->board().clock().now() - start;
  EXPECT_GE(passed, std::chrono::milliseconds(119));
  EXPECT_LT(passed, std::chrono::seconds(10)) << "not a virtual jump";
}

TEST_F(WindowRender, ScreenshotHotkeysSaveNumberedPngs) {
  Open(2);
  DrawPattern(0);
  window_->RunFor(0);
  fs::current_path(dir_);
  window_->Do(Hotkey::kScreenshot);
  window_->Do(Hotkey::kScreenshot);
  window_->Do(Hotkey::kWindowShot);
  ASSERT_TRUE(fs::exists(dir_ / "swivel-shot-2.png"));
  EXPECT_EQ(said_.back(), "saved the window to swivel-window-1.png");
  const auto screen = os::gfx::LoadPng((dir_ / "swivel-shot-1.png").string());
  const auto presented = handset_->board().display().presented();
  ASSERT_EQ(screen.width, 240);
  for (size_t i = 0; i < presented.size(); ++i) {
    uint8_t want[3];
    hal::sim::Rgb565ToRgb888(presented[i], want);
    ASSERT_EQ(std::memcmp(&screen.pixels[i * 4], want, 3), 0) << "pixel " << i;
  }
  const auto whole = os::gfx::LoadPng((dir_ / "swivel-window-1.png").string());
  const Shot shot = Read();
  ASSERT_EQ(whole.width, shot.width);
  ASSERT_EQ(whole.height, shot.height);
  for (int32_t y = 0; y < shot.height; ++y)
    for (int32_t x = 0; x < shot.width; ++x) ASSERT_EQ(std::memcmp(whole.at(x, y), shot.at(x, y), 3), 0);
}

TEST_F(WindowRender, ClosingEndsTheLoop) {
  Open(1);
  SDL_Event quit{};
  quit.type = SDL_QUIT;
  Push(quit);
  EXPECT_FALSE(window_->RunFor(5000));
  EXPECT_TRUE(window_->closed());
  EXPECT_FALSE(window_->RunFor(5000)) << "returns at once";
}

}  // namespace
}  // namespace swivel::emulator::window
