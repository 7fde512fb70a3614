#pragma once
// Helpers shared by the store's tests: keys, a model of what the store should hold, and the
// exhaustive power-cut sweep.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "hal/sim/sim_flash.h"
#include "hal/sim/sim_random.h"
#include "os/storage/store.h"

namespace swivel::os::storage::test {

using Bytes = std::vector<uint8_t>;
using Model = std::map<std::pair<uint8_t, Key>, Bytes>;
using Transaction = std::vector<Change>;

inline Key K(uint16_t n) {
  Key k{};
  k[14] = uint8_t(n >> 8);
  k[15] = uint8_t(n);
  return k;
}

inline std::unique_ptr<Store> MountOk(hal::Flash& flash, StoreOptions options = {}) {
  Status s;
  auto store = Store::Mount(flash, &s, options);
  EXPECT_EQ(s, Status::kOk);
  return store;
}

// Everything the store holds in namespaces 0..3, read back through Get.
inline Model Contents(Store& store) {
  Model m;
  for (uint8_t ns = 0; ns < 4; ++ns)
    store.ForEach(ns, [&](const Key& k, uint32_t size) {
      Bytes v;
      EXPECT_EQ(store.Get(ns, k, &v), Status::kOk);
      EXPECT_EQ(v.size(), size);
      m[{ns, k}] = v;
    });
  return m;
}

inline void ApplyToModel(Model& m, const Transaction& t) {
  for (const auto& c : t)
    if (c.op == RecordOp::kErase) m.erase({c.ns, c.key});
    else m[{c.ns, c.key}] = c.value;
}

// The shape of a random workload: how many changes a transaction has, over which keys, and
// how often they erase or carry a large value.
struct WorkloadShape {
  uint32_t max_changes = 2;  // 1..max_changes changes per transaction
  uint32_t namespaces = 2;
  uint32_t keys = 8;
  double erase_chance = 0.25;
  double big_chance = 0.05;
  uint32_t big_min = 300, big_span = 400;  // a large value: big_min + [0, big_span) bytes
  uint32_t small_span = 100;               // otherwise [0, small_span) bytes
};

inline std::vector<Transaction> RandomTransactions(uint64_t seed, int count,
                                                   const WorkloadShape& shape) {
  hal::sim::SimRandom random(seed);
  std::vector<Transaction> out(count);
  for (auto& t : out) {
    t.resize(1 + random.uniform(shape.max_changes));
    for (auto& c : t) {
      c.ns = uint8_t(random.uniform(shape.namespaces));
      c.key = K(uint16_t(random.uniform(shape.keys)));
      if (random.chance(shape.erase_chance)) {
        c.op = RecordOp::kErase;
      } else {
        c.value.resize(random.chance(shape.big_chance) ? shape.big_min + random.uniform(shape.big_span)
                                                       : random.uniform(shape.small_span));
        random.fill(c.value);
      }
    }
  }
  return out;
}

// Runs `work` once to count its flash writes, then again for every write index and every
// tear mode with the power cut there (NAND unstable bits on). After each cut the mounted
// store must hold exactly the acknowledged commits, plus at most the one in flight, whole;
// it must then take the next `then` commits and keep them across another mount. Prints
// and returns the number of cut points checked.
inline uint64_t SweepEveryCutPoint(const hal::FlashGeometry& geometry,
                                   const std::vector<Transaction>& work, size_t then) {
  using hal::sim::SimFlash;
  using hal::sim::TearMode;
  uint64_t writes = 0;
  {
    auto flash = SimFlash::InMemory(geometry, 1);
    auto store = MountOk(*flash);
    for (const auto& t : work) EXPECT_EQ(store->Commit(t), Status::kOk);
    writes = flash->writes();
  }
  uint64_t checked = 0;
  for (auto mode : {TearMode::kNothing, TearMode::kPrefix, TearMode::kRandomSubset,
                    TearMode::kComplete})
    for (uint64_t i = 0; i < writes; ++i) {
      auto flash = SimFlash::InMemory(geometry, i);
      flash->set_unstable_tears(true);
      flash->schedule_power_cut(i, mode);
      Model acked;
      size_t in_flight = 0;
      {
        auto store = MountOk(*flash);
        for (; in_flight < work.size(); ++in_flight) {
          const Status s = store->Commit(work[in_flight]);
          if (s != Status::kOk) {
            EXPECT_EQ(s, Status::kPowerLost);
            break;
          }
          ApplyToModel(acked, work[in_flight]);
        }
      }
      if (in_flight == work.size()) {
        ADD_FAILURE() << "write " << i << " was never reached";
        return checked;
      }
      flash->restore_power();
      auto store = MountOk(*flash);
      Model with = acked;
      ApplyToModel(with, work[in_flight]);
      const Model found = Contents(*store);
      EXPECT_TRUE(found == acked || found == with)
          << "cut at write " << i << " (mode " << int(mode) << ", transaction " << in_flight
          << "): lost an acknowledged commit or kept part of the one in flight";
      Model expect = found;
      for (size_t t = in_flight + 1; t < std::min(work.size(), in_flight + 1 + then); ++t) {
        EXPECT_EQ(store->Commit(work[t]), Status::kOk);
        ApplyToModel(expect, work[t]);
      }
      EXPECT_EQ(Contents(*MountOk(*flash)), expect) << "after recovering from the cut at " << i;
      ++checked;
      if (::testing::Test::HasFailure()) return checked;
    }
  std::printf("power-cut points checked: %llu\n", static_cast<unsigned long long>(checked));
  return checked;
}

}  // namespace swivel::os::storage::test
