#include "hal/sim/sim_flash.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <vector>

namespace swivel::hal::sim {
namespace {

using std::chrono::microseconds;

constexpr FlashGeometry kSmall{.page_size = 256, .pages_per_block = 8, .block_count = 16,
                               .erase_endurance = 5};

std::vector<uint8_t> Pattern(size_t n, uint8_t seed) {
  std::vector<uint8_t> v(n);
  for (size_t i = 0; i < n; ++i) v[i] = uint8_t(seed + i * 13);
  return v;
}

std::vector<uint8_t> ReadPage(SimFlash& f, uint64_t page) {
  std::vector<uint8_t> out(f.geometry().page_size);
  EXPECT_EQ(f.read(page, 0, out), FlashStatus::kOk);
  return out;
}

bool AllErased(const std::vector<uint8_t>& v) {
  return std::all_of(v.begin(), v.end(), [](uint8_t b) { return b == 0xFF; });
}

TEST(SimFlash, NewFlashIsErased) {
  auto f = SimFlash::InMemory(kSmall, 1);
  for (uint64_t p = 0; p < kSmall.page_count(); ++p) EXPECT_TRUE(AllErased(ReadPage(*f, p)));
}

TEST(SimFlash, ProgramThenReadBack) {
  auto f = SimFlash::InMemory(kSmall, 1);
  const auto data = Pattern(kSmall.page_size, 5);
  ASSERT_EQ(f->program(3, data), FlashStatus::kOk);
  EXPECT_EQ(ReadPage(*f, 3), data);
  std::vector<uint8_t> part(10);
  ASSERT_EQ(f->read(3, 100, part), FlashStatus::kOk);
  EXPECT_TRUE(std::equal(part.begin(), part.end(), data.begin() + 100));
}

TEST(SimFlash, ShortProgramLeavesRestOfPageErased) {
  auto f = SimFlash::InMemory(kSmall, 1);
  const auto data = Pattern(40, 9);
  ASSERT_EQ(f->program(0, data), FlashStatus::kOk);
  const auto page = ReadPage(*f, 0);
  EXPECT_TRUE(std::equal(data.begin(), data.end(), page.begin()));
  EXPECT_TRUE(AllErased({page.begin() + 40, page.end()}));
}

TEST(SimFlash, PageProgrammedOnceBetweenErases) {
  auto f = SimFlash::InMemory(kSmall, 1);
  ASSERT_EQ(f->program(0, Pattern(16, 1)), FlashStatus::kOk);
  EXPECT_EQ(f->program(0, Pattern(16, 2)), FlashStatus::kAlreadyProgrammed);
  EXPECT_EQ(ReadPage(*f, 0)[0], Pattern(16, 1)[0]) << "a refused program must change nothing";
  ASSERT_EQ(f->erase(0), FlashStatus::kOk);
  EXPECT_EQ(f->program(0, Pattern(16, 2)), FlashStatus::kOk);
}

TEST(SimFlash, PagesProgramInAscendingOrderSkippingAllowed) {
  auto f = SimFlash::InMemory(kSmall, 1);
  ASSERT_EQ(f->program(2, Pattern(8, 1)), FlashStatus::kOk);  // skipping 0 and 1 is fine
  EXPECT_EQ(f->program(1, Pattern(8, 1)), FlashStatus::kOutOfOrder);
  EXPECT_TRUE(AllErased(ReadPage(*f, 1)));
  EXPECT_EQ(f->program(3, Pattern(8, 1)), FlashStatus::kOk);
  EXPECT_EQ(f->program(kSmall.pages_per_block, Pattern(8, 1)), FlashStatus::kOk)
      << "order is per block";
}

TEST(SimFlash, EraseSetsWholeBlockToFFAndOnlyThatBlock) {
  auto f = SimFlash::InMemory(kSmall, 1);
  const auto ppb = kSmall.pages_per_block;
  for (uint32_t p = 0; p < 2 * ppb; ++p) ASSERT_EQ(f->program(p, Pattern(64, 3)), FlashStatus::kOk);
  ASSERT_EQ(f->erase(0), FlashStatus::kOk);
  for (uint32_t p = 0; p < ppb; ++p) EXPECT_TRUE(AllErased(ReadPage(*f, p)));
  EXPECT_FALSE(AllErased(ReadPage(*f, ppb))) << "the neighbour block must be untouched";
  EXPECT_EQ(f->erase_count(0), 1u);
  EXPECT_EQ(f->erase_count(1), 0u);
}

TEST(SimFlash, OutOfRangeIsAnErrorNotACrash) {
  auto f = SimFlash::InMemory(kSmall, 1);
  std::vector<uint8_t> buf(kSmall.page_size + 1);
  EXPECT_EQ(f->program(kSmall.page_count(), Pattern(4, 0)), FlashStatus::kOutOfRange);
  EXPECT_EQ(f->program(0, buf), FlashStatus::kOutOfRange);
  EXPECT_EQ(f->read(0, 0, buf), FlashStatus::kOutOfRange);
  EXPECT_EQ(f->read(0, kSmall.page_size - 1, std::span(buf).first(2)), FlashStatus::kOutOfRange);
  EXPECT_EQ(f->read(kSmall.page_count(), 0, std::span(buf).first(1)), FlashStatus::kOutOfRange);
  EXPECT_EQ(f->erase(kSmall.block_count), FlashStatus::kOutOfRange);
  EXPECT_EQ(f->mark_bad(kSmall.block_count), FlashStatus::kOutOfRange);
}

TEST(SimFlash, TimingModelAdvancesTheDeviceClock) {
  SimClock clock;
  auto f = SimFlash::InMemory(kSmall, 1, &clock);
  const auto t0 = clock.now();
  ASSERT_EQ(f->program(0, Pattern(16, 1)), FlashStatus::kOk);
  EXPECT_EQ(clock.now() - t0, microseconds(250));
  ReadPage(*f, 0);
  EXPECT_EQ(clock.now() - t0, microseconds(275));
  ASSERT_EQ(f->erase(0), FlashStatus::kOk);
  EXPECT_EQ(clock.now() - t0, microseconds(2275));
  EXPECT_EQ(f->stats().busy, microseconds(2275));
}

TEST(SimFlash, StatisticsCountPerBlock) {
  auto f = SimFlash::InMemory(kSmall, 1);
  ASSERT_EQ(f->program(kSmall.pages_per_block + 1, Pattern(100, 1)), FlashStatus::kOk);
  ReadPage(*f, kSmall.pages_per_block + 1);
  ASSERT_EQ(f->erase(1), FlashStatus::kOk);
  const auto& s = f->stats();
  EXPECT_EQ(s.programs, 1u);
  EXPECT_EQ(s.reads, 1u);
  EXPECT_EQ(s.erases, 1u);
  EXPECT_EQ(s.bytes_programmed, 100u);
  EXPECT_EQ(s.block_programs[1], 1u);
  EXPECT_EQ(s.block_reads[1], 1u);
  EXPECT_EQ(s.block_erases[1], 1u);
  EXPECT_EQ(s.block_erases[0], 0u);
  f->reset_stats();
  EXPECT_EQ(f->stats().programs, 0u);
  EXPECT_EQ(f->erase_count(1), 1u) << "wear is not a statistic: it survives a reset";
}

TEST(SimFlash, MarkedBadBlockRefusesWritesButStillReads) {
  auto f = SimFlash::InMemory(kSmall, 1);
  const auto data = Pattern(kSmall.page_size, 7);
  ASSERT_EQ(f->program(0, data), FlashStatus::kOk);
  ASSERT_EQ(f->mark_bad(0), FlashStatus::kOk);
  EXPECT_TRUE(f->is_bad(0));
  EXPECT_FALSE(f->is_bad(1));
  EXPECT_EQ(f->program(1, data), FlashStatus::kBadBlock);
  EXPECT_EQ(f->erase(0), FlashStatus::kBadBlock);
  EXPECT_EQ(ReadPage(*f, 0), data) << "data on a bad block can still be salvaged";
}

TEST(SimFlash, BlockWearsOutAfterItsEndurance) {
  auto f = SimFlash::InMemory(kSmall, 1);
  for (uint32_t i = 0; i < kSmall.erase_endurance; ++i) {
    ASSERT_EQ(f->program(0, Pattern(8, uint8_t(i))), FlashStatus::kOk);
    ASSERT_EQ(f->erase(0), FlashStatus::kOk) << "erase " << i;
  }
  ASSERT_EQ(f->program(0, Pattern(8, 42)), FlashStatus::kOk);
  EXPECT_EQ(f->erase(0), FlashStatus::kBadBlock);
  EXPECT_TRUE(f->is_bad(0));
  EXPECT_EQ(ReadPage(*f, 0)[0], Pattern(8, 42)[0]) << "a failed erase keeps the old data";
  EXPECT_EQ(f->erase_count(0), kSmall.erase_endurance);
}

// Runs `op` with a power cut scheduled on it; returns the flash for inspection.
class PowerCut : public ::testing::Test {
 protected:
  std::unique_ptr<SimFlash> f = SimFlash::InMemory(kSmall, 99);
  std::vector<uint8_t> data = Pattern(kSmall.page_size, 1);
  std::vector<uint8_t> old_block_page = Pattern(kSmall.page_size, 77);

