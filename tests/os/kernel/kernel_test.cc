#include "os/kernel/kernel.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "hal/sim/sim_board.h"

namespace swivel::os::kernel {
namespace {

using namespace std::chrono_literals;
using hal::Key;

// Records what happened to it, in order, into a shared log.
class LogApp final : public App {
 public:
  LogApp(std::string name, std::vector<std::string>& log) : name_(std::move(name)), log_(log) {}
  void OnCreate() override { log_.push_back(name_ + ":create"); }
  void OnResume() override { log_.push_back(name_ + ":resume"); }
  void OnPause() override { log_.push_back(name_ + ":pause"); }
  void OnDestroy() override { log_.push_back(name_ + ":destroy"); }
  void Save() override { log_.push_back(name_ + ":save"); }
  bool OnKey(const hal::InputEvent& e) override {
    if (e.type != hal::InputEvent::Type::kKeyDown) return false;
    if (e.key == Key::kCharacter) typed += char(e.character);
    log_.push_back(name_ + ":key " + std::string(hal::ToString(e.key)));
    return e.key == Key::kCharacter;
  }
  std::string typed;

 private:
  std::string name_;
  std::vector<std::string>& log_;
};

struct KernelTest : ::testing::Test {
  hal::sim::SimBoard board{hal::sim::BoardOptions{}};
  hal::Devices devices = board.devices();
  std::vector<std::string> log;
  std::unique_ptr<Kernel> kernel = std::make_unique<Kernel>(devices);

  KernelTest() {
    for (const char* name : {"launcher", "contacts", "notes"})
      kernel->apps().Register(name, [this, name] { return std::make_unique<LogApp>(name, log); });
    kernel->BindChord(U'c', "contacts");
    kernel->BindChord(U'n', "notes");
  }
  void Press(Key key) {
    board.input().press(key);
    kernel->Step();
  }
  LogApp& Current() { return static_cast<LogApp&>(*kernel->apps().current()); }
  std::vector<std::string> TakeLog() { return std::exchange(log, {}); }
};

TEST_F(KernelTest, JumpChordsOpenAppsAndJumpAloneGoesHome) {
  ASSERT_TRUE(kernel->Start());
  EXPECT_EQ(kernel->apps().current_id(), "launcher");
  board.input().key_down(Key::kJump);
  board.input().press(Key::kCharacter);  // a character key with no character: no chord
  board.input().key_down(Key::kCharacter, U'C');
  board.input().key_up(Key::kCharacter, U'C');
  board.input().key_up(Key::kJump);
  kernel->Step();
  EXPECT_EQ(kernel->apps().current_id(), "contacts") << "Jump+C opens Contacts";
  Press(Key::kJump);
  EXPECT_EQ(kernel->apps().current_id(), "launcher") << "Jump alone goes to the Jump screen";
  EXPECT_EQ(TakeLog(), (std::vector<std::string>{
                           "launcher:create", "launcher:resume", "launcher:pause", "launcher:save",
                           "contacts:create", "contacts:resume", "contacts:pause", "contacts:save",
                           "launcher:resume"}))
      << "apps are paused and saved, not destroyed, when they leave the front";
}

TEST_F(KernelTest, BackReturnsToThePreviousAppUnlessTheAppUsesIt) {
  kernel->Start();
  board.input().key_down(Key::kJump);
  board.input().key_down(Key::kCharacter, U'n');
  board.input().key_up(Key::kJump);
  kernel->Step();
  ASSERT_EQ(kernel->apps().current_id(), "notes");
  board.input().type_text("hi");
  kernel->Step();
  EXPECT_EQ(Current().typed, "hi") << "keys go to the app in front";
  Press(Key::kBack);
  EXPECT_EQ(kernel->apps().current_id(), "launcher");
  Press(Key::kBack);
  EXPECT_EQ(kernel->apps().current_id(), "launcher") << "nowhere further back";
}

// A battery pull loses at most kAutosave of typing: the app in front saves that often.
TEST_F(KernelTest, TheAppInFrontSavesItsDraftEveryFewSecondsOfDeviceTime) {
  kernel->Start();
  TakeLog();
  board.clock().run_for(AppManager::kAutosave * 3 + 1ms);
  EXPECT_EQ(TakeLog(), (std::vector<std::string>{"launcher:save", "launcher:save", "launcher:save"}));
  kernel.reset();  // a battery pull: the OS instance is dropped, its timers must go too
  board.clock().run_for(AppManager::kAutosave * 3);
  EXPECT_TRUE(log.empty());
}

TEST_F(KernelTest, ScreenDimsThenGoesOffAndTheWakingKeyIsNotPassedOn) {
  kernel->Start();
  EXPECT_EQ(board.display().backlight(), 100);
  board.clock().run_for(31s);
  EXPECT_EQ(board.display().backlight(), 30);
  EXPECT_EQ(kernel->power().screen(), hal::ScreenPower::kDim);
  board.clock().run_for(30s);
  EXPECT_EQ(board.display().backlight(), 0);
  board.input().key_down(Key::kCharacter, U'x');
  kernel->Step();
  EXPECT_EQ(board.display().backlight(), 100);
  EXPECT_EQ(Current().typed, "") << "the key that woke the screen did nothing else";
  Press(Key::kPower);
  EXPECT_EQ(board.display().backlight(), 0) << "the power button turns the screen off";
}

TEST_F(KernelTest, CriticalBatterySavesEverythingThenShutsDown) {
  kernel->Start();
  board.input().key_down(Key::kJump);
  board.input().key_down(Key::kCharacter, U'c');
  board.input().key_up(Key::kJump);
  kernel->Step();
  TakeLog();
  board.battery().set_level(14);
  board.clock().run_for(1ms);
  EXPECT_TRUE(kernel->low_battery_warned());
  EXPECT_TRUE(kernel->running());
  board.battery().set_level(4);
  board.clock().run_for(1ms);
  EXPECT_FALSE(kernel->running());
  const auto l = TakeLog();
  ASSERT_GE(l.size(), 3u);
  EXPECT_EQ(l[0], "launcher:save");  // SaveAll: every app, in the order they were created
  EXPECT_EQ(l[1], "contacts:save");
  EXPECT_EQ(l.back(), "launcher:destroy");
  Press(Key::kJump);
  EXPECT_EQ(kernel->apps().current(), nullptr) << "nothing runs after the shutdown";
}

}  // namespace
}  // namespace swivel::os::kernel

