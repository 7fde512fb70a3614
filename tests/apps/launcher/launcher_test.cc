#include "apps/launcher/launcher.h"

#include <gtest/gtest.h>

#include "hal/sim/sim_board.h"
#include "os/kernel/kernel.h"

namespace swivel::apps {
namespace {

using hal::Key;

struct LauncherTest : ::testing::Test {
  hal::sim::SimBoard board{hal::sim::BoardOptions{}};
  hal::Devices devices = board.devices();
  os::kernel::Kernel kernel{devices};
  int new_notes = 2;

  LauncherTest() {
    auto& apps = kernel.apps();
    apps.Register("launcher", [this] {
      std::vector<LauncherEntry> entries = {
          {"contacts", "Contacts", nullptr},
          {"calendar", "Calendar", [] { return std::string("Lunch 12:30"); }},
          {"tasks", "To Do", nullptr},
          {"notes", "Notes", [this] { return std::to_string(new_notes) + " new"; }},
      };
      return std::make_unique<Launcher>(kernel.apps(), std::move(entries), hal::Rect{0, 0, 240, 160});
    });
    for (const char* id : {"contacts", "calendar", "tasks", "notes"})
      apps.Register(id, [] { return std::make_unique<os::kernel::App>(); });
    kernel.Start();
  }
  void Press(Key k) {
    board.input().press(k);
    kernel.Step();
  }
};

TEST_F(LauncherTest, TheGridShowsEveryAppWithWhatIsNew) {
  EXPECT_EQ(kernel.DumpUi(),
            "status statusbar \"\" 0,0 240x12\n"
            "  status.carrier label \"Swivel\" 0,0 72x12\n"
            "  status.clock label \"12:00\xe2\x80\xaf" "AM\" 72,0 48x12\n"
            "  status.sync label \"\" 120,0 36x12\n"
            "  status.radio label \"signal\" 156,0 44x12\n"
            "  status.battery label \"100%\" 200,0 40x12\n"
            "launcher screen \"\" 0,0 240x160\n"
            "  launcher.contacts button \"Contacts\" 0,4 80x54 focused\n"
            "    launcher.contacts.news label \"\" 0,44 80x12\n"
            "  launcher.calendar button \"Calendar\" 80,4 80x54\n"
            "    launcher.calendar.news label \"Lunch 12:30\" 80,44 80x12\n"
            "  launcher.tasks button \"To Do\" 160,4 80x54\n"
            "    launcher.tasks.news label \"\" 160,44 80x12\n"
            "  launcher.notes button \"Notes\" 0,58 80x54\n"
            "    launcher.notes.news label \"2 new\" 0,98 80x12\n");
}

TEST_F(LauncherTest, TheDpadAndSelectOpenAnAppAndJumpComesBackWithFreshNews) {
  Press(Key::kDown);
  EXPECT_EQ(kernel.FocusedId(), "launcher.notes");
  Press(Key::kSelect);
  EXPECT_EQ(kernel.apps().current_id(), "notes");
  new_notes = 5;
  Press(Key::kJump);
  EXPECT_EQ(kernel.apps().current_id(), "launcher");
  EXPECT_TRUE(kernel.ShowsText("5 new")) << "the news line is refreshed on the way back";
  EXPECT_EQ(kernel.FocusedId(), "launcher.notes") << "focus stays where it was";
  Press(Key::kUp);
  Press(Key::kRight);
  Press(Key::kEnter);
  EXPECT_EQ(kernel.apps().current_id(), "calendar");
}

}  // namespace
}  // namespace swivel::apps