  void CutNextWrite(TearMode mode) { f->schedule_power_cut(f->writes(), mode); }
  void FillBlock1() {
    for (uint32_t p = 0; p < kSmall.pages_per_block; ++p)
      ASSERT_EQ(f->program(kSmall.pages_per_block + p, old_block_page), FlashStatus::kOk);
  }
};

TEST_F(PowerCut, EveryOperationFailsUntilPowerReturns) {
  CutNextWrite(TearMode::kNothing);
  EXPECT_EQ(f->program(0, data), FlashStatus::kPowerLost);
  std::vector<uint8_t> out(4);
  EXPECT_EQ(f->read(1, 0, out), FlashStatus::kPowerLost);
  EXPECT_EQ(f->program(1, data), FlashStatus::kPowerLost);
  EXPECT_EQ(f->erase(2), FlashStatus::kPowerLost);
  EXPECT_EQ(f->mark_bad(2), FlashStatus::kPowerLost);
  f->restore_power();
  EXPECT_EQ(f->read(1, 0, out), FlashStatus::kOk);
  EXPECT_EQ(f->program(8, data), FlashStatus::kOk);
}

TEST_F(PowerCut, CutsTheNthWriteNotBefore) {
  f->schedule_power_cut(2, TearMode::kNothing);
  EXPECT_EQ(f->program(0, data), FlashStatus::kOk);
  EXPECT_EQ(f->program(1, data), FlashStatus::kOk);
  EXPECT_EQ(f->program(2, data), FlashStatus::kPowerLost);
  EXPECT_EQ(f->writes(), 3u);
  f->restore_power();
  EXPECT_EQ(f->program(3, data), FlashStatus::kOk) << "a cut fires once";
}

TEST_F(PowerCut, TornProgramPrefixLandsAPrefix) {
  CutNextWrite(TearMode::kPrefix);
  EXPECT_EQ(f->program(0, data), FlashStatus::kPowerLost);
  f->restore_power();
  const auto page = ReadPage(*f, 0);
  size_t landed = 0;
  while (landed < page.size() && page[landed] == data[landed]) ++landed;
  EXPECT_LT(landed, data.size());
  EXPECT_TRUE(AllErased({page.begin() + landed, page.end()})) << "only a prefix may land";
  EXPECT_EQ(f->program(0, data), FlashStatus::kAlreadyProgrammed)
      << "a torn page must never be programmed again before an erase";
}

TEST_F(PowerCut, TornProgramSubsetLandsSomeBytesOnly) {
  CutNextWrite(TearMode::kRandomSubset);
  EXPECT_EQ(f->program(0, data), FlashStatus::kPowerLost);
  f->restore_power();
  const auto page = ReadPage(*f, 0);
  size_t landed = 0, erased = 0;
  for (size_t i = 0; i < page.size(); ++i) {
    if (page[i] == data[i]) ++landed;
    else if (page[i] == 0xFF) ++erased;
    else ADD_FAILURE() << "byte " << i << " is neither old nor new";
  }
  EXPECT_GT(landed, 0u);
  EXPECT_GT(erased, 0u);
}

TEST_F(PowerCut, CompleteProgramLandsButReportsPowerLost) {
  CutNextWrite(TearMode::kComplete);
  EXPECT_EQ(f->program(0, data), FlashStatus::kPowerLost);
  f->restore_power();
  EXPECT_EQ(ReadPage(*f, 0), data);
}

TEST_F(PowerCut, TornEraseNothingKeepsTheBlock) {
  FillBlock1();
  CutNextWrite(TearMode::kNothing);
  EXPECT_EQ(f->erase(1), FlashStatus::kPowerLost);
  f->restore_power();
  EXPECT_EQ(ReadPage(*f, kSmall.pages_per_block), old_block_page);
}

TEST_F(PowerCut, HalfEraseLeavesBlockPartlyErasedAndUnprogrammable) {
  FillBlock1();
  CutNextWrite(TearMode::kRandomSubset);
  EXPECT_EQ(f->erase(1), FlashStatus::kPowerLost);
  f->restore_power();
  size_t erased_bytes = 0, old_bytes = 0;
  for (uint32_t p = 0; p < kSmall.pages_per_block; ++p) {
    const auto page = ReadPage(*f, kSmall.pages_per_block + p);
    for (size_t i = 0; i < page.size(); ++i) (page[i] == 0xFF ? erased_bytes : old_bytes) += 1;
  }
  EXPECT_GT(erased_bytes, 0u);
  EXPECT_GT(old_bytes, 0u);
  EXPECT_NE(f->program(kSmall.pages_per_block, data), FlashStatus::kOk)
      << "a half-erased block needs a new erase before it takes data";
  EXPECT_EQ(f->erase(1), FlashStatus::kOk);
  EXPECT_EQ(f->program(kSmall.pages_per_block, data), FlashStatus::kOk);
}

TEST_F(PowerCut, HalfErasePrefixErasesLeadingPagesOnly) {
  FillBlock1();
  CutNextWrite(TearMode::kPrefix);
  EXPECT_EQ(f->erase(1), FlashStatus::kPowerLost);
  f->restore_power();
  bool seen_old = false;
  for (uint32_t p = 0; p < kSmall.pages_per_block; ++p) {
    const auto page = ReadPage(*f, kSmall.pages_per_block + p);
    if (page == old_block_page) seen_old = true;
    else EXPECT_FALSE(seen_old) << "erased page " << p << " after an unerased one";
  }
  EXPECT_TRUE(seen_old) << "a torn erase must not finish the block";
}

TEST_F(PowerCut, TearsReproduceFromTheSeed) {
  auto run = [&](uint64_t seed) {
    auto flash = SimFlash::InMemory(kSmall, seed);
    flash->schedule_power_cut(0, TearMode::kRandomSubset);
    EXPECT_EQ(flash->program(0, data), FlashStatus::kPowerLost);
    flash->restore_power();
    return ReadPage(*flash, 0);
  };
  EXPECT_EQ(run(5), run(5));
  EXPECT_NE(run(5), run(6));
}

TEST(SimFlashBitFlips, ReadFlipsAreSeededAndNeverStored) {
  auto f = SimFlash::InMemory(kSmall, 3);
  const auto data = Pattern(kSmall.page_size, 11);
  ASSERT_EQ(f->program(0, data), FlashStatus::kOk);
  f->set_read_flip_probability(1.0);
  const auto flipped = ReadPage(*f, 0);
  int differing_bits = 0;
  for (size_t i = 0; i < data.size(); ++i)
    differing_bits += __builtin_popcount(unsigned(data[i] ^ flipped[i]));
  EXPECT_EQ(differing_bits, 1);
  f->set_read_flip_probability(0.0);
  EXPECT_EQ(ReadPage(*f, 0), data) << "a read flip is in the returned bytes only";
}

TEST(SimFlashBitFlips, FlipRateFollowsProbability) {
  auto f = SimFlash::InMemory(kSmall, 4);
  const auto data = Pattern(kSmall.page_size, 11);
  ASSERT_EQ(f->program(0, data), FlashStatus::kOk);
  f->set_read_flip_probability(0.1);
  int flipped_reads = 0;
  for (int i = 0; i < 2000; ++i) flipped_reads += ReadPage(*f, 0) != data;
  EXPECT_NEAR(flipped_reads / 2000.0, 0.1, 0.03);
}

TEST(SimFlashBitFlips, StoredFlipPersists) {
  auto f = SimFlash::InMemory(kSmall, 4);
  const auto data = Pattern(kSmall.page_size, 11);
  ASSERT_EQ(f->program(0, data), FlashStatus::kOk);
  f->flip_stored_bit(0, 9);
  auto expected = data;
  expected[1] ^= 0x02;
  EXPECT_EQ(ReadPage(*f, 0), expected);
  EXPECT_EQ(ReadPage(*f, 0), expected);
}

}  // namespace
}  // namespace swivel::hal::sim

