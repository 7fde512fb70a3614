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