namespace swivel::os::kernel {
namespace {

TEST(StatusBar, ShowsCarrierClockSyncRadioAndBatteryFromTheDevices) {
  hal::sim::SimBoard board{hal::sim::BoardOptions{}};
  hal::Devices devices = board.devices();
  KernelOptions options;
  options.status = {"Lumen", "de_DE", "Europe/Berlin", 12, 15};
  Kernel kernel(devices, options);
  board.clock().set_wall_time_ms(1795599660000);  // 09:41 UTC
  board.battery().set_level(42.4);
  board.battery().connect_charger(true);
  board.radio().set_enabled(false);
  const std::string ui = kernel.DumpUi();
  EXPECT_NE(ui.find("status.carrier label \"Lumen\""), std::string::npos) << ui;
  EXPECT_NE(ui.find("status.clock label \"10:41\""), std::string::npos) << ui;
  EXPECT_NE(ui.find("status.radio label \"radio off\""), std::string::npos) << ui;
  EXPECT_NE(ui.find("status.battery label \"42% charging\""), std::string::npos) << ui;
  EXPECT_EQ(kernel.app_area(), (hal::Rect{0, 12, 240, 148}));
  board.battery().connect_charger(false);
  board.battery().set_level(9);
  EXPECT_NE(kernel.DumpUi().find("status.battery label \"9% low\""), std::string::npos);
  EXPECT_NE(kernel.DumpUi().find("status.sync label \"\""), std::string::npos) << "no agent yet";
  kernel.SetSyncStatus("synced");
  EXPECT_NE(kernel.DumpUi().find("status.sync label \"synced\""), std::string::npos);
  // The agent's longer lines are shortened to fit the slot.
  for (const auto& [line, word] : std::vector<std::pair<std::string, std::string>>{
           {"syncing photos", "syncing"}, {"sync failed", "failed"}, {"sign in again", "sign in"},
           {"confirm 15 deletes", "confirm"}, {"no account", ""}, {"offline", "offline"}}) {
    kernel.SetSyncStatus(line);
    EXPECT_NE(kernel.DumpUi().find("status.sync label \"" + word + "\""), std::string::npos) << line;
  }
}

}  // namespace
}  // namespace swivel::os::kernel

