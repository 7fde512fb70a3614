// swivel-skin-paint's drawing surface and layout.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "os/gfx/font_library.h"
#include "os/gfx/text_renderer.h"
#include "tools/skin_paint/layout.h"
#include "tools/skin_paint/skin_spec.h"
#include "tools/skin_paint/surface.h"
#include "tools/skin_paint/write_skin.h"

namespace swivel::tools::skin_paint {
namespace {

bool Overlap(const Rect& a, const Rect& b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
bool Inside(const Rect& inner, const Rect& outer) {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width &&
         inner.y + inner.height <= outer.y + outer.height;
}

class SkinPaintSurface : public ::testing::Test {
 protected:
  os::gfx::FontLibrary fonts_;
  os::gfx::TextRenderer text_{fonts_};
};

TEST_F(SkinPaintSurface, UncoveredPixelsAreTransparentAndEdgesPartlyCovered) {
  Surface s(20, 20, text_);
  s.Fill(Box{2, 2, 16, 16}, 8, Color::Hex(0x336699));  // a circle
  const os::gfx::BitmapRgba image = s.Resolve();
  EXPECT_EQ(image.at(0, 0)[3], 0);
  EXPECT_EQ(image.at(2, 2)[3], 0) << "outside the circle, inside its box";
  EXPECT_EQ(image.at(10, 10)[3], 255);
  int partial = 0;
  for (int32_t x = 0; x < 20; ++x) partial += image.at(x, 5)[3] > 0 && image.at(x, 5)[3] < 255;
  EXPECT_GE(partial, 2) << "the circle's edge is smoothed";
}

// Row dithering: a flat fill resolves to its 8-bit colour (within rounding), though every
// sample is RGB565.
TEST_F(SkinPaintSurface, FillsResolveCloseToTheirEightBitColour) {
  Surface s(8, 8, text_);
  // Each channel near halfway between two 565 levels: the nearest level is 2..4 off.
  const Color c = Color::Hex(0x463EB9);
  s.Fill(Box{0, 0, 8, 8}, 0, c);
  const os::gfx::BitmapRgba image = s.Resolve();
  const uint8_t* p = image.at(4, 4);
  EXPECT_NEAR(p[0], c.r, 1);
  EXPECT_NEAR(p[1], c.g, 1);
  EXPECT_NEAR(p[2], c.b, 1);
  EXPECT_EQ(p[3], 255);
}

TEST_F(SkinPaintSurface, TextIsDrawnCentredOnItsInk) {
  Surface s(40, 20, text_);
  s.Fill(Box{0, 0, 40, 20}, 0, Color::Hex(0x000000));
  s.TextCentered(20, 10, "H", FontFace::kSansBold, 12, Color::Hex(0xFFFFFF));
  const os::gfx::BitmapRgba image = s.Resolve();
  int32_t left = 40, right = -1, top = 20, bottom = -1;
  for (int32_t y = 0; y < 20; ++y)
    for (int32_t x = 0; x < 40; ++x)
      if (image.at(x, y)[0] > 128) {
        left = std::min(left, x), right = std::max(right, x);
        top = std::min(top, y), bottom = std::max(bottom, y);
      }
  ASSERT_GE(right, left) << "no text drawn";
  EXPECT_NEAR((left + right) / 2.0, 19.5, 1.0);
  EXPECT_NEAR((top + bottom) / 2.0, 9.5, 1.0);
}

// The shut lid hides the whole keyboard; the handset's own buttons are clear of the lid
// both ways and of the keyboard, so they work the same shut or open.
TEST(SkinPaintLayout, TheLidCoversTheKeyboardAndNoButton) {
  for (const SkinSpec& spec : AllSkins()) {
    const HandsetLayout l = LayOutForProfile(spec);
    SCOPED_TRACE(spec.folder);
    EXPECT_TRUE(Inside(l.screen_open, l.lid_open));
    EXPECT_TRUE(Inside(l.screen_shut, l.lid_shut));
    EXPECT_TRUE(Inside(l.keyboard, l.lid_shut));
    for (const Hotspot& k : l.keys) EXPECT_TRUE(Inside(k.rect, l.keyboard)) << k.key;
    for (const Hotspot& b : l.buttons) {
      EXPECT_FALSE(Overlap(b.rect, l.lid_open)) << b.key;
      EXPECT_FALSE(Overlap(b.rect, l.lid_shut)) << b.key;
      EXPECT_FALSE(Overlap(b.rect, l.keyboard)) << b.key;
    }
  }
}

TEST(SkinPaintLayout, EveryKeyHasOneHotspot) {
  for (const SkinSpec& spec : AllSkins()) {
    const HandsetLayout l = LayOutForProfile(spec);
    std::set<std::string> names;
    for (const auto* list : {&l.buttons, &l.keys})
      for (const Hotspot& h : *list)
        EXPECT_TRUE(names.insert(h.key).second) << spec.folder << ": " << h.key << " twice";
    EXPECT_EQ(l.buttons.size(), 16u) << spec.folder;
    EXPECT_EQ(l.keys.size(), 10u + 10u + 10u + 9u + 6u) << spec.folder;
  }
}

}  // namespace
}  // namespace swivel::tools::skin_paint
