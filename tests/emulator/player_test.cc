#include "emulator/player.h"

#include "apps/launcher/launcher.h"

#include <gtest/gtest.h>

namespace swivel::emulator {
namespace {

// Keeps what the user types as the draft of one note, saved when the kernel says so.
class DraftApp final : public os::kernel::App {
 public:
  explicit DraftApp(os::pim::NoteRepository& notes) : notes_(notes) {}
  bool OnKey(const hal::InputEvent& e) override {
    if (e.type != hal::InputEvent::Type::kKeyDown || e.key != hal::Key::kCharacter) return false;
    note_.set_body(note_.body() + char(e.character));
    return true;
  }
  void Save() override {
    if (note_.body() != saved_) {
      ASSERT_EQ(notes_.Save(note_), os::pim::Status::kOk);
      saved_ = note_.body();
    }
  }

 private:
  os::pim::NoteRepository& notes_;
  swivel::pim::Note note_;
  std::string saved_;
};

HandsetOptions Options() {
  HandsetOptions o;
  o.install = [](os::kernel::Device& d) {
    d.kernel().apps().Register("launcher", [] { return std::make_unique<os::kernel::App>(); });
    d.kernel().apps().Register("notes", [&d] { return std::make_unique<DraftApp>(d.notes()); });
    d.kernel().BindChord(U'n', "notes");
  };
  return o;
}

std::vector<std::string> NoteBodies(Handset& h) {
  std::vector<swivel::pim::Note> notes;
  EXPECT_EQ(h.os()->notes().List(&notes), os::pim::Status::kOk);
  std::vector<std::string> bodies;
  for (const auto& n : notes) bodies.push_back(n.body());
  return bodies;
}

Script Parse(const char* text) {
  auto r = ParseScript(text, "test.swv");
  EXPECT_TRUE(r.ok()) << r.error;
  return r.script;
}

// A battery pull while typing loses at most the autosave interval of typing.
TEST(Player, TypingSurvivesABatteryPullUpToTheLastAutosave) {
  Handset h(Options());
  const auto r = Play(Parse(R"(power on
press Jump+n
type "draft one"
wait 6000
type " and more"
battery pull
power on
)"), h);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(h.boots(), 2u);
  EXPECT_EQ(NoteBodies(h), std::vector<std::string>{"draft one"})
      << "saved by the autosave; the rest was typed after it";
}

TEST(Player, LeavingAnAppSavesItsDraftAtOnce) {
  Handset h(Options());
  ASSERT_TRUE(Play(Parse("power on\npress Jump+n\ntype \"quick\"\npress Jump\nbattery pull\npower on\n"), h).ok);
  EXPECT_EQ(NoteBodies(h), std::vector<std::string>{"quick"});
}

TEST(Player, KeysWhileOffDoNothingAndFailuresNameTheLine) {
  Handset h(Options());
  const auto r = Play(Parse("power on\nbattery pull\npress Jump+n\ntype \"lost\"\npower on\nexpect text \"x\"\n"), h);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "test.swv:6: expect text needs the UI tree, which this host lacks");
  EXPECT_EQ(h.os()->kernel().apps().current_id(), "launcher") << "keys typed while off reached it";
  EXPECT_TRUE(NoteBodies(h).empty());
}

TEST(Player, WaitingAnHourIsVirtualAndTheScreenGoesOff) {
  Handset h(Options());
  ASSERT_TRUE(Play(Parse("power on\n"), h).ok);
  const auto booted = h.board().clock().now();  // mounting took device time (flash reads)
  ASSERT_TRUE(Play(Parse("wait 3600000\n"), h).ok);
  EXPECT_EQ(h.board().display().backlight(), 0);
  EXPECT_EQ(h.board().clock().now() - booted, std::chrono::hours(1));
}

TEST(Player, ExpectationsReadTheUiTreeOfTheAppInFront) {
  HandsetOptions o;
  o.install = [](os::kernel::Device& d) {
    d.kernel().apps().Register("launcher", [&d] {
      return std::make_unique<apps::Launcher>(
          d.kernel().apps(),
          std::vector<apps::LauncherEntry>{{"notes", "Notes", nullptr}, {"tasks", "To Do", nullptr}},
          hal::Rect{0, 0, 240, 160});
    });
    d.kernel().apps().Register("notes", [&d] { return std::make_unique<DraftApp>(d.notes()); });
    d.kernel().apps().Register("tasks", [] { return std::make_unique<os::kernel::App>(); });
  };
  Handset h(o);
  const auto hooks = UiHooks(h);
  EXPECT_TRUE(Play(Parse("power on\nexpect text \"To Do\"\nexpect focus launcher.notes\n"
                         "press Right\nexpect focus launcher.tasks\nexpect no text \"Calendar\"\n"),
                   h, hooks).ok);
  const auto r = Play(Parse("press Left\nexpect focus launcher.tasks\n"), h, hooks);
  EXPECT_EQ(r.error, "test.swv:2: focus is on 'launcher.notes', not 'launcher.tasks'");
  const auto off = Play(Parse("battery pull\nexpect text \"Notes\"\n"), h, hooks);
  EXPECT_EQ(off.error, "test.swv:2: the handset is off");
}

TEST(Player, AnEmptyBatteryCannotPowerOnUntilCharged) {
  Handset h(Options());
  const auto r = Play(Parse("power on\nbattery level 0\npower on\n"), h);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "test.swv:3: the battery is empty: connect the charger");
  EXPECT_TRUE(Play(Parse("battery charger on\nwait 60000\npower on\n"), h).ok);
}

// A demo in the window: keys are paced one by one and waits are the host's.
TEST(Player, DemoHooksPaceEveryKeyAndTakeOverWaits) {
  Handset h(Options());
  std::vector<std::string> log;
  PlayerHooks hooks;
  hooks.before_key = [&] { log.push_back("key"); };
  hooks.wait = [&](int64_t ms) { log.push_back("wait " + std::to_string(ms)); };
  ASSERT_TRUE(Play(Parse("power on\n"), h).ok);
  const auto before = h.board().clock().now();
  const auto r = Play(Parse("press Jump+n\ntype \"ab\"\nwait 500\npress Jump\n"), h, hooks);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(log, (std::vector<std::string>{"key", "key", "key", "wait 500", "key"}));
  EXPECT_LT(h.board().clock().now() - before, std::chrono::milliseconds(500)) << "the hook waited, not the player";
  EXPECT_EQ(NoteBodies(h), std::vector<std::string>{"ab"}) << "typed one by one, all of it";
}

TEST(Player, AClosedWindowStopsTheScriptAtTheNextLine) {
  Handset h(Options());
  int lines = 0;
  PlayerHooks hooks;
  hooks.keep_going = [&] { return ++lines <= 2; };
  const auto r = Play(Parse("power on\npress Jump+n\ntype \"never\"\n"), h, hooks);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "test.swv:3: not run: the window was closed");
}

TEST(Handset, TellsOfEveryBootAndDeliversTheLid) {
  int boots = 0;
  HandsetOptions o = Options();
  o.booted = [&] { ++boots; };
  Handset h(o);
  ASSERT_TRUE(Play(Parse("power on\nbattery pull\npower on\n"), h).ok);
  EXPECT_EQ(boots, 2);
  EXPECT_GT(h.last_boot().count(), 0) << "mounting the flash takes device time";
  h.SetLid(hal::LidState::kShut);
  EXPECT_EQ(h.board().input().lid(), hal::LidState::kShut);
  EXPECT_EQ(h.board().input().pending(), 0u) << "the OS took the event at once";
}

}  // namespace
}  // namespace swivel::emulator
