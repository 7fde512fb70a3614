#include "os/storage/fsck.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "hal/sim/sim_flash.h"
#include "hal/sim/sim_random.h"
#include "os/storage/frame.h"
#include "os/storage/log.h"
#include "tests/os/storage/store_test_support.h"

namespace swivel::os::storage {
namespace {

using hal::sim::SimFlash;
using hal::sim::SimRandom;
using hal::sim::TearMode;
using ::testing::HasSubstr;
using namespace test;

constexpr hal::FlashGeometry kGeometry{.page_size = 512, .pages_per_block = 16,
                                       .block_count = 16, .erase_endurance = 100000};

std::string Problems(const FsckReport& r) {
  std::string s;
  for (const auto& p : r.problems) s += p + "\n";
  return s;
}

// Every page's bytes, to prove a check changed nothing.
std::vector<uint8_t> Snapshot(SimFlash& flash) {
  std::vector<uint8_t> bytes;
  for (uint64_t p = 0; p < flash.geometry().page_count(); ++p) {
    const auto page = flash.image().page(p);
    bytes.insert(bytes.end(), page.begin(), page.end());
    bytes.push_back(flash.is_programmed(p));
  }
  return bytes;
}

// The pages of the newest committed transaction that writes (ns, key).
std::vector<uint64_t> PagesOf(hal::Flash& flash, uint8_t ns, const Key& key) {
  std::vector<uint64_t> pages;
  for (const auto& t : ScanLog(flash).transactions)
    for (const auto& e : t.entries)
      if (e.ns == ns && e.key == key) pages = t.pages;
  return pages;
}

std::string PageName(uint64_t page) {
  return "block " + std::to_string(page / kGeometry.pages_per_block) + " page " +
         std::to_string(page % kGeometry.pages_per_block);
}

TEST(Fsck, FreshStoreIsClean) {
  auto flash = SimFlash::InMemory(kGeometry, 1);
  const auto r = Fsck(*flash);
  EXPECT_TRUE(r.clean()) << Problems(r);
  EXPECT_TRUE(r.mounted);
  EXPECT_EQ(r.records, 0u);
  EXPECT_EQ(r.free_blocks, kGeometry.block_count);
  EXPECT_EQ(r.log_blocks, 0u);
  EXPECT_TRUE(r.notes.empty());
  EXPECT_THAT(FormatFsckReport(r), HasSubstr("\nclean\n"));
}

TEST(Fsck, WorkloadWithGarbageCollectionIsCleanCountsRecordsAndChangesNothing) {
  auto flash = SimFlash::InMemory(kGeometry, 1);
  Model model;
  {
    auto store = MountOk(*flash);
    WorkloadShape shape;
    shape.namespaces = 3;
    shape.keys = 12;
    for (const auto& t : RandomTransactions(7, 400, shape)) {
      ASSERT_EQ(store->Commit(t), Status::kOk);
      ApplyToModel(model, t);
    }
    ASSERT_GT(store->stats().gc_runs, 10u) << "the workload must exercise GC";
  }
  const auto before = Snapshot(*flash);
  const auto writes = flash->writes();
  const auto programs = flash->stats().programs, erases = flash->stats().erases;

  const auto r = Fsck(*flash);
  EXPECT_TRUE(r.clean()) << Problems(r);
  EXPECT_EQ(r.records, model.size());
  std::map<uint8_t, FsckNamespace> expected;
  for (const auto& [k, v] : model) {
    ++expected[k.first].records;
    expected[k.first].bytes += v.size();
  }
  ASSERT_EQ(r.namespaces.size(), expected.size());
  for (const auto& [ns, n] : expected) {
    EXPECT_EQ(r.namespaces.at(ns).records, n.records) << "namespace " << int(ns);
    EXPECT_EQ(r.namespaces.at(ns).bytes, n.bytes) << "namespace " << int(ns);
  }
  EXPECT_GT(r.transactions, 0u);
  EXPECT_EQ(r.log_blocks + r.free_blocks, kGeometry.block_count);

  EXPECT_EQ(flash->writes(), writes);
  EXPECT_EQ(flash->stats().programs, programs);
  EXPECT_EQ(flash->stats().erases, erases);
  EXPECT_EQ(Snapshot(*flash), before) << "fsck changed the flash";
}

TEST(Fsck, FlippedBitInALiveRecordIsAProblemNamingBlockPageAndKey) {
  auto flash = SimFlash::InMemory(kGeometry, 1);
  {
    auto store = MountOk(*flash);
    for (uint16_t i = 0; i < 6; ++i)  // six one-frame commits: pages 0..5 of one block
      ASSERT_EQ(store->Put(2, K(i), Bytes(60, uint8_t(i))), Status::kOk);
  }
  ASSERT_TRUE(Fsck(*flash).clean());
  const auto pages = PagesOf(*flash, 2, K(2));
  ASSERT_EQ(pages.size(), 1u);
  flash->flip_stored_bit(pages[0], 8 * (kFrameHeaderSize + kRecordHeaderSize + 10) + 1);

  const auto r = Fsck(*flash);
  EXPECT_FALSE(r.clean());
  const auto text = FormatFsckReport(r);
  EXPECT_THAT(text, HasSubstr("problem: " + PageName(pages[0]) + ": damaged frame"));
  EXPECT_THAT(text, HasSubstr("ns 2 key " + KeyHex(K(2))));
  EXPECT_EQ(r.records, 5u) << "the damaged record no longer counts";
  EXPECT_THAT(text, HasSubstr("1 problem\n"));
}

// A page that reads whole during the scan and the mount but not afterwards (a read
// disturbance): the record is listed but Get fails, which fsck must report.
class DecayingFlash final : public hal::Flash {
 public:
  DecayingFlash(hal::Flash& flash, uint64_t page, int good_reads)
      : flash_(flash), page_(page), good_reads_(good_reads) {}
  const hal::FlashGeometry& geometry() const override { return flash_.geometry(); }
  hal::FlashStatus read(uint64_t page, uint32_t offset, std::span<uint8_t> out) override {
    const auto s = flash_.read(page, offset, out);
    if (page == page_ && good_reads_-- <= 0 && out.size() > 40) out[40] ^= 1;
    return s;
  }
  hal::FlashStatus program(uint64_t page, std::span<const uint8_t> data) override {
    return flash_.program(page, data);
  }
  hal::FlashStatus erase(uint32_t block) override { return flash_.erase(block); }
  bool is_bad(uint32_t block) const override { return flash_.is_bad(block); }
  hal::FlashStatus mark_bad(uint32_t block) override { return flash_.mark_bad(block); }

