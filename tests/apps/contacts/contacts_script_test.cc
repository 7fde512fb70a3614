// Plays tests/scripts/*.swv headless against a handset running the app suite: the same
// scripts swivel-emu --headless --script runs.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "apps/suite/suite.h"
#include "emulator/player.h"

namespace swivel::apps {
namespace {

emulator::Script Load(const std::string& name) {
  const std::string path = std::string(SWIVEL_SOURCE_DIR) + "/tests/scripts/" + name;
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  auto r = emulator::ParseScript(text.str(), "tests/scripts/" + name);
  EXPECT_TRUE(r.ok()) << r.error;
  return r.script;
}

TEST(ContactsScript, CreateSearchEditBatteryPullsAndDelete) {
  emulator::HandsetOptions o;
  std::string error;
  const auto rules = LocaleRules("en_US", &error);
  ASSERT_TRUE(rules) << error;
  o.install = [rules](os::kernel::Device& d) { InstallApps(d, *rules); };
  emulator::Handset h(o);
  const auto script = Load("contacts.swv");
  ASSERT_GT(script.lines.size(), 40u);
  const auto r = emulator::Play(script, h, emulator::UiHooks(h));
  EXPECT_TRUE(r.ok) << r.error;
  EXPECT_EQ(h.boots(), 3u);
}

}  // namespace
}  // namespace swivel::apps

namespace swivel::apps {
namespace {

// An open form whose text does not change is not written again and again.
TEST(ContactsDraft, AnUnchangedFormCostsNoFlashWrites) {
  emulator::HandsetOptions o;
  o.install = [](os::kernel::Device& d) { InstallApps(d); };
  emulator::Handset h(o);
  const auto script = emulator::ParseScript("power on\npress Jump+c\npress Select\ntype \"Bo\"\nwait 6000\n", "t.swv");
  ASSERT_TRUE(script.ok()) << script.error;
  ASSERT_TRUE(emulator::Play(script.script, h).ok);
  const auto programs = h.board().flash().stats().programs;
  const auto again = emulator::ParseScript("wait 60000\n", "t.swv");
  ASSERT_TRUE(emulator::Play(again.script, h).ok);
  EXPECT_EQ(h.board().flash().stats().programs, programs) << "a minute of autosaves wrote again";
  std::string draft = h.os()->drafts().Load("contacts").value_or("");
  EXPECT_NE(draft.find("Bo"), std::string::npos) << "the draft was saved once";
}

}  // namespace
}  // namespace swivel::apps

namespace swivel::apps {
namespace {

// Going back to the list from a contact reads no record again (each is a page read).
TEST(ContactsList, BackFromAContactDoesNotReadEveryContactAgain) {
  emulator::HandsetOptions o;
  o.install = [](os::kernel::Device& d) { InstallApps(d); };
  emulator::Handset h(o);
  std::string error;
  ASSERT_TRUE(h.PowerOn(&error)) << error;
  for (int i = 0; i < 50; ++i) {
    pim::Contact c;
    c.mutable_name()->set_given("Person" + std::to_string(i));
    ASSERT_EQ(h.os()->contacts().Save(c), os::pim::Status::kOk);
  }
  auto play = [&](const char* text) {
    const auto s = emulator::ParseScript(text, "t.swv");
    ASSERT_TRUE(s.ok()) << s.error;
    const auto r = emulator::Play(s.script, h, emulator::UiHooks(h));
    ASSERT_TRUE(r.ok) << r.error;
  };
  play("press Jump+c\nexpect text \"Person0\"\npress Select\nexpect focus contact.edit\n");
  const auto reads = h.board().flash().stats().reads;
  play("press Back\nexpect focus contacts.list\n");
  EXPECT_LT(h.board().flash().stats().reads - reads, 10u) << "the list read every contact again";
}

}  // namespace
}  // namespace swivel::apps