namespace swivel::hal::sim {
namespace {

// Reads `page` n times and returns the distinct results.
std::vector<std::vector<uint8_t>> DistinctReads(SimFlash& f, uint64_t page, int n) {
  std::vector<std::vector<uint8_t>> seen;
  for (int i = 0; i < n; ++i) {
    auto r = ReadPage(f, page);
    if (std::find(seen.begin(), seen.end(), r) == seen.end()) seen.push_back(std::move(r));
  }
  return seen;
}

TEST(SimFlashUnstableBits, TornPageWaversBetweenOldAndNewBits) {
  auto f = SimFlash::InMemory(kSmall, 8);
  f->set_unstable_tears(true);
  const auto data = Pattern(kSmall.page_size, 1);
  f->schedule_power_cut(0, TearMode::kPrefix);
  ASSERT_EQ(f->program(0, data), FlashStatus::kPowerLost);
  f->restore_power();
  const auto reads = DistinctReads(*f, 0, 20);
  EXPECT_GT(reads.size(), 1u) << "a torn page must not read the same every time";
  for (const auto& r : reads)
    for (size_t i = 0; i < r.size(); ++i) {
      // Every bit is either what was there (1, erased) or what was being written.
      const uint8_t old_bits = 0xFF, new_bits = data[i];
      EXPECT_EQ(r[i] & ~(old_bits | new_bits), 0) << "byte " << i;
      EXPECT_EQ(~r[i] & old_bits & new_bits & 0xFF, 0) << "byte " << i;
    }
  ASSERT_EQ(f->erase(0), FlashStatus::kOk);
  ASSERT_EQ(f->program(0, data), FlashStatus::kOk);
  EXPECT_EQ(DistinctReads(*f, 0, 20).size(), 1u) << "an erase makes the block stable again";
}

TEST(SimFlashUnstableBits, HalfErasedBlockWavers) {
  auto f = SimFlash::InMemory(kSmall, 8);
  f->set_unstable_tears(true);
  ASSERT_EQ(f->program(0, Pattern(kSmall.page_size, 3)), FlashStatus::kOk);
  f->schedule_power_cut(f->writes(), TearMode::kRandomSubset);
  ASSERT_EQ(f->erase(0), FlashStatus::kPowerLost);
  f->restore_power();
  EXPECT_GT(DistinctReads(*f, 0, 20).size(), 1u);
}

TEST(SimFlashUnstableBits, OffByDefault) {
  auto f = SimFlash::InMemory(kSmall, 8);
  f->schedule_power_cut(0, TearMode::kPrefix);
  ASSERT_EQ(f->program(0, Pattern(kSmall.page_size, 1)), FlashStatus::kPowerLost);
  f->restore_power();
  EXPECT_EQ(DistinctReads(*f, 0, 20).size(), 1u);
}

}  // namespace
}  // namespace swivel::hal::sim
