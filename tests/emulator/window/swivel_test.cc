#include "emulator/window/swivel.h"

#include <gtest/gtest.h>

namespace swivel::emulator::window {
namespace {

using hal::LidState;

Skin TestSkin() {
  Skin s;
  s.screen = {40, 20, 240, 160};       // centre 160, 100
  s.screen_shut = {40, 60, 240, 160};  // centre 160, 140
  return s;
}

TEST(WindowSwivel, AtRestThePictureIsUprightWhereTheLidPutsIt) {
  const Skin s = TestSkin();
  const SwivelPose open = AtRest(s, LidState::kOpen), shut = AtRest(s, LidState::kShut);
  EXPECT_EQ(open.angle, 0);
  EXPECT_EQ(open.center_x, 160);
  EXPECT_EQ(open.center_y, 100);
  EXPECT_FALSE(open.shut_body);
  EXPECT_TRUE(open.done);
  EXPECT_EQ(shut.angle, 0);
  EXPECT_EQ(shut.center_y, 140);
  EXPECT_TRUE(shut.shut_body);
}

TEST(WindowSwivel, ShuttingTurnsClockwiseHalfAroundAndMovesTheScreen) {
  const Skin s = TestSkin();
  const SwivelPose start = SwivelAt(s, LidState::kShut, 0);
  EXPECT_EQ(start.angle, 0);
  EXPECT_EQ(start.center_y, 100);
  EXPECT_FALSE(start.done);
  EXPECT_FALSE(start.shut_body);
  const SwivelPose half = SwivelAt(s, LidState::kShut, kSwivelMs / 2);
  EXPECT_DOUBLE_EQ(half.angle, 90);
  EXPECT_DOUBLE_EQ(half.center_y, 120);
  EXPECT_TRUE(half.shut_body) << "the shut body shows from half-way";
  double last = -1;
  for (int64_t ms = 0; ms < kSwivelMs; ms += 10) {
    const SwivelPose p = SwivelAt(s, LidState::kShut, ms);
    EXPECT_GE(p.angle, last) << ms;
    EXPECT_LT(p.angle, 180) << ms;
    last = p.angle;
  }
  const SwivelPose end = SwivelAt(s, LidState::kShut, kSwivelMs);
  EXPECT_TRUE(end.done);
  EXPECT_EQ(end.angle, 0) << "the picture turns with the lid: upright again";
  EXPECT_EQ(end.center_y, 140);
  EXPECT_TRUE(end.shut_body);
}

TEST(WindowSwivel, OpeningReversesIt) {
  const Skin s = TestSkin();
  const SwivelPose start = SwivelAt(s, LidState::kOpen, 0);
  EXPECT_EQ(start.center_y, 140);
  EXPECT_TRUE(start.shut_body);
  const SwivelPose half = SwivelAt(s, LidState::kOpen, kSwivelMs / 2);
  EXPECT_DOUBLE_EQ(half.angle, -90) << "counter-clockwise";
  EXPECT_FALSE(half.shut_body);
  const SwivelPose end = SwivelAt(s, LidState::kOpen, kSwivelMs + 100);
  EXPECT_TRUE(end.done);
  EXPECT_EQ(end.center_y, 100);
  EXPECT_EQ(end.angle, 0);
}

}  // namespace
}  // namespace swivel::emulator::window
