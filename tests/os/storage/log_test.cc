#include "os/storage/log.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <vector>

#include "hal/sim/sim_flash.h"
#include "hal/sim/sim_random.h"
#include "os/storage/frame.h"

namespace swivel::os::storage {
namespace {

using hal::sim::SimFlash;
using hal::sim::SimRandom;
using hal::sim::TearMode;
using Transaction = std::vector<Change>;

constexpr hal::FlashGeometry kGeometry{.page_size = 256, .pages_per_block = 8,
                                       .block_count = 32, .erase_endurance = 100000};
constexpr size_t kCapacity = FramePayloadCapacity(kGeometry.page_size);

// A seeded mix: small puts, erases, and values that span several frames and blocks.
std::vector<Transaction> Workload(uint64_t seed, int count) {
  SimRandom random(seed);
  std::vector<Transaction> out(count);
  for (auto& t : out) {
    t.resize(1 + random.uniform(3));
    for (auto& c : t) {
      c.ns = uint8_t(random.uniform(3));
      for (auto& b : c.key) b = uint8_t(random.uniform(8));  // few keys: overwrites happen
      if (random.chance(0.15)) {
        c.op = RecordOp::kErase;
        continue;
      }
      c.value.resize(random.chance(0.15) ? 300 + random.uniform(1200) : random.uniform(120));
      random.fill(c.value);
    }
  }
  return out;
}

std::vector<Transaction> Changes(LogScan scan) {
  std::vector<Transaction> out;
  for (const auto& t : scan.transactions) out.push_back(t.changes);
  return out;
}

Status AppendTransaction(LogWriter& writer, const Transaction& t) {
  const auto frames = PackTransaction(t, kCapacity);
  return writer.Append(frames);
}

TEST(Log, AppendedTransactionsScanBackInOrder) {
  auto flash = SimFlash::InMemory(kGeometry, 1);
  const auto work = Workload(3, 30);
  LogWriter writer(*flash, ScanLog(*flash));
  for (const auto& t : work) ASSERT_EQ(AppendTransaction(writer, t), Status::kOk);
  const auto scan = ScanLog(*flash, true);
  ASSERT_EQ(scan.status, Status::kOk);
  EXPECT_EQ(Changes(scan), work);
  EXPECT_GT(scan.log_blocks.size(), 3u) << "the workload should span blocks";
}

TEST(Log, EmptyFlashScansEmpty) {
  auto flash = SimFlash::InMemory(kGeometry, 1);
  const auto scan = ScanLog(*flash);
  EXPECT_EQ(scan.status, Status::kOk);
  EXPECT_TRUE(scan.transactions.empty());
  EXPECT_EQ(scan.free_blocks.size(), kGeometry.block_count);
  EXPECT_EQ(scan.next_sequence, 1u);
}

TEST(Log, WritingGoesOnInTheNewestBlockOnePagePastItsLastUsedPage) {
  auto flash = SimFlash::InMemory(kGeometry, 1);
  const auto work = Workload(4, 10);
  std::vector<uint64_t> first;
  {
    LogWriter writer(*flash, ScanLog(*flash));
    ASSERT_EQ(writer.Append(PackTransaction(work[0], kCapacity), &first), Status::kOk);
  }
  const auto scan = ScanLog(*flash);
  ASSERT_EQ(scan.log_blocks.size(), 1u);
  LogWriter writer(*flash, scan);
  std::vector<uint64_t> pages;
  ASSERT_EQ(writer.Append(PackTransaction(work[1], kCapacity), &pages), Status::kOk);
  // The page after the last one used may have been torn while reading blank: skipped.
  EXPECT_EQ(pages.front(), first.back() + 2)
      << "a mount must not abandon the rest of the open block, nor program the page after it";
  EXPECT_EQ(Changes(ScanLog(*flash, true)), (std::vector<Transaction>{work[0], work[1]}))
      << "the scan must read past the skipped page";
}

TEST(Log, FullIsReportedCleanlyAndLosesNothing) {
  auto flash = SimFlash::InMemory(kGeometry, 1);
  LogWriter writer(*flash, ScanLog(*flash), /*reserve_blocks=*/2);
  std::vector<Transaction> acked;
  Status s = Status::kOk;
  for (uint64_t seed = 0; s == Status::kOk; ++seed) {
    const auto t = Workload(seed, 1)[0];
    s = AppendTransaction(writer, t);
    if (s == Status::kOk) acked.push_back(t);
  }
  EXPECT_EQ(s, Status::kFull);
  EXPECT_EQ(writer.free_blocks(), 2u) << "the reserve is never spent";
  EXPECT_EQ(Changes(ScanLog(*flash, true)), acked);
}

TEST(Log, FramesCarryTheirBlocksEraseCount) {
  auto flash = SimFlash::InMemory(kGeometry, 1);
  for (int round = 0; round < 3; ++round) {  // three mounts: three blocks opened
    LogWriter writer(*flash, ScanLog(*flash));
    ASSERT_EQ(AppendTransaction(writer, Workload(round, 1)[0]), Status::kOk);
  }
  const auto scan = ScanLog(*flash);
  for (uint32_t b : scan.log_blocks) EXPECT_EQ(scan.erase_counts[b], flash->erase_count(b));
}

TEST(Log, WornOutBlockIsRetiredAndWritingGoesOn) {
  auto g = kGeometry;
  g.erase_endurance = 1;
  auto flash = SimFlash::InMemory(g, 1);
  std::vector<Transaction> acked;
  // Each mount opens a new block; erasing a block a second time wears it out.
  for (int round = 0; round < 30; ++round) {
    const auto scan = ScanLog(*flash, true);
    ASSERT_EQ(Changes(scan), acked);
    LogWriter writer(*flash, scan);
    const auto t = Workload(round, 1)[0];
    const auto s = AppendTransaction(writer, t);
    if (s == Status::kFull) break;
    ASSERT_EQ(s, Status::kOk);
    acked.push_back(t);
  }
  EXPECT_GT(acked.size(), 10u);
}

// Runs `work` from `from` on a writer over `flash`; returns how many were acknowledged, and
// sets `cut` when power went during the next one.
size_t RunWorkload(hal::Flash& flash, const std::vector<Transaction>& work, size_t from, bool& cut) {
  LogWriter writer(flash, ScanLog(flash));
  cut = false;
  for (size_t i = from; i < work.size(); ++i) {
    const auto s = AppendTransaction(writer, work[i]);
    if (s == Status::kPowerLost) {
      cut = true;
      return i - from;
    }
    EXPECT_EQ(s, Status::kOk);
  }
  return work.size() - from;
}

// After a cut: the log holds exactly the acknowledged transactions, plus at most the one in
// flight, whole.
void ExpectAckedAndMaybeInFlight(hal::Flash& flash, const std::vector<Transaction>& work,
                                 size_t acked, const std::string& where) {
  const auto found = Changes(ScanLog(flash, true));
  const std::vector<Transaction> without(work.begin(), work.begin() + long(acked));
  if (found == without) return;
  const std::vector<Transaction> with(work.begin(), work.begin() + long(acked + 1));
  EXPECT_EQ(found, with) << where << ": lost an acknowledged transaction or kept a partial one";
}

TEST(LogPowerCut, EveryCutPointEveryTear) {
  const auto work = Workload(99, 60);
  uint64_t writes = 0;
  {
    auto flash = SimFlash::InMemory(kGeometry, 1);
    bool cut;
    ASSERT_EQ(RunWorkload(*flash, work, 0, cut), work.size());
    writes = flash->writes();
  }
  const TearMode modes[] = {TearMode::kNothing, TearMode::kPrefix, TearMode::kRandomSubset,
                            TearMode::kComplete};
  uint64_t checked = 0;
  for (auto mode : modes)
    for (uint64_t i = 0; i < writes; ++i) {
      auto flash = SimFlash::InMemory(kGeometry, i);
      flash->set_unstable_tears(true);
      flash->schedule_power_cut(i, mode);
      bool cut;
      const size_t acked = RunWorkload(*flash, work, 0, cut);
      ASSERT_TRUE(cut) << "write " << i << " was never reached";
      flash->restore_power();
      const std::string where = "cut at write " + std::to_string(i) + " mode " +
                                std::to_string(int(mode));
      ExpectAckedAndMaybeInFlight(*flash, work, acked, where);
      ++checked;

      // Recover and go on; a second cut lands somewhere in what follows.
      const auto recovered = Changes(ScanLog(*flash, true));
      std::vector<Transaction> rest(recovered);
      rest.insert(rest.end(), work.begin() + long(acked) + 1, work.end());
      flash->schedule_power_cut(flash->writes() + (i * 7919) % 40, mode);
      const size_t acked2 = RunWorkload(*flash, rest, recovered.size(), cut);
      flash->restore_power();
      ExpectAckedAndMaybeInFlight(*flash, rest, recovered.size() + acked2, where + ", then again");
      ++checked;
      if (HasFailure()) return;
    }
  std::printf("power-cut points checked: %llu\n", static_cast<unsigned long long>(checked));
  EXPECT_GT(checked, 1000u);
}

}  // namespace
}  // namespace swivel::os::storage
