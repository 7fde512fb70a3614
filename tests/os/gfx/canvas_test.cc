#include "os/gfx/canvas.h"

#include <gtest/gtest.h>

#include <string>

#include "hal/sim/sim_display.h"

namespace swivel::os::gfx {
namespace {

constexpr Color kInk = Color::Hex(0xFFFFFF);
constexpr Color kRed = Color::Hex(0xFF0000);

// The bitmap as rows of '.' (black) and '#' (white); anything else is '?'.
std::string Picture(const Bitmap565& b) {
  std::string s;
  for (int32_t y = 0; y < b.height; ++y) {
    for (int32_t x = 0; x < b.width; ++x) {
      const uint16_t p = b.at(x, y);
      s += p == 0 ? '.' : p == 0xFFFF ? '#' : '?';
    }
    s += '\n';
  }
  return s;
}

TEST(Canvas, FillRectIsHalfOpenAndClippedToTheCanvas) {
  Bitmap565 b(6, 4);
  Canvas c(b);
  c.FillRect(Rect{1, 1, 3, 2}, kInk);
  c.FillRect(Rect{4, 3, 10, 10}, kInk);  // runs off the edge
  c.FillRect(Rect{-5, -5, 3, 3}, kInk);  // entirely outside
  EXPECT_EQ(Picture(b),
            "......\n"
            ".###..\n"
            ".###..\n"
            "....##\n");
  EXPECT_EQ(c.dirty(), (Rect{1, 1, 5, 3}));
}

TEST(Canvas, RejectsTooFewPixels) {
  std::vector<uint16_t> px(10);
  EXPECT_THROW(Canvas(px, 4, 3), std::invalid_argument);
}

TEST(Canvas, BresenhamLines) {
  Bitmap565 b(7, 5);
  Canvas c(b);
  c.Line(0, 0, 6, 3, kInk);
  EXPECT_EQ(Picture(b),
            "#......\n"
            ".##....\n"
            "...##..\n"
            ".....##\n"
            ".......\n");
  EXPECT_EQ(c.TakeDirty(), (Rect{0, 0, 7, 4}));
  EXPECT_EQ(c.dirty(), Rect{});
  Bitmap565 s(5, 5);
  Canvas steep(s);
  steep.Line(4, 4, 1, 0, kInk);  // steep, right to left, upwards
  steep.Line(0, 2, 0, 2, kInk);  // a single point
  EXPECT_EQ(Picture(s),
            ".#...\n"
            "..#..\n"
            "#.#..\n"
            "...#.\n"
            "....#\n");
}

TEST(Canvas, HorizontalAndVerticalLinesAndOutline) {
  Bitmap565 b(6, 5);
  Canvas c(b);
  c.StrokeRect(Rect{0, 0, 6, 5}, kInk);
  c.HLine(2, 2, 2, kInk);
  c.VLine(2, 1, 1, kInk);
  EXPECT_EQ(Picture(b),
            "######\n"
            "#.#..#\n"
            "#.##.#\n"
            "#....#\n"
            "######\n");
}

TEST(Canvas, RoundedCorners) {
  Bitmap565 b(10, 8);
  Canvas c(b);
  c.FillRoundRect(Rect{0, 0, 10, 8}, 4, kInk);
  EXPECT_EQ(Picture(b),
            "..######..\n"
            ".########.\n"
            "##########\n"
            "##########\n"
            "##########\n"
            "##########\n"
            ".########.\n"
            "..######..\n");
  Bitmap565 o(10, 8);
  Canvas oc(o);
  oc.StrokeRoundRect(Rect{0, 0, 10, 8}, 4, kInk);
  EXPECT_EQ(Picture(o),
            "..######..\n"
            ".#......#.\n"
            "#........#\n"
            "#........#\n"
            "#........#\n"
            "#........#\n"
            ".#......#.\n"
            "..######..\n");
}

TEST(Canvas, RoundRectRadiusIsClampedToHalfTheShorterSide) {
  Bitmap565 a(6, 4), b(6, 4);
  Canvas ca(a), cb(b);
  ca.FillRoundRect(Rect{0, 0, 6, 4}, 100, kInk);
  cb.FillRoundRect(Rect{0, 0, 6, 4}, 2, kInk);
  EXPECT_EQ(Picture(a), Picture(b));
  EXPECT_EQ(Picture(a),
            ".####.\n"
            "######\n"
            "######\n"
            ".####.\n");
}

TEST(Canvas, ClipStackIntersectsAndPops) {
  Bitmap565 b(6, 4);
  Canvas c(b);
  c.PushClip(Rect{1, 0, 4, 4});
  c.PushClip(Rect{0, 1, 6, 2});  // intersected with the first: {1, 1, 4, 2}
  EXPECT_EQ(c.clip(), (Rect{1, 1, 4, 2}));
  c.Clear(kInk);
  c.Line(0, 0, 5, 3, kInk);
  EXPECT_EQ(Picture(b),
            "......\n"
            ".####.\n"
            ".####.\n"
            "......\n");
  EXPECT_TRUE(c.PopClip());
  EXPECT_EQ(c.clip(), (Rect{1, 0, 4, 4}));
  EXPECT_TRUE(c.PopClip());
  EXPECT_FALSE(c.PopClip());  // the canvas bounds stay
  EXPECT_EQ(c.clip(), (Rect{0, 0, 6, 4}));
}

TEST(Canvas, OriginTranslatesDrawingAndClips) {
  Bitmap565 b(6, 4);
  Canvas c(b);
  const Canvas::State saved = c.Save();
  c.Translate(2, 1);
  c.PushClip(Rect{0, 0, 3, 2});  // the widget's box, at its own (0, 0)
  c.FillRect(Rect{-1, -1, 10, 10}, kInk);
  c.Restore(saved);
  EXPECT_EQ(c.origin(), (Point{0, 0}));
  EXPECT_EQ(c.clip(), (Rect{0, 0, 6, 4}));
  c.SetPixel(0, 0, kInk);
  EXPECT_EQ(Picture(b),
            "#.....\n"
            "..###.\n"
            "..###.\n"
            "......\n");
}

TEST(Canvas, Blit565AndRgbaWithAlpha) {
  Bitmap565 b(4, 2);
  Canvas c(b);
  Bitmap565 src(2, 2, 0xFFFF);
  c.DrawBitmap(3, 0, src);  // half off the right edge
  EXPECT_EQ(Picture(b),
            "...#\n"
            "...#\n");
  BitmapRgba rgba(3, 1);
  const uint8_t px[] = {255, 0, 0, 255, 255, 0, 0, 128, 255, 0, 0, 0};
  std::copy(std::begin(px), std::end(px), rgba.pixels.begin());
  c.DrawBitmap(0, 1, rgba);
  EXPECT_EQ(b.at(0, 1), ToRgb565(kRed));
  EXPECT_EQ(b.at(1, 1), ToRgb565(Color{128, 0, 0}));  // round(255 * 128 / 255) over black
  EXPECT_EQ(b.at(2, 1), 0);                           // transparent
  EXPECT_EQ(b.at(3, 1), 0xFFFF);
  EXPECT_EQ(c.dirty(), (Rect{0, 0, 4, 2}));
}

TEST(Canvas, MaskBlendsCoverageAndRespectsClip) {
  Bitmap565 b(4, 1, 0xFFFF);
  Canvas c(b);
  const uint8_t mask[] = {255, 128, 0, 255};
  c.PushClip(Rect{0, 0, 3, 1});
  c.DrawMask(0, 0, mask, 4, 1, 4, Color::Hex(0x000000));
  EXPECT_EQ(b.at(0, 0), 0);
  EXPECT_EQ(b.at(1, 0), ToRgb565(Color{127, 127, 127}));  // round(255 * 127 / 255)
  EXPECT_EQ(b.at(2, 0), 0xFFFF);
  EXPECT_EQ(b.at(3, 0), 0xFFFF);  // clipped
}

TEST(Canvas, DrawsOnTheDisplayFramebufferAndPresentsTheDirtyRect) {
  hal::sim::SimDisplay display(240, 160);
  Canvas c(display);
  c.FillRect(Rect{10, 20, 30, 5}, kRed);
  display.present(c.TakeDirty());
  EXPECT_EQ(display.last_dirty(), (Rect{10, 20, 30, 5}));
  EXPECT_EQ(display.presented()[size_t(22) * 240 + 15], ToRgb565(kRed));
  EXPECT_EQ(display.presented()[size_t(22) * 240 + 40], 0);
}

}  // namespace
}  // namespace swivel::os::gfx
