// Power cuts during repository writes: after any cut, a record and its dirty mark are
// either both as before the operation or both as after it.
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "os/pim/repository.h"
#include "tests/os/pim/pim_test_support.h"

namespace swivel::os::pim {
namespace {

using hal::sim::SimClock;
using hal::sim::SimFlash;
using hal::sim::SimRandom;
using hal::sim::TearMode;
using namespace test;

// Small, so that the workload below runs garbage collection (its erases and copies are
// cut points too) several times.
constexpr hal::FlashGeometry kGeometry{.page_size = 256, .pages_per_block = 8,
                                       .block_count = 8, .erase_endurance = 100000};
constexpr uint64_t kIdSeed = 77;

struct Step {
  enum class Op { kSave, kMarkSynced, kRemove, kApplyRemote } op;
  size_t handle;  // which of the workload's contacts
};

// Mostly saves of a contact over an existing one, with the sync side mixed in.
std::vector<Step> Workload() {
  using Op = Step::Op;
  std::vector<Step> steps{{Op::kSave, 0}, {Op::kSave, 1}, {Op::kSave, 2}};
  for (size_t r = 0; r < 60; ++r) {
    steps.push_back({Op::kSave, 0});
    if (r % 3 == 0) steps.push_back({Op::kMarkSynced, 0});
    if (r % 4 == 1) steps.push_back({Op::kSave, 1});
    if (r == 20) steps.push_back({Op::kRemove, 2});
    if (r == 30) steps.push_back({Op::kApplyRemote, 1});
    if (r == 40) steps.push_back({Op::kSave, 2});  // brings the removed contact back
  }
  return steps;
}

// Runs a workload against one repository, keeping each contact as the caller holds it.
class Runner {
 public:
  explicit Runner(SimClock& clock) : clock_(clock), records_(3) {}

  // Runs step k; the RTC is set from k so that both runs stamp the same times.
  Status Run(ContactRepository& repo, const Step& step, size_t k) {
    clock_.set_wall_time_ms(1800000000000 + int64_t(k) * 1000);
    auto& record = records_[step.handle];
    switch (step.op) {
      case Step::Op::kSave:
        record.set_display_name("contact " + std::to_string(step.handle) + " edit " +
                                std::to_string(k));
        return repo.Save(record);
      case Step::Op::kMarkSynced:
        return repo.MarkSynced(record.meta().id(), record.meta().revision());
      case Step::Op::kRemove:
        return repo.Remove(record.meta().id());
      case Step::Op::kApplyRemote: {
        auto remote = record;
        remote.mutable_meta()->set_revision(record.meta().revision() + 10);
        remote.set_nickname("from the server");
        const Status s = repo.ApplyRemote(remote);
        if (s == Status::kOk) record = remote;
        return s;
      }
    }
    return Status::kIoError;
  }
  proto::Contact& record(size_t handle) { return records_[handle]; }

 private:
  SimClock& clock_;
  std::vector<proto::Contact> records_;
};

TEST(RepositoryPowerCut, RecordAndDirtyMarkLandTogetherAtEveryCutPoint) {
  const auto steps = Workload();

  // The reference run: the repository's whole state before and after every step.
  std::vector<std::string> states;
  uint64_t writes = 0;
  {
    SimClock clock;
    SimRandom random(kIdSeed);
    auto flash = SimFlash::InMemory(kGeometry, 1);
    auto store = MountOk(*flash);
    ContactRepository repo{*store, clock, random};
    Runner runner(clock);
    states.push_back(Dump(repo));
    for (size_t k = 0; k < steps.size(); ++k) {
      ASSERT_EQ(runner.Run(repo, steps[k], k), Status::kOk) << "step " << k;
      states.push_back(Dump(repo));
    }
    writes = flash->writes();
    ASSERT_GE(store->stats().gc_runs, 2u) << "the workload should exercise GC";
  }

  uint64_t checked = 0, during_saves_over_existing = 0;
  for (auto mode : {TearMode::kNothing, TearMode::kPrefix, TearMode::kRandomSubset,
                    TearMode::kComplete})
    for (uint64_t i = 0; i < writes; ++i) {
      SimClock clock;
      SimRandom random(kIdSeed);
      auto flash = SimFlash::InMemory(kGeometry, i);
      flash->set_unstable_tears(true);
      flash->schedule_power_cut(i, mode);
      Runner runner(clock);
      size_t k = 0;
      bool existed = false;
      {
        auto store = MountOk(*flash);
        ContactRepository repo{*store, clock, random};
        for (; k < steps.size(); ++k) {
          existed = !runner.record(steps[k].handle).meta().id().empty();
          const Status s = runner.Run(repo, steps[k], k);
          if (s != Status::kOk) {
            EXPECT_EQ(s, Status::kPowerLost) << "step " << k;
            break;
          }
        }
      }
      ASSERT_LT(k, steps.size()) << "write " << i << " was never reached";
      flash->restore_power();

      auto store = MountOk(*flash);
      ContactRepository repo{*store, clock, random};
      const std::string found = Dump(repo);
      ASSERT_TRUE(found == states[k] || found == states[k + 1])
          << "cut at write " << i << " (mode " << int(mode) << ") during step " << k
          << ":\n" << found << "is neither before:\n" << states[k] << "nor after:\n"
          << states[k + 1];

      // The caller retries a save that lost power: it updates the record (the id was kept)
      // and marks the next revision, whichever way the cut went.
      if (steps[k].op == Step::Op::kSave) {
        auto& record = runner.record(steps[k].handle);
        proto::Contact stored;
        const Status before = repo.Get(record.meta().id(), &stored);
        ASSERT_TRUE(before == Status::kOk || (!existed && before == Status::kNotFound));
        const uint64_t stored_revision = stored.meta().revision();
        ASSERT_EQ(repo.Save(record), Status::kOk);
        EXPECT_EQ(record.meta().revision(), stored_revision + 1);
        std::vector<DirtyEntry> dirty;
        ASSERT_EQ(repo.Dirty(&dirty), Status::kOk);
        EXPECT_NE(std::find(dirty.begin(), dirty.end(),
                            DirtyEntry{record.meta().id(), stored_revision + 1}),
                  dirty.end());
        const std::string retried = Dump(repo);
        store = MountOk(*flash);
        ContactRepository again{*store, clock, random};
        EXPECT_EQ(Dump(again), retried) << "the retry did not survive a remount";
        if (existed) ++during_saves_over_existing;
      }
      ++checked;
      if (::testing::Test::HasFailure()) return;
    }
  std::printf("power-cut points checked: %llu (%llu during a save over an existing contact)\n",
              static_cast<unsigned long long>(checked),
              static_cast<unsigned long long>(during_saves_over_existing));
  EXPECT_GT(during_saves_over_existing, 300u);
}

}  // namespace
}  // namespace swivel::os::pim
