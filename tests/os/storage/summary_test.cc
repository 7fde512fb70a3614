#include "os/storage/summary.h"

#include <gtest/gtest.h>

#include "hal/sim/sim_flash.h"
#include "hal/sim/sim_random.h"
#include "os/storage/log.h"

namespace swivel::os::storage {
namespace {

std::vector<FrameSummary> SomeFrames(uint64_t seed, size_t count) {
  hal::sim::SimRandom random(seed);
  std::vector<FrameSummary> frames(count);
  for (size_t i = 0; i < count; ++i) {
    auto& f = frames[i];
    f.page = uint32_t(i * 2);
    f.header = {random.chance(0.5), 100 + i, 100 + i - random.uniform(3), 0, false};
    f.entries.resize(random.uniform(5));
    for (auto& e : f.entries) {
      e.op = random.chance(0.3) ? RecordOp::kErase : RecordOp::kPut;
      e.ns = uint8_t(random.uniform(256));
      random.fill(e.key);
      e.value_size = uint32_t(random.uniform(kMaxValueSize + 1ull));
      e.offset = uint32_t(random.uniform(2000));
    }
  }
  return frames;
}

std::optional<std::vector<FrameSummary>> Decode(const std::vector<std::vector<uint8_t>>& pages) {
  const std::vector<std::span<const uint8_t>> spans(pages.begin(), pages.end());
  return DecodeSummary(spans);
}

TEST(Summary, RoundTripsOverSeveralPages) {
  const auto frames = SomeFrames(1, 40);
  const auto pages = EncodeSummary(frames, 512);
  ASSERT_GT(pages.size(), 2u);
  for (const auto& p : pages) EXPECT_LE(p.size(), FramePayloadCapacity(512));
  EXPECT_EQ(SummaryPageCount(pages.back()), pages.size());
  EXPECT_FALSE(SummaryPageCount(pages.front())) << "only the last page names the count";
  EXPECT_EQ(Decode(pages), frames);
  size_t bytes = kSummaryStart;
  for (const auto& f : frames) bytes += SummaryBytesOf(f.entries.size());
  EXPECT_EQ(SummaryPages(bytes, 512), pages.size()) << "the writer's estimate must be exact";
}

TEST(Summary, AnythingDamagedOrOutOfOrderIsRefused) {
  const auto pages = EncodeSummary(SomeFrames(2, 40), 512);
  auto swapped = pages;
  std::swap(swapped[0], swapped[1]);
  EXPECT_FALSE(Decode(swapped));
  auto missing = pages;
  missing.erase(missing.begin());
  EXPECT_FALSE(Decode(missing));
  hal::sim::SimRandom random(3);
  for (int i = 0; i < 2000; ++i) {  // random damage: refused or decoded, never a crash
    auto bad = pages;
    auto& p = bad[random.uniform(bad.size())];
    p[random.uniform(p.size())] ^= uint8_t(1 + random.uniform(255));
    if (random.chance(0.3)) p.resize(random.uniform(p.size()));
    (void)Decode(bad);
  }
}

// The summaries a mount reads say exactly what reading every page says.
TEST(Summary, ScanBySummariesMatchesAFullScanAndReadsFarLess) {
  constexpr hal::FlashGeometry g{.page_size = 512, .pages_per_block = 16, .block_count = 64,
                                 .erase_endurance = 100000};
  auto flash = hal::sim::SimFlash::InMemory(g, 1);
  hal::sim::SimRandom random(4);
  {
    LogWriter writer(*flash, ScanLog(*flash));
    for (int t = 0; t < 300; ++t) {
      std::vector<Change> changes(1 + random.uniform(3));
      for (auto& c : changes) {
        c.key[0] = uint8_t(random.uniform(50));
        c.value.resize(random.chance(0.1) ? 1500 : random.uniform(100));
        if (random.chance(0.2)) c.op = RecordOp::kErase, c.value.clear();
      }
      ASSERT_EQ(writer.Append(PackTransaction(changes, FramePayloadCapacity(g.page_size))),
                Status::kOk);
    }
    EXPECT_GT(writer.summary_pages_written(), 10u);
  }
  const LogScan fast = ScanLog(*flash), full = ScanLog(*flash, /*keep_values=*/true);
  ASSERT_EQ(fast.status, Status::kOk);
  ASSERT_EQ(fast.transactions.size(), full.transactions.size());
  for (size_t i = 0; i < fast.transactions.size(); ++i) {
    const auto& a = fast.transactions[i];
    const auto& b = full.transactions[i];
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.pages, b.pages);
    ASSERT_EQ(a.entries.size(), b.entries.size());
    for (size_t k = 0; k < a.entries.size(); ++k) {
      EXPECT_EQ(a.entries[k].key, b.entries[k].key);
      EXPECT_EQ(a.entries[k].frame, b.entries[k].frame);
      EXPECT_EQ(a.entries[k].offset, b.entries[k].offset);
      EXPECT_EQ(a.entries[k].value_size, b.entries[k].value_size);
    }
  }
  EXPECT_EQ(fast.log_blocks, full.log_blocks);
  EXPECT_EQ(fast.next_sequence, full.next_sequence);
  EXPECT_LT(fast.pages_read * 3, full.pages_read) << "summaries must save most page reads";
}

}  // namespace
}  // namespace swivel::os::storage
