#include "emulator/window/shot_name.h"

#include <gtest/gtest.h>

#include <set>

namespace swivel::emulator::window {
namespace {

TEST(WindowShotName, TheFirstNumberNotTaken) {
  std::set<std::string> files;
  const auto exists = [&](const std::string& f) { return files.count(f) > 0; };
  EXPECT_EQ(NextShotName("swivel-shot", exists), "swivel-shot-1.png");
  files = {"swivel-shot-1.png", "swivel-shot-2.png", "swivel-window-3.png"};
  EXPECT_EQ(NextShotName("swivel-shot", exists), "swivel-shot-3.png");
  EXPECT_EQ(NextShotName("swivel-window", exists), "swivel-window-1.png");
}

}  // namespace
}  // namespace swivel::emulator::window
