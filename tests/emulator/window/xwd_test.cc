#include "tests/emulator/window/xwd.h"

#include <gtest/gtest.h>

namespace swivel::emulator::testing {
namespace {

void Put32(std::vector<uint8_t>& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(uint8_t(v >> shift));
}

// A dump as xwd writes one: big-endian header, a name, no colours, pixels of `bpp` bits in
// `msb_first` byte order, rows padded to 4 bytes.
std::vector<uint8_t> Dump(uint32_t width, uint32_t height, uint32_t bpp, bool msb_first, uint32_t red,
                          uint32_t green, uint32_t blue, const std::vector<uint32_t>& pixels) {
  const std::string name = "root";
  const uint32_t header = 25 * 4 + uint32_t(name.size()) + 1;
  const uint32_t stride = (width * bpp / 8 + 3) / 4 * 4;
  std::vector<uint8_t> out;
  const uint32_t fields[25] = {header, 7, 2, bpp == 32 ? 24 : bpp, width, height, 0, msb_first ? 1u : 0u, 32, 0,
                               32, bpp, stride, 4, red, green, blue, 8, 256, 0, width, height, 0, 0, 0};
  for (uint32_t f : fields) Put32(out, f);
  out.insert(out.end(), name.begin(), name.end());
  out.push_back(0);
  for (uint32_t y = 0; y < height; ++y) {
    const size_t row = out.size();
    for (uint32_t x = 0; x < width; ++x) {
      const uint32_t p = pixels[y * width + x];
      for (uint32_t b = 0; b < bpp / 8; ++b) {
        const uint32_t shift = msb_first ? (bpp / 8 - 1 - b) * 8 : b * 8;
        out.push_back(uint8_t(p >> shift));
      }
    }
    out.resize(row + stride, 0);
  }
  return out;
}

TEST(WindowXwd, ReadsTrueColorDumpsOfEveryByteOrder) {
  for (bool msb : {false, true})
    for (uint32_t bpp : {32u, 24u}) {
      const auto bytes = Dump(3, 2, bpp, msb, 0xFF0000, 0x00FF00, 0x0000FF,
                              {0x123456, 0xFF0000, 0x00FF00, 0x0000FF, 0xFFFFFF, 0x000000});
      RgbImage image;
      std::string error;
      ASSERT_TRUE(ParseXwd(bytes, &image, &error)) << error;
      ASSERT_EQ(image.width, 3);
      ASSERT_EQ(image.height, 2);
      EXPECT_EQ(image.at(0, 0)[0], 0x12) << bpp << (msb ? " msb" : " lsb");
      EXPECT_EQ(image.at(0, 0)[1], 0x34);
      EXPECT_EQ(image.at(0, 0)[2], 0x56);
      EXPECT_EQ(image.at(1, 0)[0], 0xFF);
      EXPECT_EQ(image.at(1, 0)[1], 0x00);
      EXPECT_EQ(image.at(2, 1)[0], 0x00);
      EXPECT_EQ(image.at(1, 1)[2], 0xFF);
    }
}

TEST(WindowXwd, StretchesNarrowChannels) {
  const auto bytes = Dump(2, 1, 16, false, 0xF800, 0x07E0, 0x001F, {0xFFFF, 0x0821});
  RgbImage image;
  std::string error;
  ASSERT_TRUE(ParseXwd(bytes, &image, &error)) << error;
  EXPECT_EQ(image.at(0, 0)[0], 255);
  EXPECT_EQ(image.at(0, 0)[1], 255);
  EXPECT_EQ(image.at(1, 0)[0], 8);  // 1 of 31
  EXPECT_EQ(image.at(1, 0)[1], 4);  // 1 of 63
}

TEST(WindowXwd, RefusesWhatItCannotRead) {
  RgbImage image;
  std::string error;
  auto bytes = Dump(2, 2, 32, false, 0xFF0000, 0x00FF00, 0x0000FF, {1, 2, 3, 4});
  EXPECT_FALSE(ParseXwd(std::span(bytes).first(60), &image, &error));
  EXPECT_FALSE(ParseXwd(std::span(bytes).first(bytes.size() - 1), &image, &error));
  EXPECT_EQ(error, "truncated");
  auto old = bytes;
  old[7] = 6;  // file version
  EXPECT_FALSE(ParseXwd(old, &image, &error));
  auto palette = bytes;
  palette[13 * 4 + 3] = 3;  // PseudoColor
  EXPECT_FALSE(ParseXwd(palette, &image, &error));
  EXPECT_EQ(error, "not a TrueColor or DirectColor visual");
}

}  // namespace
}  // namespace swivel::emulator::testing
