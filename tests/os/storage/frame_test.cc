#include "os/storage/frame.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "hal/sim/sim_flash.h"
#include "hal/sim/sim_random.h"

namespace swivel::os::storage {
namespace {

constexpr size_t kPage = 256;
const FrameHeader kHeader{.commit = true, .sequence = 0x1122334455667788ull,
                          .transaction = 0x1122334455667700ull, .erase_count = 4242};

std::vector<uint8_t> Payload(size_t n) {
  std::vector<uint8_t> p(n);
  for (size_t i = 0; i < n; ++i) p[i] = uint8_t(i * 31 + 7);
  return p;
}

TEST(Frame, RoundTrips) {
  const auto payload = Payload(100);
  const auto page = EncodeFrame(kHeader, payload, kPage);
  ASSERT_EQ(page.size(), kPage);
  DecodedFrame out;
  ASSERT_EQ(DecodeFrame(page, &out), PageKind::kFrame);
  EXPECT_EQ(out.header, kHeader);
  EXPECT_TRUE(std::equal(out.payload.begin(), out.payload.end(), payload.begin(), payload.end()));
  EXPECT_TRUE(std::all_of(page.begin() + kFrameHeaderSize + 100, page.end(),
                          [](uint8_t b) { return b == 0xFF; }))
      << "the unused rest of the page stays erased";
}

TEST(Frame, EmptyAndFullPayloads) {
  DecodedFrame out;
  ASSERT_EQ(DecodeFrame(EncodeFrame(kHeader, {}, kPage), &out), PageKind::kFrame);
  EXPECT_TRUE(out.payload.empty());
  const auto full = Payload(FramePayloadCapacity(kPage));
  ASSERT_EQ(DecodeFrame(EncodeFrame(kHeader, full, kPage), &out), PageKind::kFrame);
  EXPECT_EQ(out.payload.size(), full.size());
}

TEST(Frame, ErasedPageIsNotAFrame) {
  const std::vector<uint8_t> erased(kPage, 0xFF);
  EXPECT_EQ(DecodeFrame(erased, nullptr), PageKind::kErased);
}

TEST(Frame, EverySingleBitFlipIsDetected) {
  const auto good = EncodeFrame(kHeader, Payload(120), kPage);
  for (size_t bit = 0; bit < (kFrameHeaderSize + 120) * 8; ++bit) {
    auto page = good;
    page[bit / 8] ^= uint8_t(1u << (bit % 8));
    EXPECT_EQ(DecodeFrame(page, nullptr), PageKind::kGarbage) << "bit " << bit;
  }
}

TEST(Frame, EveryTornPrefixIsRejected) {
  const auto good = EncodeFrame(kHeader, Payload(200), kPage);
  for (size_t n = 0; n < kFrameHeaderSize + 200; ++n) {
    std::vector<uint8_t> torn(kPage, 0xFF);
    std::copy_n(good.begin(), n, torn.begin());
    if (torn == good) continue;  // the missing bytes were 0xFF anyway: nothing was lost
    EXPECT_NE(DecodeFrame(torn, nullptr), PageKind::kFrame) << "prefix of " << n << " bytes";
  }
}

TEST(Frame, TornProgramsOnSimulatedNandAreRejected) {
  // The real tear model: SimFlash lands a seeded random subset of the frame's bytes, or the
  // whole frame with unstable bits left wavering.
  const hal::FlashGeometry g{.page_size = kPage, .pages_per_block = 4, .block_count = 1,
                             .erase_endurance = 100000};
  const auto good = EncodeFrame(kHeader, Payload(180), kPage);
  int rejected = 0;
  for (uint64_t seed = 0; seed < 300; ++seed) {
    auto flash = hal::sim::SimFlash::InMemory(g, seed);
    flash->set_unstable_tears(true);
    flash->schedule_power_cut(0, seed % 2 ? hal::sim::TearMode::kRandomSubset
                                          : hal::sim::TearMode::kPrefix);
    ASSERT_EQ(flash->program(0, good), hal::FlashStatus::kPowerLost);
    flash->restore_power();
    for (int read = 0; read < 3; ++read) {
      std::vector<uint8_t> page(kPage);
      ASSERT_EQ(flash->read(0, 0, page), hal::FlashStatus::kOk);
      if (page == good) continue;
      EXPECT_NE(DecodeFrame(page, nullptr), PageKind::kFrame) << "seed " << seed;
      ++rejected;
    }
  }
  EXPECT_GT(rejected, 800) << "the tears should almost never land the whole frame";
}

TEST(Frame, RandomPagesAreNeverFrames) {
  hal::sim::SimRandom random(2024);
  std::vector<uint8_t> page(kPage);
  for (int i = 0; i < 20000; ++i) {
    random.fill(page);
    ASSERT_EQ(DecodeFrame(page, nullptr), PageKind::kGarbage) << "trial " << i;
  }
}

TEST(Frame, HeaderThatLiesAboutItsLengthIsRejected) {
  auto page = EncodeFrame(kHeader, Payload(10), kPage);
  page[6] = 0xFF;  // payload length 0x..FF, far past the page
  page[7] = 0xFF;
  EXPECT_EQ(DecodeFrame(page, nullptr), PageKind::kGarbage);
  page = EncodeFrame(kHeader, Payload(10), kPage);
  page[4] = kFrameVersion + 1;
  EXPECT_EQ(DecodeFrame(page, nullptr), PageKind::kGarbage) << "an unknown version";
  const std::vector<uint8_t> tiny(8, 0);
  EXPECT_EQ(DecodeFrame(tiny, nullptr), PageKind::kGarbage);
}

}  // namespace
}  // namespace swivel::os::storage
