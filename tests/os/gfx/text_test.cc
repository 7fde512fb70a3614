#include "os/gfx/text_renderer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

namespace swivel::os::gfx {
namespace {

constexpr Color kWhite = Color::Hex(0xFFFFFF);
const TextStyle kSans{FontFace::kSans, 14};

// The box of all non-black pixels; empty when there are none.
Rect InkBox(const Bitmap565& b) {
  Rect box{};
  for (int32_t y = 0; y < b.height; ++y) {
    for (int32_t x = 0; x < b.width; ++x) {
      if (b.at(x, y) != 0) box = Union(box, Rect{x, y, 1, 1});
    }
  }
  return box;
}

class Text : public ::testing::Test {
 protected:
  FontLibrary fonts_;
  TextRenderer text_{fonts_};
};

TEST(FontLibrary, MissingFontIsAnErrorNamingTheFile) {
  FontLibrary::Options options;
  options.directory = "/nonexistent/fonts";
  try {
    FontLibrary fonts(options);
    FAIL() << "opened fonts from a missing directory";
  } catch (const FontError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/fonts/DejaVuSans.ttf"), std::string::npos)
        << e.what();
  }
}

TEST(FontLibrary, AFileThatIsNotAFontIsAnErrorNamingIt) {
  const std::string dir = ::testing::TempDir() + "/gfx_not_fonts";
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/NotAFont.ttf") << "this is not a TrueType font";
  FontLibrary::Options options;
  options.files[1] = dir + "/NotAFont.ttf";  // an absolute file name ignores the directory
  try {
    FontLibrary fonts(options);
    FAIL() << "accepted a non-font";
  } catch (const FontError& e) {
    EXPECT_NE(std::string(e.what()).find(dir + "/NotAFont.ttf"), std::string::npos) << e.what();
  }
}

TEST_F(Text, AccentedGreekAndCyrillicInkLiesInTheMeasuredBox) {
  for (const std::string s : {"Müller", "Ελληνικά", "Русский"}) {
    SCOPED_TRACE(s);
    for (const ShapedGlyph& g : text_.Shape(s, kSans).glyphs) EXPECT_NE(g.glyph, 0u);  // no .notdef
    const TextMetrics m = text_.Measure(s, kSans);
    EXPECT_GT(m.width, 0);
    Bitmap565 b(120, 30);
    Canvas c(b);
    constexpr int32_t kX = 5, kBaseline = 20;
    EXPECT_EQ(text_.DrawText(c, kX, kBaseline, s, kSans, kWhite), m.width);
    const Rect ink = InkBox(b);
    ASSERT_FALSE(IsEmpty(ink));
    const Rect box{kX, kBaseline - m.ascent, m.width, m.ascent + m.descent};
    EXPECT_EQ(Intersect(ink, box), ink) << "ink " << ink.x << "," << ink.y << " " << ink.width
                                        << "x" << ink.height;
    EXPECT_EQ(Intersect(c.dirty(), box), c.dirty());
    EXPECT_GT(ink.width, m.width / 2);  // the whole word is drawn, not one letter
  }
}

// The ink box of the glyphs showing the character at `cluster`.
Rect ClusterInk(const std::vector<PlacedGlyph>& placed, uint32_t cluster) {
  Rect box{};
  for (const PlacedGlyph& g : placed) {
    if (g.cluster == cluster) box = Union(box, g.ink);
  }
  return box;
}

TEST_F(Text, HebrewAndArabicRunRightToLeft) {
  // "shalom" and "salaam": the first character in memory is drawn rightmost.
  for (const std::string s : {"שלום", "سلام"}) {
    SCOPED_TRACE(s);
    EXPECT_TRUE(text_.Shape(s, kSans).rtl_paragraph);
    const auto placed = text_.Layout(0, 20, s, kSans);
    const uint32_t last = uint32_t(s.size() - 2);  // each letter is 2 bytes of UTF-8
    const Rect first_ink = ClusterInk(placed, 0), last_ink = ClusterInk(placed, last);
    ASSERT_FALSE(IsEmpty(first_ink));
    ASSERT_FALSE(IsEmpty(last_ink));
    EXPECT_GT(first_ink.x, last_ink.x);
    // And the pixels drawn are where the layout says.
    Bitmap565 b(80, 30);
    Canvas c(b);
    text_.DrawText(c, 0, 20, s, kSans, kWhite);
    const Rect ink = InkBox(b);
    EXPECT_EQ(Union(ink, Union(first_ink, last_ink)), ink);
  }
}

TEST_F(Text, ArabicLettersTakeTheirJoiningForms) {
  // Seen alone, seen starts no word; in "salaam" it is the initial form, another glyph.
  const ShapedText alone = text_.Shape("س", kSans);
  const ShapedText word = text_.Shape("سلام", kSans);
  ASSERT_EQ(alone.glyphs.size(), 1u);
  uint32_t initial = 0;
  for (const ShapedGlyph& g : word.glyphs) {
    if (g.cluster == 0) initial = g.glyph;
  }
  EXPECT_NE(initial, 0u);
  EXPECT_NE(initial, alone.glyphs[0].glyph);
}

TEST_F(Text, MixedDirectionsFollowTheParagraphLevel) {
  // Left-to-right paragraph: "abc" first, then the Hebrew word reversed.
  {
    const std::string s = "abc שלום";
    const auto placed = text_.Layout(0, 20, s, kSans);
    EXPECT_FALSE(text_.Shape(s, kSans).rtl_paragraph);
    const Rect a = ClusterInk(placed, 0), c = ClusterInk(placed, 2);
    const Rect shin = ClusterInk(placed, 4), mem = ClusterInk(placed, 10);
    EXPECT_LT(a.x, c.x);
    EXPECT_LT(c.x, mem.x);
    EXPECT_LT(mem.x, shin.x);
  }
  // Right-to-left paragraph (its first strong character is Hebrew): "abc" goes on the left.
  {
    const std::string s = "שלום abc";
    const auto placed = text_.Layout(0, 20, s, kSans);
    EXPECT_TRUE(text_.Shape(s, kSans).rtl_paragraph);
    const Rect shin = ClusterInk(placed, 0), a = ClusterInk(placed, 9), c = ClusterInk(placed, 11);
    EXPECT_LT(a.x, c.x);
    EXPECT_LT(c.x, shin.x);
  }
}

TEST_F(Text, CombiningMarkJoinsItsBaseInOneCluster) {
  const ShapedText shaped = text_.Shape("e\u0301", kSans);
  ASSERT_FALSE(shaped.glyphs.empty());
  std::set<uint32_t> clusters;
  for (const ShapedGlyph& g : shaped.glyphs) clusters.insert(g.cluster);
  EXPECT_EQ(clusters, std::set<uint32_t>{0});
  // q has no precomposed form with an acute, so the mark stays a glyph of its own, in the
  // same cluster as its base.
  const ShapedText q = text_.Shape("q\u0301x", kSans);
  ASSERT_EQ(q.glyphs.size(), 3u);
  EXPECT_EQ(q.glyphs[0].cluster, 0u);
  EXPECT_EQ(q.glyphs[1].cluster, 0u);
  EXPECT_EQ(q.glyphs[2].cluster, 3u);
  // Two base letters are two clusters.
  std::set<uint32_t> two;
  for (const ShapedGlyph& g : text_.Shape("ee", kSans).glyphs) two.insert(g.cluster);
  EXPECT_EQ(two.size(), 2u);
}

TEST_F(Text, CachedGlyphsDrawTheSamePixelsAsFreshOnes) {
  const std::string s = "Müller Ελληνικά Русский שלום";
  Bitmap565 miss(240, 24), hit(240, 24);
  Canvas cm(miss), ch(hit);
  text_.DrawText(cm, 2, 17, s, kSans, kWhite);
  const GlyphCache::Stats after_miss = text_.cache().stats();
  EXPECT_GT(after_miss.misses, 0u);
  text_.DrawText(ch, 2, 17, s, kSans, kWhite);
  const GlyphCache::Stats after_hit = text_.cache().stats();
  EXPECT_EQ(after_hit.misses, after_miss.misses);  // all from the cache
  EXPECT_GT(after_hit.hits, after_miss.hits);
  EXPECT_FALSE(IsEmpty(InkBox(miss)));
  EXPECT_EQ(miss.pixels, hit.pixels);

  // A cache too small to keep anything, and a separate library, draw the same again.
  FontLibrary other_fonts;
  TextRenderer tiny(other_fonts, 0);
  Bitmap565 fresh(240, 24);
  Canvas cf(fresh);
  tiny.DrawText(cf, 2, 17, s, kSans, kWhite);
  EXPECT_EQ(tiny.cache().stats().entries, 0u);
  EXPECT_EQ(fresh.pixels, miss.pixels);
}

TEST_F(Text, GlyphCacheStaysWithinItsBudget) {
  TextRenderer small(fonts_, 4096);
  Bitmap565 b(400, 40);
  Canvas c(b);
  small.DrawText(c, 0, 30, "The quick brown fox jumps over the lazy dog 0123456789",
                 TextStyle{FontFace::kSansBold, 24}, kWhite);
  const GlyphCache::Stats s = small.cache().stats();
  EXPECT_LE(s.bytes, 4096u);
  EXPECT_GT(s.evictions, 0u);
  EXPECT_GT(s.entries, 0u);
}

TEST_F(Text, MeasureFollowsTheGlyphs) {
  EXPECT_LT(text_.Measure("ii", kSans).width, text_.Measure("WW", kSans).width);
  const TextStyle mono{FontFace::kMono, 14};
  EXPECT_EQ(text_.Measure("iiii", mono).width, text_.Measure("WWWW", mono).width);
  const TextMetrics big = text_.Measure("x", TextStyle{FontFace::kSans, 28});
  const TextMetrics small = text_.Measure("x", kSans);
  EXPECT_GT(big.ascent, small.ascent);
  EXPECT_GT(small.descent, 0);
  EXPECT_EQ(text_.Measure("", kSans).width, 0);
}

TEST_F(Text, BoldInksMoreThanRegular) {
  auto ink = [&](FontFace face) {
    Bitmap565 b(120, 24);
    Canvas c(b);
    text_.DrawText(c, 2, 17, "Handset", TextStyle{face, 14}, kWhite);
    uint64_t sum = 0;
    for (uint16_t p : b.pixels) sum += FromRgb565(p).g;
    return sum;
  };
  EXPECT_GT(ink(FontFace::kSansBold), ink(FontFace::kSans));
}

TEST_F(Text, ClipKeepsInkInside) {
  const std::string s = "Clipped text";
  Bitmap565 full(120, 24), clipped(120, 24);
  Canvas cf(full), cc(clipped);
  text_.DrawText(cf, 2, 17, s, kSans, kWhite);
  const Rect clip{20, 8, 30, 6};
  cc.PushClip(clip);
  text_.DrawText(cc, 2, 17, s, kSans, kWhite);
  const Rect ink = InkBox(clipped);
  ASSERT_FALSE(IsEmpty(ink));
  EXPECT_EQ(Intersect(ink, clip), ink);
  EXPECT_EQ(Intersect(cc.dirty(), clip), cc.dirty());
  // Inside the clip the pixels are exactly the unclipped ones.
  for (int32_t y = clip.y; y < clip.y + clip.height; ++y) {
    for (int32_t x = clip.x; x < clip.x + clip.width; ++x) {
      ASSERT_EQ(clipped.at(x, y), full.at(x, y)) << x << "," << y;
    }
  }
}

TEST_F(Text, InvalidUtf8DrawsAReplacementAndDoesNotCrash) {
  const std::string bad = std::string("a") + char(0xC3) + "b" + char(0xFF);
  const ShapedText shaped = text_.Shape(bad, kSans);
  EXPECT_EQ(shaped.glyphs.size(), 4u);
  Bitmap565 b(60, 20);
  Canvas c(b);
  text_.DrawText(c, 0, 15, bad, kSans, kWhite);
  EXPECT_FALSE(IsEmpty(InkBox(b)));
}

}  // namespace
}  // namespace swivel::os::gfx
