#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

#include "hal/sim/sim_flash.h"
#include "hal/sim/sim_random.h"
#include "os/storage/store.h"

namespace swivel::os::storage {
namespace {

using hal::sim::SimFlash;
using hal::sim::SimRandom;
using hal::sim::TearMode;
using Bytes = std::vector<uint8_t>;
using Model = std::map<std::pair<uint8_t, Key>, Bytes>;

// Small enough that every few commits need a collection.
constexpr hal::FlashGeometry kSmall{.page_size = 256, .pages_per_block = 8, .block_count = 12,
                                    .erase_endurance = 100000};

Key K(uint16_t n) {
  Key k{};
  k[14] = uint8_t(n >> 8);
  k[15] = uint8_t(n);
  return k;
}

std::unique_ptr<Store> MountOk(hal::Flash& flash, StoreOptions options = {}) {
  Status s;
  auto store = Store::Mount(flash, &s, options);
  EXPECT_EQ(s, Status::kOk);
  return store;
}

Model Contents(Store& store) {
  Model m;
  for (uint8_t ns = 0; ns < 4; ++ns)
    store.ForEach(ns, [&](const Key& k, uint32_t) {
      Bytes v;
      EXPECT_EQ(store.Get(ns, k, &v), Status::kOk);
      m[{ns, k}] = v;
    });
  return m;
}

void ApplyToModel(Model& m, const std::vector<Change>& t) {
  for (const auto& c : t)
    if (c.op == RecordOp::kErase) m.erase({c.ns, c.key});
    else m[{c.ns, c.key}] = c.value;
}

// Random puts and erases over a few keys: most data goes stale fast.
std::vector<std::vector<Change>> Churn(uint64_t seed, int count, uint16_t keys) {
  SimRandom random(seed);
  std::vector<std::vector<Change>> out(count);
  for (auto& t : out) {
    t.resize(1 + random.uniform(2));
    for (auto& c : t) {
      c.ns = uint8_t(random.uniform(2));
      c.key = K(uint16_t(random.uniform(keys)));
      if (random.chance(0.25)) {
        c.op = RecordOp::kErase;
      } else {
        c.value.resize(random.chance(0.05) ? 300 + random.uniform(400) : random.uniform(100));
        random.fill(c.value);
      }
    }
  }
  return out;
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

// Many thousands of random operations on a nearly full store, with remounts and power cuts
// at random, checked against a model after every mount. A cut commit may land or not, but
// the model learns which from the store only for the one commit in flight.
TEST(StoreModel, RandomOperationsPowerCutsAndRemounts) {
  SimRandom random(31337);
  auto flash = SimFlash::InMemory(kSmall, 7);
  flash->set_unstable_tears(true);
  Model model;
  auto store = MountOk(*flash);
  uint64_t ops = 0, cuts = 0, mounts = 1, collections = 0;
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
    }
    if (random.chance(0.02)) {
      collections += store->stats().gc_runs;
      store = MountOk(*flash);
      ++mounts;
      ASSERT_EQ(Contents(*store), model) << "after a clean remount, op " << ops;
    }
  }
  std::printf("model test: %llu operations, %llu power cuts, %llu mounts, %llu collections\n",
              (unsigned long long)ops, (unsigned long long)cuts, (unsigned long long)mounts,
              (unsigned long long)(collections + store->stats().gc_runs));
  EXPECT_GT(cuts, 100u);
  EXPECT_GT(collections, 1000u) << "the store must be full enough to collect often";
}

TEST(StorePowerCut, EveryCutPointThroughGarbageCollection) {
  const auto work = Churn(2027, 250, 8);
  uint64_t writes = 0;
  {
    auto flash = SimFlash::InMemory(kSmall, 1);
    auto store = MountOk(*flash);
    for (const auto& t : work) ASSERT_EQ(store->Commit(t), Status::kOk);
    ASSERT_GT(store->stats().gc_runs, 20u) << "the workload must exercise collection";
    writes = flash->writes();
  }
  uint64_t checked = 0;
  for (auto mode : {TearMode::kNothing, TearMode::kPrefix, TearMode::kRandomSubset,
                    TearMode::kComplete})
    for (uint64_t i = 0; i < writes; ++i) {
      auto flash = SimFlash::InMemory(kSmall, i);
      flash->set_unstable_tears(true);
      flash->schedule_power_cut(i, mode);
      Model acked;
      size_t in_flight = 0;
      {
        auto store = MountOk(*flash);
        for (; in_flight < work.size(); ++in_flight) {
          const Status s = store->Commit(work[in_flight]);
          if (s != Status::kOk) {
            ASSERT_EQ(s, Status::kPowerLost);
            break;
          }
          ApplyToModel(acked, work[in_flight]);
        }
      }
      ASSERT_LT(in_flight, work.size());
      flash->restore_power();
      auto store = MountOk(*flash);
      Model with = acked;
      ApplyToModel(with, work[in_flight]);
      const Model found = Contents(*store);
      EXPECT_TRUE(found == acked || found == with)
          << "cut at write " << i << " (mode " << int(mode) << ", transaction " << in_flight
          << "): lost an acknowledged commit or kept part of the one in flight";
      // Go on from there, through more collections, and check again after a remount.
      Model expect = found;
      for (size_t t = in_flight + 1; t < std::min(work.size(), in_flight + 30); ++t) {
        ASSERT_EQ(store->Commit(work[t]), Status::kOk);
        ApplyToModel(expect, work[t]);
      }
      EXPECT_EQ(Contents(*MountOk(*flash)), expect);
      ++checked;
      if (HasFailure()) return;
    }
  std::printf("power-cut points checked: %llu\n", static_cast<unsigned long long>(checked));
}

}  // namespace
}  // namespace swivel::os::storage
