#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

#include "hal/sim/sim_flash.h"
#include "hal/sim/sim_random.h"
#include "os/storage/frame.h"
#include "os/storage/log.h"
#include "os/storage/store.h"
#include "tests/os/storage/store_test_support.h"

namespace swivel::os::storage {
namespace {

using hal::sim::SimFlash;
using hal::sim::SimRandom;
using hal::sim::TearMode;
using namespace test;

// Small enough that every few commits need a collection.
constexpr hal::FlashGeometry kSmall{.page_size = 512, .pages_per_block = 16, .block_count = 12,
                                    .erase_endurance = 100000};

// Random puts and erases over a few keys: most data goes stale fast.
std::vector<Transaction> Churn(uint64_t seed, int count, uint16_t keys) {
  return RandomTransactions(seed, count, WorkloadShape{.keys = keys});
}

TEST(StoreGc, OverwritesNeverFillTheStore) {
  auto flash = SimFlash::InMemory(kSmall, 1);
  auto store = MountOk(*flash);
  Model model;
  const auto work = Churn(1, 3000, 10);  // many times what the flash holds
  for (const auto& t : work) {
    ASSERT_EQ(store->Commit(t), Status::kOk);
    ApplyToModel(model, t);
  }
  EXPECT_GT(store->stats().gc_runs, 100u);
  EXPECT_EQ(Contents(*store), model);
  // The statistics agree with what the flash itself counted.
  const auto& st = store->stats();
  EXPECT_EQ(st.pages_programmed(), flash->stats().programs);
  EXPECT_EQ(st.erases, flash->stats().erases);
  for (uint32_t b = 0; b < kSmall.block_count; ++b)
    EXPECT_EQ(store->erase_count(b), flash->erase_count(b)) << "block " << b;
  store = MountOk(*flash);
  EXPECT_EQ(Contents(*store), model);
}

TEST(StoreGc, DeletedKeysStayDeletedThroughCollectionsAndMounts) {
  auto flash = SimFlash::InMemory(kSmall, 2);
  Model model;
  {
    auto store = MountOk(*flash);
    for (uint16_t k = 0; k < 20; ++k) {
      ASSERT_EQ(store->Put(0, K(k), Bytes(60, uint8_t(k))), Status::kOk);
      model[{0, K(k)}] = Bytes(60, uint8_t(k));
    }
    for (uint16_t k = 0; k < 20; k += 2) {
      ASSERT_EQ(store->Erase(0, K(k)), Status::kOk);
      model.erase({0, K(k)});
    }
  }
  // Churn in another namespace, remounting now and then, so every block is collected
  // many times over, the oldest ones included.
  for (int round = 0; round < 20; ++round) {
    auto store = MountOk(*flash);
    for (const auto& t : Churn(100 + round, 150, 6)) {
      auto moved = t;
      for (auto& c : moved) c.ns = 1;
      ASSERT_EQ(store->Commit(moved), Status::kOk);
      ApplyToModel(model, moved);
    }
  }
  auto store = MountOk(*flash);
  EXPECT_EQ(Contents(*store), model) << "a deleted key came back, or a live one was lost";
}

TEST(StoreGc, WearStaysEvenWithColdData) {
  auto flash = SimFlash::InMemory(kSmall, 3);
  StoreOptions options;
  options.wear_threshold = 4;
  auto store = MountOk(*flash, options);
  for (uint16_t k = 0; k < 12; ++k)  // cold: written once, never again
    ASSERT_EQ(store->Put(2, K(k), Bytes(150, 1)), Status::kOk);
  for (const auto& t : Churn(4, 6000, 4)) ASSERT_EQ(store->Commit(t), Status::kOk);
  uint32_t lo = UINT32_MAX, hi = 0;
  for (uint32_t b = 0; b < kSmall.block_count; ++b) {
    lo = std::min(lo, flash->erase_count(b));
    hi = std::max(hi, flash->erase_count(b));
  }
  std::printf("erase counts after churn: min %u max %u\n", lo, hi);
  EXPECT_GT(lo, 20u) << "cold data pinned a block: it was hardly ever erased";
  EXPECT_LE(hi - lo, options.wear_threshold + 4u);
}

// Free blocks carry no frame, so a mount cannot read their erase counts; it must not take
// them for fresh blocks (0), or every remount would hand the most worn blocks out first.
TEST(StoreGc, AMountEstimatesFreeBlocksWearFromTheOthers) {
  auto flash = SimFlash::InMemory(kSmall, 4);
  {
    auto store = MountOk(*flash);
    for (const auto& t : Churn(6, 4000, 6)) ASSERT_EQ(store->Commit(t), Status::kOk);
  }
  const LogScan scan = ScanLog(*flash);
  ASSERT_FALSE(scan.free_blocks.empty());
  uint32_t lo = UINT32_MAX, hi = 0;
  for (uint32_t b : scan.log_blocks) {
    lo = std::min(lo, scan.erase_counts[b]);
    hi = std::max(hi, scan.erase_counts[b]);
  }
  ASSERT_GT(lo, 5u);
  for (uint32_t b : scan.free_blocks) {
    EXPECT_GE(scan.erase_counts[b], lo) << "block " << b;
    EXPECT_LE(scan.erase_counts[b], hi) << "block " << b;
  }
}

// Many thousands of random operations on a small store that collects constantly, with
// remounts and power cuts at random, checked against a model after every mount. A cut commit may land or not, but
// the model learns which from the store only for the one commit in flight.
TEST(StoreModel, RandomOperationsPowerCutsAndRemounts) {
  SimRandom random(31337);
  auto flash = SimFlash::InMemory(kSmall, 7);
  flash->set_unstable_tears(true);
  Model model;
  auto store = MountOk(*flash);
  uint64_t ops = 0, cuts = 0, mounts = 1, collections = 0, fulls = 0;
  for (; ops < 30000; ++ops) {
    if (random.chance(0.01)) {  // a battery pull somewhere in the next few writes
      flash->schedule_power_cut(flash->writes() + random.uniform(6),
                                TearMode(random.uniform(4)));
    }
    std::vector<Change> t(1 + random.uniform(3));
    for (auto& c : t) {
      c.ns = uint8_t(random.uniform(3));
      c.key = K(uint16_t(random.uniform(40)));
      if (random.chance(0.3)) {
        c.op = RecordOp::kErase;
      } else {
        c.value.resize(random.uniform(random.chance(0.05) ? 600 : 90));
        random.fill(c.value);
      }
    }
    const Status s = store->Commit(t);
    if (s == Status::kOk) {
      ApplyToModel(model, t);
    } else if (s == Status::kPowerLost) {
      ++cuts;
      collections += store->stats().gc_runs;
      flash->cancel_power_cut();
      flash->restore_power();
      store = MountOk(*flash);
      ++mounts;
      Model with = model;
      ApplyToModel(with, t);
      const Model found = Contents(*store);
      ASSERT_TRUE(found == model || found == with) << "after cut " << cuts << ", op " << ops;
      model = found;
    } else {
      ASSERT_EQ(s, Status::kFull) << "op " << ops;
      ++fulls;
    }
    if (random.chance(0.02)) {
      collections += store->stats().gc_runs;
      store = MountOk(*flash);
      ++mounts;
      ASSERT_EQ(Contents(*store), model) << "after a clean remount, op " << ops;
    }
  }
  std::printf("model test: %llu operations, %llu power cuts, %llu mounts, %llu refused as full, "
              "%llu collections\n",
              (unsigned long long)ops, (unsigned long long)cuts, (unsigned long long)mounts,
              (unsigned long long)fulls,
              (unsigned long long)(collections + store->stats().gc_runs));
  EXPECT_GT(cuts, 100u);
  // 40 keys of at most 600 bytes fit easily: refusing commits here means GC gave up early,
  // or (as once happened) cuts in the middle of collections ate the reserve until GC had no
  // page left to copy into.
  EXPECT_LT(fulls, ops / 100) << fulls << " commits were refused as full";
  EXPECT_GT(collections, 1000u) << "the store must be full enough to collect often";
}

TEST(StorePowerCut, EveryCutPointThroughGcSummariesAndChunks) {
  // Six blocks: collections (and block summaries) come every few commits.
  constexpr hal::FlashGeometry kTiny{.page_size = 512, .pages_per_block = 16, .block_count = 6,
                                     .erase_endurance = 100000};
  // Mixed transactions; some values span several frames, and some are large enough to be
  // written as chunks (more than kInlineFrames frames: photos' shape).
  const auto work = RandomTransactions(
      2027, 620, WorkloadShape{.max_changes = 3, .keys = 8, .big_chance = 0.08, .big_min = 600,
                               .big_span = 4400});
  size_t chunked = 0;
  for (const auto& t : work)
    for (const auto& c : t)
      chunked += c.value.size() > kInlineFrames * FramePayloadCapacity(kTiny.page_size);
  ASSERT_GT(chunked, 10u) << "the workload must write values as chunks";
  {
    auto flash = SimFlash::InMemory(kTiny, 1);
    auto store = MountOk(*flash);
    for (const auto& t : work) ASSERT_EQ(store->Commit(t), Status::kOk);
    ASSERT_GT(store->stats().gc_runs, 30u) << "the workload must exercise collection";
    ASSERT_GT(store->stats().summary_pages, 40u) << "and close blocks with summaries";
  }
  EXPECT_GT(SweepEveryCutPoint(kTiny, work, 10), 5000u);
}

}  // namespace
}  // namespace swivel::os::storage
