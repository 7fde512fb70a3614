#include "os/gfx/png.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>

#include "os/gfx/color.h"

namespace swivel::os::gfx {
namespace {

Bitmap565 Pattern(int32_t w, int32_t h) {
  Bitmap565 b(w, h);
  for (size_t i = 0; i < b.pixels.size(); ++i) b.pixels[i] = uint16_t(i * 2654435761u >> 7);
  return b;
}

std::string TempPath(const std::string& name) { return ::testing::TempDir() + "/gfx_" + name; }

void WriteFile(const std::string& path, const std::vector<uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
}

TEST(Png, RoundTripsAFramebufferThroughAFile) {
  const Bitmap565 b = Pattern(37, 23);
  const std::string path = TempPath("roundtrip.png");
  SavePng(path, b);
  const BitmapRgba back = LoadPng(path);
  ASSERT_EQ(back.width, 37);
  ASSERT_EQ(back.height, 23);
  for (int32_t y = 0; y < b.height; ++y) {
    for (int32_t x = 0; x < b.width; ++x) {
      const Color c = FromRgb565(b.at(x, y));
      const uint8_t* p = back.at(x, y);
      ASSERT_EQ((Color{p[0], p[1], p[2]}), c) << x << "," << y;
      ASSERT_EQ(p[3], 255);
      ASSERT_EQ(ToRgb565(Color{p[0], p[1], p[2]}), b.at(x, y));
    }
  }
}

TEST(Png, EncodingIsDeterministicAndCarriesNoTimestamp) {
  const Bitmap565 b = Pattern(16, 16);
  const std::vector<uint8_t> one = EncodePng(b.pixels, 16, 16);
  const std::vector<uint8_t> two = EncodePng(b.pixels, 16, 16);
  EXPECT_EQ(one, two);
  const std::string text(one.begin(), one.end());
  EXPECT_EQ(text.find("tIME"), std::string::npos);
  EXPECT_EQ(text.find("tEXt"), std::string::npos);
  EXPECT_NE(text.find("IHDR"), std::string::npos);
}

TEST(Png, RefusesACorruptFileAndNamesIt) {
  const Bitmap565 b = Pattern(16, 16);
  std::vector<uint8_t> bytes = EncodePng(b.pixels, 16, 16);
  const std::string text(bytes.begin(), bytes.end());
  const size_t idat = text.find("IDAT");
  ASSERT_NE(idat, std::string::npos);
  bytes[idat + 10] ^= 0x55;  // inside the compressed data: the chunk CRC no longer matches
  const std::string path = TempPath("corrupt.png");
  WriteFile(path, bytes);
  try {
    LoadPng(path);
    FAIL() << "a corrupt PNG loaded";
  } catch (const PngError& e) {
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
  }
}

TEST(Png, RefusesTruncatedAndNonPngData) {
  const Bitmap565 b = Pattern(16, 16);
  const std::vector<uint8_t> bytes = EncodePng(b.pixels, 16, 16);
  const std::vector<uint8_t> cut(bytes.begin(), bytes.begin() + std::ptrdiff_t(bytes.size() / 2));
  EXPECT_THROW(DecodePng(cut, "cut.png"), PngError);
  const std::vector<uint8_t> junk = {'h', 'e', 'l', 'l', 'o'};
  EXPECT_THROW(DecodePng(junk, "junk.png"), PngError);
  EXPECT_THROW(DecodePng({}, "empty.png"), PngError);
}

BitmapRgba RgbaPattern(int32_t w, int32_t h) {
  BitmapRgba b(w, h);
  for (size_t i = 0; i < b.pixels.size(); ++i) b.pixels[i] = uint8_t(i * 2654435761u >> 11);
  return b;
}

TEST(Png, RgbaRoundTripsEveryChannelIncludingAlpha) {
  const BitmapRgba b = RgbaPattern(29, 17);
  const std::string path = TempPath("rgba.png");
  SavePngRgba(path, b);
  const BitmapRgba back = LoadPng(path);
  ASSERT_EQ(back.width, 29);
  ASSERT_EQ(back.height, 17);
  EXPECT_EQ(back.pixels, b.pixels);  // straight alpha: nothing premultiplied on the way
  EXPECT_NE(std::count(b.pixels.begin(), b.pixels.end(), uint8_t(255)), 0);
}

TEST(Png, RgbaEncodingIsDeterministic) {
  const BitmapRgba b = RgbaPattern(16, 16);
  const std::vector<uint8_t> one = EncodePngRgba(b);
  EXPECT_EQ(one, EncodePngRgba(b));
  const std::string text(one.begin(), one.end());
  EXPECT_EQ(text.find("tIME"), std::string::npos);
  EXPECT_EQ(text.find("tEXt"), std::string::npos);
  ASSERT_GT(one.size(), 26u);
  EXPECT_EQ(one[25], 6) << "the IHDR colour type is RGBA";
}

TEST(Png, RgbaRefusesAnImageWithoutItsPixels) {
  BitmapRgba b(8, 8);
  b.pixels.resize(8 * 8 * 4 - 4);
  EXPECT_THROW(EncodePngRgba(b), PngError);
  EXPECT_THROW(EncodePngRgba(BitmapRgba(0, 5)), PngError);
}

TEST(Png, MissingFileIsAnErrorNamingIt) {
  const std::string path = TempPath("does_not_exist.png");
  try {
    LoadPng(path);
    FAIL() << "loaded a missing file";
  } catch (const PngError& e) {
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace swivel::os::gfx
