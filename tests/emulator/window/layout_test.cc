#include "emulator/window/layout.h"

#include <gtest/gtest.h>

namespace swivel::emulator::window {
namespace {

Skin TestSkin() {
  Skin s;
  s.screen = {40, 20, 240, 160};
  s.screen_shut = {40, 60, 240, 160};
  s.buttons = {
      {{hal::Key::kJump, 0}, {0, 0, 30, 20}},
      {{hal::Key::kCharacter, U'a'}, {60, 200, 20, 20}},
      {{hal::Key::kEnter, 0}, {60, 200, 40, 20}},  // overlaps 'a': 'a' comes first
      {{hal::Key::kUp, 0}, {150, 190, 20, 12}},
  };
  return s;
}

TEST(WindowLayout, ScaleCyclesOneTwoThree) {
  EXPECT_EQ(NextScale(1), 2);
  EXPECT_EQ(NextScale(2), 3);
  EXPECT_EQ(NextScale(3), 1);
  EXPECT_EQ(NextScale(0), 1);
  EXPECT_TRUE(ValidScale(1));
  EXPECT_TRUE(ValidScale(3));
  EXPECT_FALSE(ValidScale(0));
  EXPECT_FALSE(ValidScale(4));
}

TEST(WindowLayout, WindowFitsBothBodiesTimesTheScale) {
  EXPECT_EQ(WindowSize({320, 240}, std::nullopt, 1), (Size{320, 240}));
  EXPECT_EQ(WindowSize({320, 240}, std::nullopt, 3), (Size{960, 720}));
  EXPECT_EQ(WindowSize({320, 240}, Size{300, 260}, 2), (Size{640, 520}));
}

TEST(WindowLayout, SkinRectsAndPointsScaleByWholePixels) {
  EXPECT_EQ(Scaled({40, 20, 240, 160}, 2), (hal::Rect{80, 40, 480, 320}));
  EXPECT_EQ(Scaled({40, 20, 240, 160}, 1), (hal::Rect{40, 20, 240, 160}));
  // Each skin pixel is a scale x scale block: every window pixel of the block maps back to it.
  for (int scale = 1; scale <= 3; ++scale)
    for (int32_t x = 0; x < 12; ++x) {
      EXPECT_EQ(ToSkin({x, x * 2}, scale), (Point{x / scale, x * 2 / scale})) << "scale " << scale;
      EXPECT_EQ(ToSkin({Scaled({x, 0, 1, 1}, scale).x, 0}, scale).x, x);
    }
  EXPECT_EQ(ToSkin({-1, -4}, 3), (Point{-1, -2}));  // outside the window: never a skin pixel
}

TEST(WindowLayout, ClicksHitTheButtonUnderThem) {
  const Skin s = TestSkin();
  const auto at = [&](int32_t x, int32_t y, hal::LidState lid = hal::LidState::kOpen) {
    const SkinButton* b = ButtonAt(s, {x, y}, lid);
    return b ? b->key : KeyStroke{};
  };
  EXPECT_EQ(at(0, 0).key, hal::Key::kJump);
  EXPECT_EQ(at(29, 19).key, hal::Key::kJump);
  EXPECT_EQ(at(30, 19).key, hal::Key::kNone) << "right edge is outside";
  EXPECT_EQ(at(29, 20).key, hal::Key::kNone) << "bottom edge is outside";
  EXPECT_EQ(at(65, 205), (KeyStroke{hal::Key::kCharacter, U'a'})) << "first in skin.conf wins";
  EXPECT_EQ(at(90, 205).key, hal::Key::kEnter);
  EXPECT_EQ(at(160, 195).key, hal::Key::kUp);
  EXPECT_EQ(at(200, 100).key, hal::Key::kNone);
  // Window pixels at 3x land on the same buttons.
  EXPECT_EQ(ButtonAt(s, ToSkin({3 * 29 + 2, 3 * 19 + 2}, 3), hal::LidState::kOpen)->key.key, hal::Key::kJump);
}

TEST(WindowLayout, WithTheLidShutTheKeyboardCannotBePressed) {
  const Skin s = TestSkin();
  EXPECT_EQ(ButtonAt(s, {65, 205}, hal::LidState::kShut), nullptr);
  EXPECT_EQ(ButtonAt(s, {90, 205}, hal::LidState::kShut), nullptr);
  ASSERT_NE(ButtonAt(s, {5, 5}, hal::LidState::kShut), nullptr);
  EXPECT_EQ(ButtonAt(s, {160, 195}, hal::LidState::kShut)->key.key, hal::Key::kUp);
  EXPECT_TRUE(OnKeyboard(hal::Key::kCharacter));
  EXPECT_TRUE(OnKeyboard(hal::Key::kShift));
  EXPECT_FALSE(OnKeyboard(hal::Key::kJump));
  EXPECT_FALSE(OnKeyboard(hal::Key::kSelect));
}

TEST(WindowLayout, TheScreenSitsWhereTheLidSaysAtRest) {
  const Skin s = TestSkin();
  EXPECT_EQ(ScreenRect(s, hal::LidState::kOpen), s.screen);
  EXPECT_EQ(ScreenRect(s, hal::LidState::kShut), s.screen_shut);
  EXPECT_TRUE(Contains(s.screen, {40, 20}));
  EXPECT_FALSE(Contains(s.screen, {280, 20}));
}

}  // namespace
}  // namespace swivel::emulator::window
