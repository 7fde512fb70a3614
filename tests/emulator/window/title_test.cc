#include "emulator/window/title.h"

#include <gtest/gtest.h>

namespace swivel::emulator::window {
namespace {

TEST(WindowTitle, SaysTheSkinAndTheHandsetState) {
  TitleState s;
  EXPECT_EQ(WindowTitle("Swivel Classic", s), "Swivel Classic - 100%, radio on, lid open");
  s.battery_percent = 42;
  s.charger = true;
  s.radio = false;
  s.lid = hal::LidState::kShut;
  EXPECT_EQ(WindowTitle("Swivel Classic", s), "Swivel Classic - 42%, charger, radio off, lid shut");
  s = {};
  s.on = false;
  s.battery_in = false;
  EXPECT_EQ(WindowTitle("LX", s), "LX - off, battery out, radio on, lid open");
}

}  // namespace
}  // namespace swivel::emulator::window
