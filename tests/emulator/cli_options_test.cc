#include "emulator/cli_options.h"

#include <gtest/gtest.h>

namespace swivel::emulator {
namespace {

TEST(CliOptions, DefaultsAreAWindowOfTheClassicSkinAtOneX) {
  const auto r = ParseArgs({});
  ASSERT_EQ(r.error, "");
  EXPECT_FALSE(r.options.headless);
  EXPECT_EQ(r.options.scale, 1);
  EXPECT_EQ(r.options.skin, "");
  EXPECT_EQ(r.options.seed, 1u);
  EXPECT_EQ(r.options.locale, "en_US");
}

TEST(CliOptions, EveryOptionIsRead) {
  const auto r = ParseArgs({"--skin", "lx", "--flash", "f.img", "--scale", "3", "--script", "s.swv",
                            "--exit-after-script", "--seed", "42", "--locale", "de_DE", "--profile", "lx",
                            "--headless"});
  ASSERT_EQ(r.error, "");
  const EmuOptions& o = r.options;
  EXPECT_EQ(o.skin, "lx");
  EXPECT_EQ(o.flash, "f.img");
  EXPECT_EQ(o.scale, 3);
  EXPECT_EQ(o.script, "s.swv");
  EXPECT_TRUE(o.exit_after_script);
  EXPECT_EQ(o.seed, 42u);
  EXPECT_EQ(o.locale, "de_DE");
  EXPECT_EQ(o.profile, "lx");
  EXPECT_TRUE(o.headless);
}

TEST(CliOptions, BadValuesAreUsageErrors) {
  const std::pair<std::vector<std::string>, std::string> cases[] = {
      {{"--scale", "4"}, "--scale needs 1, 2 or 3"},
      {{"--scale", "0"}, "--scale needs 1, 2 or 3"},
      {{"--scale", "2x"}, "--scale needs 1, 2 or 3"},
      {{"--scale"}, "--scale needs 1, 2 or 3"},
      {{"--skin"}, "--skin needs a skin's name or folder"},
      {{"--seed", "many"}, "--seed needs a whole number"},
      {{"--window"}, "unknown option --window"},
  };
  for (const auto& [args, error] : cases) EXPECT_EQ(ParseArgs(args).error, error) << args[0];
}

}  // namespace
}  // namespace swivel::emulator
