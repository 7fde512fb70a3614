// Recovery under stress: power cuts that land right after a mount, several in a row, and
// flash that wears out under the store.
#include <gtest/gtest.h>

#include <cstdio>

#include "os/storage/store.h"
#include "tests/os/storage/store_test_support.h"

namespace swivel::os::storage {
namespace {

using hal::sim::SimFlash;
using hal::sim::SimRandom;
using hal::sim::TearMode;
using namespace test;

constexpr hal::FlashGeometry kSmall{.page_size = 512, .pages_per_block = 16, .block_count = 8,
                                    .erase_endurance = 100000};

// The first writes after a mount are recovery's: erasing free blocks found at mount (they
// may be half erased), resuming the open block, collecting. Cut power there, mount again,
// and cut again, up to five times in a row, then check nothing acknowledged was lost.
TEST(StoreRecovery, PowerCutsInARowRightAfterMounting) {
  SimRandom random(77);
  const auto work = RandomTransactions(
      5, 3000, WorkloadShape{.max_changes = 3, .keys = 10, .big_chance = 0.05, .big_min = 500,
                             .big_span = 1500});
  auto flash = SimFlash::InMemory(kSmall, 3);
  flash->set_unstable_tears(true);
  Model model;
  auto store = MountOk(*flash);
  uint64_t cuts = 0, runs = 0;
  size_t next = 0;
  while (next < work.size()) {
    // A few ordinary commits, then a burst of cuts.
    for (int i = 0; i < 10 && next < work.size(); ++i, ++next) {
      ASSERT_EQ(store->Commit(work[next]), Status::kOk) << "commit " << next;
      ApplyToModel(model, work[next]);
    }
    const int burst = 1 + int(random.uniform(5));
    ++runs;
    for (int k = 0; k < burst && next < work.size(); ++k) {
      flash->schedule_power_cut(flash->writes() + random.uniform(2), TearMode(random.uniform(4)));
      const Status s = store->Commit(work[next]);
      flash->cancel_power_cut();
      if (s == Status::kOk) {
        ApplyToModel(model, work[next++]);
        continue;
      }
      ASSERT_EQ(s, Status::kPowerLost);
      ++cuts;
      flash->restore_power();
      store = MountOk(*flash);
      ASSERT_NE(store, nullptr);
      Model with = model;
      ApplyToModel(with, work[next]);
      const Model found = Contents(*store);
      ASSERT_TRUE(found == model || found == with) << "cut " << cuts << " at commit " << next;
      model = found;
      ++next;  // whether it landed or not, the model now says what is there
    }
  }
  std::printf("recovery: %llu bursts, %llu power cuts right after a mount\n",
              (unsigned long long)runs, (unsigned long long)cuts);
  EXPECT_GT(cuts, 300u);
  EXPECT_EQ(Contents(*MountOk(*flash)), model);
}

// Blocks wear out (erase fails, the block is retired) while the store keeps rewriting a
// working set. Until capacity runs out every commit lands and nothing is lost; then commits
// are refused with kFull, cleanly, and everything stored before is still there.
TEST(StoreRecovery, WearOutKeepsDataWholeThenSaysFull) {
  auto geometry = kSmall;
  geometry.erase_endurance = 40;
  auto flash = SimFlash::InMemory(geometry, 9);
  auto store = MountOk(*flash);
  Model model;
  const auto work = RandomTransactions(11, 200000, WorkloadShape{.keys = 24});
  size_t fulls = 0, done = 0;
  for (const auto& t : work) {
    const Status s = store->Commit(t);
    if (s == Status::kFull) {
      if (++fulls == 50) break;
      continue;
    }
    ASSERT_EQ(s, Status::kOk) << "commit " << done;
    ASSERT_EQ(fulls, 0u) << "a commit landed after the store said full: capacity came back?";
    ApplyToModel(model, t);
    ++done;
    if (done % 5000 == 0) {
      ASSERT_EQ(Contents(*store), model) << "after " << done << " commits";
    }
  }
  uint32_t bad = 0;
  for (uint32_t b = 0; b < geometry.block_count; ++b) bad += flash->is_bad(b) ? 1 : 0;
  std::printf("wear-out: %zu commits landed, then full; %u of %u blocks retired\n", done, bad,
              geometry.block_count);
  EXPECT_EQ(fulls, 50u) << "the flash never wore out";
  EXPECT_GT(bad, 0u);
  EXPECT_EQ(Contents(*store), model);
  EXPECT_EQ(Contents(*MountOk(*flash)), model) << "lost data across a mount of worn flash";
}

}  // namespace
}  // namespace swivel::os::storage