namespace swivel::os::kernel {
namespace {

class MenuApp final : public App {
 public:
  std::vector<MenuItem> Menu() override {
    return {{"new", "New", U'n', [this] { ran += "new;"; }},
            {"delete", "Delete", U'd', [this] { ran += "delete;"; }}};
  }
  std::string ran;
};

TEST(Menu, TheMenuKeyOpensTheAppsItemsAndMenuPlusKeyRunsOneDirectly) {
  hal::sim::SimBoard board{hal::sim::BoardOptions{}};
  hal::Devices devices = board.devices();
  Kernel kernel(devices);
  kernel.apps().Register("launcher", [] { return std::make_unique<MenuApp>(); });
  kernel.Start();
  auto& app = static_cast<MenuApp&>(*kernel.apps().current());
  auto press = [&](hal::Key k) {
    board.input().press(k);
    kernel.Step();
  };
  press(hal::Key::kMenu);
  EXPECT_EQ(kernel.FocusedId(), "menu.new");
  EXPECT_TRUE(kernel.ShowsText("Delete"));
  press(hal::Key::kDown);
  press(hal::Key::kSelect);
  EXPECT_EQ(app.ran, "delete;");
  EXPECT_FALSE(kernel.ShowsText("Delete")) << "choosing closes the menu";
  press(hal::Key::kMenu);
  press(hal::Key::kBack);
  EXPECT_EQ(app.ran, "delete;") << "Back closes without running anything";
  EXPECT_FALSE(kernel.ShowsText("New"));
  board.input().key_down(hal::Key::kMenu);
  board.input().key_down(hal::Key::kCharacter, U'N');
  board.input().key_up(hal::Key::kMenu);
  kernel.Step();
  EXPECT_EQ(app.ran, "delete;new;") << "Menu+N runs New without opening the menu";
  EXPECT_FALSE(kernel.ShowsText("Delete"));
}

}  // namespace
}  // namespace swivel::os::kernel

namespace swivel::os::kernel {
namespace {

// What the kernel draws: a frame at boot, after handled keys and when the status bar moves,
// and none while nothing changes or the screen is off.
TEST_F(KernelTest, FramesComeWithChangesOnly) {
  const auto frames = [this] { return board.display().frames(); };
  kernel->Start();
  EXPECT_EQ(frames(), 1u) << "the first frame ends the boot";
  const auto bar = gfx::ToRgb565(kernel->theme().status_bar);
  EXPECT_EQ(board.display().presented()[0], bar);
  EXPECT_EQ(board.display().presented()[board.display().width() * 20], gfx::ToRgb565(kernel->theme().background));
  kernel->Step();
  EXPECT_EQ(frames(), 1u) << "nothing changed";
  Press(Key::kDown);
  EXPECT_EQ(frames(), 2u) << "a handled key (down and up, one frame)";
  board.clock().run_for(20s);
  kernel->Step();
  EXPECT_EQ(frames(), 2u) << "the clock shows minutes: 20 s later nothing moved";
  board.clock().run_for(45s);  // past the minute; the screen dimmed at 30 s and went off at 60 s
  kernel->Step();
  EXPECT_EQ(frames(), 2u) << "the screen is off: nothing is drawn";
  board.input().key_down(Key::kCharacter, U'x');
  kernel->Step();
  EXPECT_EQ(frames(), 3u) << "waking draws afresh (the clock moved meanwhile)";
}

TEST(Renderer, AThemeFromOptionsPaintsTheStatusBar) {
  hal::sim::SimBoard board{hal::sim::BoardOptions{}};
  hal::Devices devices = board.devices();
  KernelOptions options;
  ASSERT_TRUE(ui::SetThemeColor(options.theme, "status_bar", 0xFF7A00));
  gfx::FontLibrary fonts;  // the ROM, shared with the kernel
  options.fonts = &fonts;
  Kernel kernel(devices, options);
  kernel.apps().Register("launcher", [] { return std::make_unique<App>(); });
  kernel.Start();
  EXPECT_EQ(board.display().presented()[0], gfx::ToRgb565(gfx::Color::Hex(0xFF7A00)));
  EXPECT_TRUE(kernel.renderer().font_error().empty());
  // The carrier name is drawn: status text colour appears in the bar.
  size_t ink = 0;
  for (uint32_t x = 0; x < 60; ++x)
    for (uint32_t y = 0; y < 12; ++y)
      ink += board.display().presented()[y * board.display().width() + x] != gfx::ToRgb565(gfx::Color::Hex(0xFF7A00));
  EXPECT_GT(ink, 20u);
}

}  // namespace
}  // namespace swivel::os::kernel
