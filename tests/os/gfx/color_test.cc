#include "os/gfx/color.h"

#include <gtest/gtest.h>

#include "hal/sim/sim_display.h"

namespace swivel::os::gfx {
namespace {

TEST(Color, Rgb565RoundTripsEveryValue) {
  for (uint32_t p = 0; p <= 0xFFFF; ++p) {
    ASSERT_EQ(ToRgb565(FromRgb565(uint16_t(p))), p) << p;
  }
}

TEST(Color, ExpansionMatchesTheSimulatorsScreenshots) {
  for (uint32_t p = 0; p <= 0xFFFF; p += 7) {
    uint8_t rgb[3];
    hal::sim::Rgb565ToRgb888(uint16_t(p), rgb);
    const Color c = FromRgb565(uint16_t(p));
    ASSERT_EQ(c, (Color{rgb[0], rgb[1], rgb[2]})) << p;
  }
}

TEST(Color, ConversionRoundsToNearestLevel) {
  EXPECT_EQ(ToRgb565(Color::Hex(0xFFFFFF)), 0xFFFF);
  EXPECT_EQ(ToRgb565(Color::Hex(0x000000)), 0x0000);
  EXPECT_EQ(ToRgb565(Color::Hex(0xFF0000)), 0xF800);
  EXPECT_EQ(ToRgb565(Color::Hex(0x00FF00)), 0x07E0);
  EXPECT_EQ(ToRgb565(Color::Hex(0x0000FF)), 0x001F);
  // 4 is nearer 8.2 (level 1) than 0 in 5 bits: (4 * 31 + 127) / 255 = 0.98 -> 0; 5 -> 1.
  EXPECT_EQ(ToRgb565(Color{4, 0, 0}), 0x0000);
  EXPECT_EQ(ToRgb565(Color{5, 0, 0}), 0x0800);
  // Mid grey 128: r,b -> 16 (15.56 rounds up), g -> 32 (31.6).
  EXPECT_EQ(ToRgb565(Color{128, 128, 128}), (16 << 11) | (32 << 5) | 16);
}

TEST(Color, BlendIsExactAtTheEndsAndRoundsInBetween) {
  const uint16_t dst = ToRgb565(Color::Hex(0x000000));
  EXPECT_EQ(Blend565(dst, Color::Hex(0xFFFFFF), 0), dst);
  EXPECT_EQ(Blend565(dst, Color::Hex(0xFFFFFF), 255), 0xFFFF);
  // White at 128/255 over black: each channel round(255 * 128 / 255) = 128.
  EXPECT_EQ(Blend565(dst, Color::Hex(0xFFFFFF), 128), ToRgb565(Color{128, 128, 128}));
  // Red over blue at 64: r = round(255*64/255) = 64, b = round(255*191/255) = 191.
  EXPECT_EQ(Blend565(0x001F, Color::Hex(0xFF0000), 64), ToRgb565(Color{64, 0, 191}));
}

TEST(Color, BlendChannelRoundsToNearest) {
  EXPECT_EQ(BlendChannel(0, 10, 200), 8);  // 2000 / 255 = 7.84
  EXPECT_EQ(BlendChannel(255, 0, 128), 127);  // 127.0
  // Against the exact value, for every source and destination at a spread of alphas.
  for (unsigned a = 1; a < 255; a += 3) {
    for (unsigned src = 0; src < 256; ++src) {
      for (unsigned dst = 0; dst < 256; ++dst) {
        const unsigned twice_exact_x255 = 2 * (src * a + dst * (255 - a));  // 2 * 255 * exact
        const unsigned got = BlendChannel(uint8_t(dst), uint8_t(src), uint8_t(a));
        // |got - exact| <= 1/2, in integers: |2 * 255 * got - 2 * 255 * exact| <= 255.
        const int diff = int(2 * 255 * got) - int(twice_exact_x255);
        ASSERT_LE(diff < 0 ? -diff : diff, 255) << src << " over " << dst << " at " << a;
      }
    }
  }
}

}  // namespace
}  // namespace swivel::os::gfx
