// README.md holds the window's key table exactly as the emulator has it (and prints it in
// --help): edit the table in emulator/window/host_keys.cc, then paste KeyMarkdown() here.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "emulator/window/key_help.h"

namespace swivel::emulator::window {
namespace {

TEST(WindowKeyTable, ReadmeHoldsTheKeyTable) {
  std::ifstream in(std::string(SWIVEL_SOURCE_DIR) + "/README.md");
  ASSERT_TRUE(in);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_NE(text.str().find(KeyMarkdown()), std::string::npos)
      << "README.md does not hold the key table; it should read:\n" << KeyMarkdown();
}

}  // namespace
}  // namespace swivel::emulator::window
