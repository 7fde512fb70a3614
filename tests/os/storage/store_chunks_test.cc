// Large values are written as chunks that garbage collection moves one at a time.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

#include "os/storage/store.h"
#include "tests/os/storage/store_test_support.h"

namespace swivel::os::storage {
namespace {

using hal::sim::SimFlash;
using hal::sim::SimRandom;
using namespace test;

constexpr hal::FlashGeometry kSmall{.page_size = 512, .pages_per_block = 16, .block_count = 16,
                                    .erase_endurance = 100000};

Bytes Random(uint64_t seed, size_t size) {
  Bytes v(size);
  SimRandom(seed).fill(v);
  return v;
}

// A photo takes half the flash; small records churn around it. Inline, a block holding any
// part of the photo could never be collected or moved by wear levelling (moving what
// depends on it would cost the whole photo), so those blocks would never be erased again.
TEST(StoreChunks, AValueOfHalfTheFlashMovesWithGarbageCollectionAndWearLevelling) {
  auto flash = SimFlash::InMemory(kSmall, 1);
  auto store = MountOk(*flash, StoreOptions{.wear_threshold = 4});
  const Bytes photo = Random(1, 64 * 1024);  // 16 blocks of 8 KiB: 8 blocks' worth
  ASSERT_EQ(store->Put(3, K(100), photo), Status::kOk);
  Model model{{{3, K(100)}, photo}};
  for (const auto& t : RandomTransactions(2, 3000, WorkloadShape{.keys = 6})) {
    ASSERT_EQ(store->Commit(t), Status::kOk);
    ApplyToModel(model, t);
  }
  EXPECT_GT(store->stats().gc_runs, 100u);
  uint32_t least = UINT32_MAX;
  for (uint32_t b = 0; b < kSmall.block_count; ++b) least = std::min(least, flash->erase_count(b));
  EXPECT_GT(least, 3u) << "the photo's blocks were never moved";
  uint32_t size = 0;
  store->ForEach(3, [&](const Key& k, uint32_t s) {
    if (k == K(100)) size = s;
  });
  EXPECT_EQ(size, photo.size()) << "ForEach reports the whole value's size";
  EXPECT_EQ(Contents(*store), model);
  EXPECT_EQ(Contents(*MountOk(*flash)), model);
}

// Overwriting and erasing large values gives their chunks back: the flash never fills.
TEST(StoreChunks, OverwrittenAndErasedValuesGiveTheirSpaceBack) {
  auto flash = SimFlash::InMemory(kSmall, 2);
  auto store = MountOk(*flash);
  for (uint64_t round = 0; round < 60; ++round) {
    const Bytes v = Random(round, 20000 + round * 100);
    ASSERT_EQ(store->Put(3, K(uint16_t(round % 2)), v), Status::kOk) << "round " << round;
    if (round % 5 == 4) {
      ASSERT_EQ(store->Erase(3, K(0)), Status::kOk);
    }
    if (round % 7 == 6) store = MountOk(*flash);  // orphans must also go after a mount
  }
  EXPECT_GT(store->stats().gc_runs, 10u);
}

TEST(StoreChunks, NamespaceOfChunksIsTheStoresOwn) {
  auto flash = SimFlash::InMemory(kSmall, 3);
  auto store = MountOk(*flash);
  ASSERT_EQ(store->Put(1, K(1), Random(3, 10000)), Status::kOk);
  EXPECT_EQ(store->Put(kChunkNamespace, K(1), Bytes(3)), Status::kInvalid);
  EXPECT_EQ(store->Count(kChunkNamespace), 0u) << "chunks are not records of their own";
  Bytes v;
  EXPECT_EQ(store->Get(kChunkNamespace, K(0), &v), Status::kNotFound);
}

// Every cut point of a workload that writes, overwrites and erases chunked values: a cut
// among a value's chunks must leave the old value (or its absence) exactly as it was.
TEST(StorePowerCut, EveryCutPointWithChunkedValues) {
  const auto work = RandomTransactions(
      31, 60, WorkloadShape{.max_changes = 2, .keys = 4, .erase_chance = 0.2, .big_chance = 0.3,
                            .big_min = 4000, .big_span = 6000});
  EXPECT_GT(SweepEveryCutPoint(kSmall, work, 5), 1000u);
}

}  // namespace
}  // namespace swivel::os::storage