 private:
  hal::Flash& flash_;
  uint64_t page_;
  int good_reads_;
};

TEST(Fsck, RecordThatNoLongerReadsIsAProblemNamingTheKey) {
  auto flash = SimFlash::InMemory(kGeometry, 1);
  {
    auto store = MountOk(*flash);
    ASSERT_EQ(store->Put(5, K(1), Bytes(30, 1)), Status::kOk);
    ASSERT_EQ(store->Put(5, K(9), Bytes(30, 9)), Status::kOk);
  }
  const auto pages = PagesOf(*flash, 5, K(9));
  ASSERT_EQ(pages.size(), 1u);
  // fsck reads each page of a block without a summary four times before the Gets: its own
  // pass, its scan, the full scan it checks summaries against, and the mount's.
  DecayingFlash decaying(*flash, pages[0], 4);
  const auto r = Fsck(decaying);
  ASSERT_EQ(r.problems.size(), 1u) << Problems(r);
  EXPECT_THAT(r.problems[0], HasSubstr("ns 5 key " + KeyHex(K(9)) + ": cannot be read: " +
                                       std::string(ToString(Status::kCorrupt))));
  EXPECT_THAT(r.problems[0], HasSubstr(PageName(pages[0])));
  EXPECT_EQ(r.records, 1u);
}

TEST(Fsck, DamagedPageZeroDropsTheBlockAndIsAProblem) {
  auto flash = SimFlash::InMemory(kGeometry, 1);
  {
    auto store = MountOk(*flash);
    for (uint16_t i = 0; i < 4; ++i) ASSERT_EQ(store->Put(0, K(i), Bytes(20, 1)), Status::kOk);
  }
  const auto pages = PagesOf(*flash, 0, K(0));
  ASSERT_EQ(pages.size(), 1u);
  ASSERT_EQ(pages[0] % kGeometry.pages_per_block, 0u);
  flash->flip_stored_bit(pages[0], 8 * 40);
  const auto r = Fsck(*flash);
  ASSERT_EQ(r.problems.size(), 1u) << Problems(r);
  EXPECT_THAT(r.problems[0], HasSubstr(PageName(pages[0]) + ": damaged"));
  EXPECT_THAT(r.problems[0], HasSubstr("3 frame(s)"));
  EXPECT_EQ(r.records, 0u);
}

// A writer resuming a block after a power cut skips a page, so frames after an erased page
// are by design: mount reads them, and fsck finds nothing wrong.
TEST(Fsck, FramesAfterAnErasedPageAreReadNotLost) {
  auto flash = SimFlash::InMemory(kGeometry, 1);
  {
    auto store = MountOk(*flash);
    ASSERT_EQ(store->Put(0, K(1), Bytes(20, 1)), Status::kOk);
  }
  const uint64_t first = PagesOf(*flash, 0, K(1)).at(0);
  // A well-formed committed frame at page 5 of the same block, behind erased pages 1..4.
  std::vector<uint8_t> payload;
  const Bytes value(8, 3);
  AppendRecord(payload, {RecordOp::kPut, 0, K(2), 8, 0, value});
  const auto frame = EncodeFrame({true, 100, 100, 0}, payload, kGeometry.page_size);
  ASSERT_EQ(flash->program(first + 5, frame), hal::FlashStatus::kOk);
  const auto r = Fsck(*flash);
  EXPECT_TRUE(r.clean()) << Problems(r);
  EXPECT_EQ(r.records, 2u);
}

TEST(Fsck, BadBlockIsANoteNotAProblem) {
  auto flash = SimFlash::InMemory(kGeometry, 1);
  ASSERT_EQ(flash->mark_bad(3), hal::FlashStatus::kOk);
  const auto r = Fsck(*flash);
  EXPECT_TRUE(r.clean()) << Problems(r);
  EXPECT_EQ(r.bad_blocks, 1u);
  EXPECT_EQ(r.blocks[3].state, FsckBlockState::kBad);
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_THAT(r.notes[0], HasSubstr("block 3: bad"));
}

TEST(Fsck, ReadOnlyFlashRefusesEveryWrite) {
  auto flash = SimFlash::InMemory(kGeometry, 1);
  ReadOnlyFlash ro(*flash);
  const Bytes data(16, 0);
  EXPECT_EQ(ro.program(0, data), hal::FlashStatus::kPowerLost);
  EXPECT_EQ(ro.erase(0), hal::FlashStatus::kPowerLost);
  EXPECT_EQ(ro.mark_bad(0), hal::FlashStatus::kPowerLost);
  EXPECT_EQ(ro.refused_writes(), 3u);
  EXPECT_EQ(flash->writes(), 0u);
  EXPECT_FALSE(flash->is_programmed(0));
  EXPECT_FALSE(flash->is_bad(0));
  Status s;
  auto store = Store::Mount(ro, &s);
  ASSERT_TRUE(store);
  EXPECT_EQ(store->Put(0, K(1), data), Status::kPowerLost) << "a store on it cannot write";
}

// A power cut anywhere, in any tear mode (NAND unstable bits on), leaves only what recovery
// handles by design: fsck may add notes but finds no problem, before and after the store
// has recovered and written again.
TEST(Fsck, PowerCutLeftoversAreNotesNeverProblems) {
  constexpr hal::FlashGeometry g{.page_size = 512, .pages_per_block = 16, .block_count = 6,
                                 .erase_endurance = 100000};
  WorkloadShape shape;
  shape.keys = 6;
  const auto work = RandomTransactions(3, 90, shape);
  uint64_t writes = 0;
  {
    auto flash = SimFlash::InMemory(g, 1);
    auto store = MountOk(*flash);
    for (const auto& t : work) ASSERT_EQ(store->Commit(t), Status::kOk);
    ASSERT_GT(store->stats().gc_runs, 3u) << "cuts must land in garbage collection too";
    writes = flash->writes();
  }
  size_t notes = 0;
  for (auto mode : {TearMode::kNothing, TearMode::kPrefix, TearMode::kRandomSubset,
                    TearMode::kComplete})
    for (uint64_t i = 0; i < writes; ++i) {
      auto flash = SimFlash::InMemory(g, i);
      flash->set_unstable_tears(true);
      flash->schedule_power_cut(i, mode);
      {
        auto store = MountOk(*flash);
        for (const auto& t : work)
          if (store->Commit(t) != Status::kOk) break;
      }
      flash->restore_power();
      const auto r = Fsck(*flash);
      ASSERT_TRUE(r.clean()) << "cut at write " << i << " mode " << int(mode) << "\n"
                             << FormatFsckReport(r);
      notes += r.notes.size();
      {
        auto store = MountOk(*flash);
        for (size_t k = 0; k < 5; ++k) ASSERT_EQ(store->Commit(work[k]), Status::kOk);
      }
      const auto again = Fsck(*flash);
      ASSERT_TRUE(again.clean()) << "after recovering from the cut at write " << i << " mode "
                                 << int(mode) << "\n"
                                 << FormatFsckReport(again);
    }
  EXPECT_GT(notes, 0u) << "power cuts leave leftovers that fsck should note";
}

// Random garbage in pages of a flash holding records: random bytes, and frames that pass
// the CRC but carry random headers and payloads (some well-formed records of other keys).
// Mount succeeds or fails cleanly; every Get returns exactly the value written, kNotFound
// or kCorrupt; fsck and further commits never crash.
TEST(Fsck, GarbagePagesNeverCrashAndNeverGiveWrongData) {
  constexpr hal::FlashGeometry g{.page_size = 512, .pages_per_block = 16, .block_count = 12,
                                 .erase_endurance = 100000};
  const size_t capacity = FramePayloadCapacity(g.page_size);
  size_t corrupt = 0, lost = 0, mounted = 0;
  for (uint64_t seed = 1; seed <= 150; ++seed) {
    SimRandom random(seed);
    auto flash = SimFlash::InMemory(g, seed);
    Model written;  // every key is written once, so its value is known exactly
    {
      auto store = MountOk(*flash);
      for (uint16_t i = 0; i < 30; ++i) {
        std::vector<Change> t;
        const size_t n = 1 + random.uniform(3);
        for (size_t c = 0; c < n; ++c) {
          Bytes v(random.chance(0.1) ? 300 + random.uniform(300) : random.uniform(80));
          random.fill(v);
          const Key key = K(uint16_t(i * 4 + c));
          written[{uint8_t(c), key}] = v;
          t.push_back({RecordOp::kPut, uint8_t(c), key, v});
        }
        ASSERT_EQ(store->Commit(t), Status::kOk);
      }
    }
    // Odd seeds damage flash under a mounted store (its index points at the pages), even
    // seeds before the mount.
    std::unique_ptr<Store> early;
    if (seed % 2) early = MountOk(*flash);
    const uint64_t pages = 4 + random.uniform(12);
    for (uint64_t k = 0; k < pages; ++k) {
      const uint64_t page = random.uniform(g.page_count());
      Bytes bytes(g.page_size);
      const auto kind = random.uniform(3);
      if (kind == 0) {
        random.fill(bytes);
      } else {
        Bytes payload;
        if (kind == 1) {
          payload.resize(random.uniform(capacity + 1));
          random.fill(payload);
        } else {  // records that parse, of keys nobody wrote (ns 7), some split in parts
          const uint32_t size = uint32_t(random.uniform(400));
          Bytes value(std::min<size_t>(size, capacity - kRecordHeaderSize));
          random.fill(value);
          const auto op = RecordOp(1 + random.uniform(3));
          const uint32_t offset = op == RecordOp::kPart ? 1 + uint32_t(random.uniform(50)) : 0;
          if (op == RecordOp::kErase) value.clear();
          if (op == RecordOp::kPart) value.resize(std::min<size_t>(value.size(), size > offset ? size - offset : 0));
          AppendRecord(payload, {op, 7, K(uint16_t(random.uniform(4))),
                                 op == RecordOp::kErase ? 0 : size, offset, value});
        }
        const uint64_t seq = random.uniform(200);
        const FrameHeader h{random.chance(0.5), seq, random.chance(0.7) ? seq : random.uniform(200),
                            uint32_t(random.uniform(3))};
        bytes = EncodeFrame(h, payload, g.page_size);
      }
      auto dest = flash->image().page(page);
      std::copy(bytes.begin(), bytes.end(), dest.begin());
      flash->image().set_page_programmed(page, true);
    }

    const auto report = Fsck(*flash);  // must not crash; may find problems
    Status s = Status::kOk;
    auto store = early ? std::move(early) : Store::Mount(*flash, &s);
    if (!store) {
      EXPECT_NE(s, Status::kOk);
      continue;
    }
    ++mounted;
    for (const auto& [k, v] : written) {
      Bytes got;
      const Status gs = store->Get(k.first, k.second, &got);
      if (gs == Status::kOk) {
        EXPECT_EQ(got, v) << "seed " << seed << ": wrong data";
      } else {
        EXPECT_TRUE(gs == Status::kNotFound || gs == Status::kCorrupt) << ToString(gs);
      }
      corrupt += gs == Status::kCorrupt;
      lost += gs == Status::kNotFound;
    }
    for (unsigned ns = 0; ns < 256; ++ns)
      store->ForEach(uint8_t(ns), [&](const Key& key, uint32_t size) {
        Bytes got;
        if (store->Get(uint8_t(ns), key, &got) == Status::kOk) {
          EXPECT_EQ(got.size(), size);
        }
      });
    // The store keeps working (or refuses cleanly) on top of the damage.
    for (uint16_t i = 0; i < 20; ++i) {
      const Bytes v(1 + random.uniform(200), uint8_t(i));
      const Status ps = store->Put(9, K(i), v);
      if (ps != Status::kOk) break;
      Bytes got;
      const Status gs = store->Get(9, K(i), &got);
      if (gs == Status::kOk) {
        EXPECT_EQ(got, v);
      }
    }
    if (::testing::Test::HasFailure()) return;
  }
  std::printf("mounted %zu of 150; Gets corrupt %zu, not found %zu\n", mounted, corrupt, lost);
  EXPECT_GT(lost + corrupt, 0u) << "the garbage must hit live data sometimes";
}


// Reproducer of a store defect fsck reports: a frame that passes its CRC with a sequence
// near 2^64 makes the next sequence wrap (ScanLog: highest + 2), so later commits sort
// before older frames and an acknowledged commit reverts at the next mount.
TEST(Fsck, ImplausibleSequenceIsAProblem) {
  auto flash = SimFlash::InMemory(kGeometry, 1);
  {
    auto store = MountOk(*flash);
    ASSERT_EQ(store->Put(0, K(1), Bytes(10, 1)), Status::kOk);
  }
  ASSERT_TRUE(Fsck(*flash).clean());
  const uint64_t page = 15 * kGeometry.pages_per_block;
  const auto frame = EncodeFrame({true, UINT64_MAX, UINT64_MAX, 0}, {}, kGeometry.page_size);
  ASSERT_EQ(flash->program(page, frame), hal::FlashStatus::kOk);
  const auto r = Fsck(*flash);
  ASSERT_EQ(r.problems.size(), 1u) << Problems(r);
  EXPECT_THAT(r.problems[0], HasSubstr(PageName(page) + ": frame with sequence " +
                                       std::to_string(UINT64_MAX)));
}

}  // namespace
}  // namespace swivel::os::storage
