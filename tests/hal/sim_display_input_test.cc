#include <gtest/gtest.h>

#include "hal/sim/sim_display.h"
#include "hal/sim/sim_input.h"

namespace swivel::hal::sim {
namespace {

using std::chrono::milliseconds;

TEST(SimDisplay, PresentCopiesOnlyTheDirtyRect) {
  SimDisplay d(8, 4);
  auto fb = d.framebuffer();
  std::fill(fb.begin(), fb.end(), uint16_t{0xFFFF});
  d.present({2, 1, 3, 2});
  const auto front = d.presented();
  for (uint32_t y = 0; y < 4; ++y)
    for (uint32_t x = 0; x < 8; ++x) {
      const bool inside = x >= 2 && x < 5 && y >= 1 && y < 3;
      EXPECT_EQ(front[y * 8 + x], inside ? 0xFFFF : 0) << x << "," << y;
    }
  EXPECT_EQ(d.frames(), 1u);
}

TEST(SimDisplay, EmptyRectPresentsEverythingAndRectsAreClipped) {
  SimDisplay d(8, 4);
  auto fb = d.framebuffer();
  std::fill(fb.begin(), fb.end(), uint16_t{0x1234});
  d.present({6, 2, 100, 100});
  EXPECT_EQ(d.last_dirty(), (Rect{6, 2, 2, 2}));
  d.present({-5, -5, 0, 0});
  EXPECT_EQ(d.last_dirty(), (Rect{0, 0, 8, 4}));
  for (uint16_t p : d.presented()) EXPECT_EQ(p, 0x1234);
  d.present({20, 20, 5, 5});  // wholly off screen: nothing to copy, no crash
  EXPECT_EQ(d.last_dirty().width, 0);
  EXPECT_EQ(d.frames(), 3u);
}

TEST(SimDisplay, DrawingWithoutPresentShowsNothing) {
  SimDisplay d(4, 4);
  d.framebuffer()[5] = 0xF800;
  EXPECT_EQ(d.presented()[5], 0);
}

TEST(SimDisplay, Rgb565ExpandsToFullRangeRgb888) {
  SimDisplay d(4, 1);
  auto fb = d.framebuffer();
  fb[0] = 0xFFFF;  // white
  fb[1] = 0xF800;  // red
  fb[2] = 0x07E0;  // green
  fb[3] = 0x001F;  // blue
  d.present({});
  EXPECT_EQ(d.presented_rgb888(),
            (std::vector<uint8_t>{255, 255, 255, 255, 0, 0, 0, 255, 0, 0, 0, 255}));
}

TEST(SimDisplay, BacklightIsClamped) {
  SimDisplay d(1, 1);
  d.set_backlight(40);
  EXPECT_EQ(d.backlight(), 40);
  d.set_backlight(250);
  EXPECT_EQ(d.backlight(), 100);
}

TEST(SimInput, EventsComeOutInOrderWithDeviceTime) {
  SimClock clock;
  SimInput in(clock);
  in.press(Key::kJump);
  clock.advance(milliseconds(5));
  in.press(Key::kDown);
  std::vector<std::pair<Key, InputEvent::Type>> seen;
  std::vector<int64_t> times;
  while (auto e = in.poll()) {
    seen.emplace_back(e->key, e->type);
    times.push_back(e->time.time_since_epoch().count());
  }
  using T = InputEvent::Type;
  EXPECT_EQ(seen, (std::vector<std::pair<Key, T>>{{Key::kJump, T::kKeyDown},
                                                  {Key::kJump, T::kKeyUp},
                                                  {Key::kDown, T::kKeyDown},
                                                  {Key::kDown, T::kKeyUp}}));
  EXPECT_EQ(times, (std::vector<int64_t>{0, 0, 5000, 5000}));
  EXPECT_FALSE(in.poll());
}

TEST(SimInput, TypesUtf8AsCharacters) {
  SimClock clock;
  SimInput in(clock);
  ASSERT_TRUE(in.type_text("Aé Ж😀"));
  std::u32string typed;
  while (auto e = in.poll()) {
    EXPECT_EQ(e->key, Key::kCharacter);
    if (e->type == InputEvent::Type::kKeyDown) typed.push_back(e->character);
  }
  EXPECT_EQ(typed, U"Aé Ж😀");
}

TEST(SimInput, InvalidUtf8QueuesNothing) {
  SimClock clock;
  SimInput in(clock);
  for (std::string bad : {"\xC3", "a\x80", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                          "\xFF", "ok\xE2\x82"}) {
    EXPECT_FALSE(in.type_text(bad)) << "accepted invalid UTF-8 of " << bad.size() << " bytes";
    EXPECT_EQ(in.pending(), 0u);
  }
  EXPECT_TRUE(DecodeUtf8("\xF4\x8F\xBF\xBF").has_value()) << "U+10FFFF is valid";
}

TEST(SimInput, LidEventsOnlyOnChange) {
  SimClock clock;
  SimInput in(clock);
  EXPECT_EQ(in.lid(), LidState::kOpen);
  in.set_lid(LidState::kOpen);
  EXPECT_EQ(in.pending(), 0u);
  in.set_lid(LidState::kShut);
  in.set_lid(LidState::kShut);
  ASSERT_EQ(in.pending(), 1u);
  const auto e = in.poll();
  EXPECT_EQ(e->type, InputEvent::Type::kLid);
  EXPECT_EQ(e->lid, LidState::kShut);
  EXPECT_EQ(in.lid(), LidState::kShut);
}

TEST(InputKeyNames, EveryKeyNameRoundTrips) {
  for (uint16_t k = uint16_t(Key::kNone); k <= uint16_t(Key::kPower); ++k) {
    const auto key = Key(k);
    EXPECT_NE(ToString(key), "unknown") << k;
    EXPECT_EQ(KeyFromName(ToString(key)), key);
  }
  EXPECT_FALSE(KeyFromName("no-such-key"));
}

}  // namespace
}  // namespace swivel::hal::sim
