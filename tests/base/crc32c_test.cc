#include "base/crc32c.h"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

namespace swivel {
namespace {

std::span<const uint8_t> Bytes(std::string_view s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

TEST(Crc32c, MatchesPublishedCheckValue) {
  // The standard check value for CRC-32C over "123456789" (RFC 3720, appendix B.4).
  EXPECT_EQ(Crc32c(Bytes("123456789")), 0xE3069283u);
  EXPECT_EQ(Crc32c({}), 0u);
}

TEST(Crc32c, ExtendingEqualsOneShot) {
  const auto whole = Crc32c(Bytes("hello, flash"));
  EXPECT_EQ(Crc32c(Bytes(", flash"), Crc32c(Bytes("hello"))), whole);
}

TEST(Crc32c, DetectsEverySingleBitFlip) {
  std::vector<uint8_t> data(64);
  for (size_t i = 0; i < data.size(); ++i) data[i] = uint8_t(i * 7);
  const uint32_t good = Crc32c(data);
  for (size_t bit = 0; bit < data.size() * 8; ++bit) {
    data[bit / 8] ^= uint8_t(1u << (bit % 8));
    EXPECT_NE(Crc32c(data), good) << "bit " << bit;
    data[bit / 8] ^= uint8_t(1u << (bit % 8));
  }
}

}  // namespace
}  // namespace swivel
