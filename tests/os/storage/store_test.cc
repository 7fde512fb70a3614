#include "os/storage/frame.h"
#include "os/storage/store.h"

#include <gtest/gtest.h>

#include <algorithm>

#include <cstdio>
#include <map>
#include <optional>
#include <vector>

#include "hal/sim/sim_flash.h"
#include "hal/sim/sim_random.h"
#include "tests/os/storage/store_test_support.h"

namespace swivel::os::storage {
namespace {

using hal::sim::SimFlash;
using hal::sim::SimRandom;
using hal::sim::TearMode;
using namespace test;

constexpr hal::FlashGeometry kGeometry{.page_size = 256, .pages_per_block = 8,
                                       .block_count = 64, .erase_endurance = 100000};

Bytes Value(size_t n, uint8_t seed) {
  Bytes v(n);
  for (size_t i = 0; i < n; ++i) v[i] = uint8_t(seed + i * 3);
  return v;
}

class StoreTest : public ::testing::Test {
 protected:
  std::unique_ptr<SimFlash> flash = SimFlash::InMemory(kGeometry, 1);
  std::unique_ptr<Store> store = MountOk(*flash);
};

TEST_F(StoreTest, PutGetOverwriteErase) {
  Bytes v;
  EXPECT_EQ(store->Get(1, K(1), &v), Status::kNotFound);
  ASSERT_EQ(store->Put(1, K(1), Value(40, 1)), Status::kOk);
  ASSERT_EQ(store->Get(1, K(1), &v), Status::kOk);
  EXPECT_EQ(v, Value(40, 1));
  ASSERT_EQ(store->Put(1, K(1), Value(7, 2)), Status::kOk);
  ASSERT_EQ(store->Get(1, K(1), &v), Status::kOk);
  EXPECT_EQ(v, Value(7, 2));
  EXPECT_EQ(store->Get(2, K(1), &v), Status::kNotFound) << "namespaces are separate";
  ASSERT_EQ(store->Erase(1, K(1)), Status::kOk);
  EXPECT_EQ(store->Get(1, K(1), &v), Status::kNotFound);
  EXPECT_FALSE(store->Contains(1, K(1)));
}

TEST_F(StoreTest, ErasingAnAbsentKeyWritesNothing) {
  const auto programs = flash->stats().programs;
  EXPECT_EQ(store->Erase(0, K(7)), Status::kOk);
  EXPECT_EQ(flash->stats().programs, programs);
}

TEST_F(StoreTest, TransactionAppliesAllAndLastChangeWins) {
  ASSERT_EQ(store->Put(0, K(9), Value(5, 9)), Status::kOk);
  const std::vector<Change> t{{RecordOp::kPut, 0, K(1), Value(10, 1)},
                              {RecordOp::kPut, 0, K(1), Value(11, 2)},
                              {RecordOp::kErase, 0, K(9), {}},
                              {RecordOp::kPut, 3, K(2), Value(12, 3)}};
  ASSERT_EQ(store->Commit(t), Status::kOk);
  Model expected;
  expected[{0, K(1)}] = Value(11, 2);
  expected[{3, K(2)}] = Value(12, 3);
  EXPECT_EQ(Contents(*store), expected);
}

TEST_F(StoreTest, ForEachVisitsOneNamespaceInKeyOrder) {
  for (uint8_t n : {uint8_t{5}, uint8_t{1}, uint8_t{9}, uint8_t{3}})
    ASSERT_EQ(store->Put(2, K(n), Value(n, n)), Status::kOk);
  ASSERT_EQ(store->Put(1, K(0), Value(1, 1)), Status::kOk);
  ASSERT_EQ(store->Put(3, K(0), Value(1, 1)), Status::kOk);
  std::vector<uint8_t> keys;
  store->ForEach(2, [&](const Key& k, uint32_t size) {
    keys.push_back(k[15]);
    EXPECT_EQ(size, k[15]);
  });
  EXPECT_EQ(keys, (std::vector<uint8_t>{1, 3, 5, 9}));
  EXPECT_EQ(store->Count(2), 4u);
}

TEST_F(StoreTest, ForEachAfterResumesAfterAKeyAndStopsWhenTold) {
  for (uint8_t n : {uint8_t{5}, uint8_t{1}, uint8_t{9}, uint8_t{3}, uint8_t{7}})
    ASSERT_EQ(store->Put(2, K(n), Value(n, n)), Status::kOk);
  ASSERT_EQ(store->Put(3, K(0), Value(1, 1)), Status::kOk);
  auto walk = [&](std::optional<Key> after, size_t at_most) {
    std::vector<uint8_t> keys;
    store->ForEachAfter(2, after, [&](const Key& k, uint32_t size) {
      EXPECT_EQ(size, k[15]);
      keys.push_back(k[15]);
      return keys.size() < at_most;
    });
    return keys;
  };
  EXPECT_EQ(walk(std::nullopt, 10), (std::vector<uint8_t>{1, 3, 5, 7, 9}));
  EXPECT_EQ(walk(K(3), 10), (std::vector<uint8_t>{5, 7, 9})) << "after the key, not from it";
  EXPECT_EQ(walk(K(4), 10), (std::vector<uint8_t>{5, 7, 9})) << "after a key not stored";
  EXPECT_EQ(walk(K(1), 2), (std::vector<uint8_t>{3, 5})) << "stops when visit says so";
  EXPECT_EQ(walk(K(9), 10), std::vector<uint8_t>{}) << "nothing after the last key";
}

TEST_F(StoreTest, LargeValueRoundTripsAcrossBlocks) {
  const Bytes photo = Value(20000, 7);  // ~90 frames, ~11 blocks of this geometry
  ASSERT_EQ(store->Put(4, K(1), photo), Status::kOk);
  ASSERT_EQ(store->Put(4, K(2), Value(3, 3)), Status::kOk);
  store = MountOk(*flash);
  Bytes v;
  ASSERT_EQ(store->Get(4, K(1), &v), Status::kOk);
  EXPECT_EQ(v, photo);
}

TEST_F(StoreTest, RemountFindsExactlyWhatWasCommitted) {
  Model model;
  SimRandom random(5);
  for (int i = 0; i < 200; ++i) {
    const auto ns = uint8_t(random.uniform(3));
    const auto key = K(uint8_t(random.uniform(20)));
    if (random.chance(0.2)) {
      ASSERT_EQ(store->Erase(ns, key), Status::kOk);
      model.erase({ns, key});
    } else {
      Bytes v(random.uniform(150));
      random.fill(v);
      ASSERT_EQ(store->Put(ns, key, v), Status::kOk);
      model[{ns, key}] = v;
    }
  }
  EXPECT_EQ(Contents(*store), model);
  store = MountOk(*flash);
  EXPECT_EQ(Contents(*store), model);
}

// The largest value there is, on the handset's own flash: a 16 MiB photo.
TEST(StoreLargest, A16MiBValueRoundTripsOnA64MiBFlash) {
  auto flash = SimFlash::InMemory(hal::FlashGeometry{}, 1);
  auto store = MountOk(*flash);
  Bytes photo(kMaxValueSize);
  hal::sim::SimRandom(16).fill(photo);
  ASSERT_EQ(store->Put(5, K(1), photo), Status::kOk);
  Bytes v;
  ASSERT_EQ(store->Get(5, K(1), &v), Status::kOk);
  EXPECT_TRUE(v == photo);
  store = MountOk(*flash);
  ASSERT_EQ(store->Get(5, K(1), &v), Status::kOk);
  EXPECT_TRUE(v == photo) << "lost across a mount";
  // Five photos' worth (80 MiB) through a 64 MiB flash: overwritten chunks come back to GC.
  for (uint8_t round = 0; round < 4; ++round) {
    photo[round] ^= 0xFF;
    ASSERT_EQ(store->Put(5, K(1), photo), Status::kOk) << "round " << int(round);
  }
  ASSERT_EQ(store->Get(5, K(1), &v), Status::kOk);
  EXPECT_TRUE(v == photo);
  EXPECT_GT(store->stats().gc_runs, 100u);
}

TEST_F(StoreTest, TooLargeIsRefused) {
  EXPECT_EQ(store->Put(0, K(1), Bytes(kMaxValueSize + 1)), Status::kTooLarge);
  EXPECT_EQ(store->Count(0), 0u);
}

TEST_F(StoreTest, FullStoreSaysSoAndKeepsEverything) {
  Model model;
  Status s = Status::kOk;
  for (uint16_t i = 0; s == Status::kOk; ++i) {  // every key new: all data stays live
    const auto v = Value(150, uint8_t(i));
    s = store->Put(0, K(i), v);
    if (s == Status::kOk) model[{0, K(i)}] = v;
  }
  EXPECT_EQ(s, Status::kFull);
  EXPECT_EQ(Contents(*store), model);
  EXPECT_EQ(store->Put(0, K(1), Value(1, 1)), Status::kFull);
  store = MountOk(*flash);
  EXPECT_EQ(Contents(*store), model) << "a full store keeps what it had across a mount";
}

TEST_F(StoreTest, ReadBitFlipsAreReadErrorsNeverData) {
  ASSERT_EQ(store->Put(0, K(1), Value(100, 1)), Status::kOk);
  flash->set_read_flip_probability(1.0);  // one flipped bit somewhere in every page read
  Bytes v;
  int errors = 0;
  for (int i = 0; i < 200; ++i) {
    const Status s = store->Get(0, K(1), &v);
    // A flip in the page's unused 0xFF tail touches no data; anywhere else it must be caught.
    if (s == Status::kOk) EXPECT_EQ(v, Value(100, 1)) << "wrong data returned";
    else EXPECT_EQ(s, Status::kCorrupt);
    errors += s == Status::kCorrupt;
  }
  // The frame fills 160 of the 256 bytes, so about 5 reads in 8 hit it, and a Get fails
  // only when all its three tries do: about a quarter of them.
  EXPECT_GT(errors, 20);
  EXPECT_LT(errors, 100) << "reads are tried again before they count as errors";
  flash->set_read_flip_probability(0.0);
  ASSERT_EQ(store->Get(0, K(1), &v), Status::kOk);
  EXPECT_EQ(v, Value(100, 1));
}

// A frame that passes its CRC but claims a sequence near 2^64 (crafted, or a bug) once made
// the next sequence wrap, so later commits sorted before older frames and lost to them.
TEST_F(StoreTest, AnImplausibleSequenceOnFlashIsNotTakenAsLogData) {
  for (uint8_t i = 1; i <= 5; ++i) ASSERT_EQ(store->Put(0, K(1), Bytes(10, i)), Status::kOk);
  store.reset();
  const uint64_t last = kGeometry.page_count() - 1;
  ASSERT_EQ(flash->program(last - kGeometry.pages_per_block + 1,
                           EncodeFrame({true, UINT64_MAX, UINT64_MAX, 0}, {}, kGeometry.page_size)),
            hal::FlashStatus::kOk);
  store = MountOk(*flash);
  ASSERT_EQ(store->Put(0, K(1), Bytes(10, 9)), Status::kOk);
  store = MountOk(*flash);
  Bytes v;
  ASSERT_EQ(store->Get(0, K(1), &v), Status::kOk);
  EXPECT_EQ(v, Bytes(10, 9)) << "a committed put lost to an older one";
}

TEST_F(StoreTest, StoredCorruptionIsDetected) {
  ASSERT_EQ(store->Put(0, K(1), Value(100, 1)), Status::kOk);
  uint64_t page = 0;
  while (!flash->is_programmed(page)) ++page;
  flash->flip_stored_bit(page, 8 * 60 + 3);  // inside the value
  Bytes v;
  EXPECT_EQ(store->Get(0, K(1), &v), Status::kCorrupt);
  EXPECT_EQ(store->Get(0, K(1), &v), Status::kCorrupt) << "nothing older to go back to";
  EXPECT_EQ(store->stats().repairs, 0u);
}

// The page holding a key's newest value (one value per page here).
uint64_t PageOf(SimFlash& flash, Store& store, const Key& key, const Bytes& value) {
  (void)store;
  for (uint64_t p = flash.geometry().page_count(); p-- > 0;) {
    if (!flash.is_programmed(p)) continue;
    const auto bytes = flash.image().page(p);
    if (std::search(bytes.begin(), bytes.end(), value.begin(), value.end()) != bytes.end() &&
        std::search(bytes.begin(), bytes.end(), key.begin(), key.end()) != bytes.end())
      return p;
  }
  return UINT64_MAX;
}

TEST_F(StoreTest, CorruptNewestValueIsAReadErrorThenThePreviousValueIsBack) {
  ASSERT_EQ(store->Put(0, K(1), Value(100, 1)), Status::kOk);
  ASSERT_EQ(store->Put(0, K(1), Value(100, 2)), Status::kOk);
  flash->flip_stored_bit(PageOf(*flash, *store, K(1), Value(100, 2)), 8 * 60 + 3);
  Bytes v;
  EXPECT_EQ(store->Get(0, K(1), &v), Status::kCorrupt) << "never data, not even older data";
  EXPECT_EQ(store->stats().repairs, 1u);
  ASSERT_EQ(store->Get(0, K(1), &v), Status::kOk);
  EXPECT_EQ(v, Value(100, 1));
  store = MountOk(*flash);
  ASSERT_EQ(store->Get(0, K(1), &v), Status::kOk) << "the repair is durable";
  EXPECT_EQ(v, Value(100, 1));
}

// The same when the damaged frame sits in a block closed by a summary, which still lists it.
TEST_F(StoreTest, CorruptNewestValueInAClosedBlockIsRepairedToo) {
  ASSERT_EQ(store->Put(0, K(1), Value(100, 1)), Status::kOk);
  ASSERT_EQ(store->Put(0, K(1), Value(100, 2)), Status::kOk);
  for (uint16_t i = 0; i < 20; ++i) ASSERT_EQ(store->Put(1, K(i), Value(100, 9)), Status::kOk);
  ASSERT_GT(store->stats().summary_pages, 0u);
  flash->flip_stored_bit(PageOf(*flash, *store, K(1), Value(100, 2)), 8 * 60 + 3);
  store = MountOk(*flash);  // mounts from the summary, which still lists the frame
  Bytes v;
  EXPECT_EQ(store->Get(0, K(1), &v), Status::kCorrupt);
  ASSERT_EQ(store->Get(0, K(1), &v), Status::kOk);
  EXPECT_EQ(v, Value(100, 1));
}

TEST_F(StoreTest, CorruptValueWrittenAfterAnEraseGoesBackToAbsent) {
  ASSERT_EQ(store->Put(0, K(1), Value(100, 1)), Status::kOk);
  ASSERT_EQ(store->Erase(0, K(1)), Status::kOk);
  ASSERT_EQ(store->Put(0, K(1), Value(100, 2)), Status::kOk);
  flash->flip_stored_bit(PageOf(*flash, *store, K(1), Value(100, 2)), 8 * 60 + 3);
  Bytes v;
  EXPECT_EQ(store->Get(0, K(1), &v), Status::kCorrupt);
  EXPECT_EQ(store->Get(0, K(1), &v), Status::kNotFound) << "the erased value must not return";
}

TEST_F(StoreTest, AfterPowerLossTheStoreRefusesUntilMountedAgain) {
  ASSERT_EQ(store->Put(0, K(1), Value(10, 1)), Status::kOk);
  flash->schedule_power_cut(flash->writes(), TearMode::kComplete);
  EXPECT_EQ(store->Put(0, K(2), Value(10, 2)), Status::kPowerLost);
  flash->restore_power();
  Bytes v;
  EXPECT_EQ(store->Get(0, K(1), &v), Status::kPowerLost);
  EXPECT_EQ(store->Put(0, K(3), Value(10, 3)), Status::kPowerLost);
  store = MountOk(*flash);
  EXPECT_EQ(store->Get(0, K(1), &v), Status::kOk);
}

TEST(StorePowerCut, EveryCutPointEveryTear) {
  // Puts, overwrites, erases, and values spanning blocks.
  const WorkloadShape mix{.max_changes = 4, .namespaces = 3, .keys = 12, .erase_chance = 0.2,
                          .big_chance = 0.1, .big_min = 500, .big_span = 2500, .small_span = 200};
  EXPECT_GT(SweepEveryCutPoint(kGeometry, RandomTransactions(2026, 70, mix), 5), 1000u);
}

}  // namespace
}  // namespace swivel::os::storage
