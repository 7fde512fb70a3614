#include "os/pim/repository.h"

#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "base/le.h"
#include "tests/os/pim/pim_test_support.h"

namespace swivel::os::pim {
namespace {

using google::protobuf::util::MessageDifferencer;
using hal::sim::SimClock;
using hal::sim::SimFlash;
using hal::sim::SimRandom;
using namespace test;

constexpr hal::FlashGeometry kGeometry{.page_size = 256, .pages_per_block = 8,
                                       .block_count = 64, .erase_endurance = 100000};

storage::Key KeyOf(const std::string& id) {
  storage::Key k{};
  std::copy(id.begin(), id.end(), k.begin());
  return k;
}

// The flash gets no clock, so the RTC moves only when a test sets it.
class RepositoryEnv {
 protected:
  SimClock clock;
  SimRandom random{42};
  std::unique_ptr<SimFlash> flash = SimFlash::InMemory(kGeometry, 1);
  std::unique_ptr<storage::Store> store = MountOk(*flash);
};

// ---- Every record type -----------------------------------------------------------------

template <typename M>
class RepositoryTypedTest : public ::testing::Test, protected RepositoryEnv {
 protected:
  Repository<M> repo{*store, clock, random};
};
using RecordTypes = ::testing::Types<proto::Contact, proto::Event, proto::Task, proto::Note,
                                     proto::Photo>;
TYPED_TEST_SUITE(RepositoryTypedTest, RecordTypes);

TYPED_TEST(RepositoryTypedTest, SaveThenGetReturnsTheSameRecord) {
  auto& records = this->repo;
  this->clock.set_wall_time_ms(1800000000123);
  TypeParam record = Sample<TypeParam>(1);
  ASSERT_EQ(records.Save(record), Status::kOk);
  EXPECT_EQ(record.meta().id().size(), kIdSize);
  EXPECT_EQ(record.meta().revision(), 1u);
  EXPECT_EQ(record.meta().modified_ms(), 1800000000123);

  TypeParam got;
  ASSERT_EQ(records.Get(record.meta().id(), &got), Status::kOk);
  EXPECT_TRUE(MessageDifferencer::Equals(got, record))
      << got.ShortDebugString() << "\nvs\n" << record.ShortDebugString();
  TypeParam sample = Sample<TypeParam>(1);
  got.clear_meta();
  EXPECT_TRUE(MessageDifferencer::Equals(got, sample)) << "content changed on the way";

  // It sits in its own type's namespace, beside its dirty mark.
  const auto key = KeyOf(record.meta().id());
  EXPECT_TRUE(this->store->Contains(Repository<TypeParam>::kNamespace, key));
  EXPECT_TRUE(this->store->Contains(DirtyNamespace(Repository<TypeParam>::kNamespace), key));
  size_t count = 0;
  ASSERT_EQ(records.Count(&count), Status::kOk);
  EXPECT_EQ(count, 1u);
}

TYPED_TEST(RepositoryTypedTest, EverySaveBumpsTheRevisionAndTakesTheClock) {
  auto& records = this->repo;
  TypeParam record = Sample<TypeParam>(1);
  ASSERT_EQ(records.Save(record), Status::kOk);
  const TypeParam first = record;
  for (uint64_t r = 2; r <= 4; ++r) {
    this->clock.set_wall_time_ms(int64_t(1000 * r));
    record.mutable_meta()->set_revision(0);  // the caller's revision is not trusted
    ASSERT_EQ(records.Save(record), Status::kOk);
    EXPECT_EQ(record.meta().revision(), r);
    EXPECT_EQ(record.meta().modified_ms(), int64_t(1000 * r));
  }
  // A save from a stale copy still gets a revision of its own.
  TypeParam stale = first;
  ASSERT_EQ(records.Save(stale), Status::kOk);
  EXPECT_EQ(stale.meta().revision(), 5u);
  TypeParam got;
  ASSERT_EQ(records.Get(record.meta().id(), &got), Status::kOk);
  EXPECT_EQ(got.meta().revision(), 5u);
}

TYPED_TEST(RepositoryTypedTest, NewRecordsGetDistinctIdsListedInIdOrder) {
  auto& records = this->repo;
  std::set<std::string> ids;
  for (int n = 0; n < 30; ++n) {
    TypeParam record = Sample<TypeParam>(n);
    ASSERT_EQ(records.Save(record), Status::kOk);
    ids.insert(record.meta().id());
  }
  EXPECT_EQ(ids.size(), 30u);
  std::vector<TypeParam> listed;
  ASSERT_EQ(records.List(&listed), Status::kOk);
  ASSERT_EQ(listed.size(), 30u);
  std::vector<std::string> order;
  for (const auto& r : listed) order.push_back(r.meta().id());
  EXPECT_TRUE(std::equal(order.begin(), order.end(), ids.begin())) << "not in id order";
}

// ---- Contacts: dirty set, tombstones, errors -------------------------------------------

class RepositoryTest : public ::testing::Test, protected RepositoryEnv {
 protected:
  ContactRepository repo{*store, clock, random};

  std::vector<DirtyEntry> DirtyNow() {
    std::vector<DirtyEntry> d;
    EXPECT_EQ(repo.Dirty(&d), Status::kOk);
    return d;
  }
  proto::Contact Saved(int n) {
    auto c = Sample<proto::Contact>(n);
    EXPECT_EQ(repo.Save(c), Status::kOk);
    return c;
  }
};

TEST_F(RepositoryTest, SaveMarksDirtyWithTheNewRevision) {
  auto c = Saved(1);
  EXPECT_EQ(DirtyNow(), (std::vector<DirtyEntry>{{c.meta().id(), 1}}));
  ASSERT_EQ(repo.Save(c), Status::kOk);
  EXPECT_EQ(DirtyNow(), (std::vector<DirtyEntry>{{c.meta().id(), 2}}));
  // The mark's format: the revision, 8 bytes little-endian.
  std::vector<uint8_t> raw;
  ASSERT_EQ(store->Get(DirtyNamespace(kContactsNamespace), KeyOf(c.meta().id()), &raw),
            storage::Status::kOk);
  ASSERT_EQ(raw.size(), 8u);
  EXPECT_EQ(GetLe64(raw.data()), 2u);
}

TEST_F(RepositoryTest, MarkSyncedClearsOnlyTheRevisionStillMarked) {
  auto c = Saved(1);
  const uint64_t sent = c.meta().revision();
  ASSERT_EQ(repo.Save(c), Status::kOk);  // edited while sync was sending revision 1
  EXPECT_EQ(repo.MarkSynced(c.meta().id(), sent), Status::kStale);
  EXPECT_EQ(DirtyNow(), (std::vector<DirtyEntry>{{c.meta().id(), 2}}));
  EXPECT_EQ(repo.MarkSynced(c.meta().id(), 3), Status::kStale) << "only equality clears";
  EXPECT_EQ(repo.MarkSynced(c.meta().id(), 2), Status::kOk);
  EXPECT_TRUE(DirtyNow().empty());
  EXPECT_EQ(repo.MarkSynced(c.meta().id(), 2), Status::kOk) << "a repeated ack is harmless";
  proto::Contact got;
  ASSERT_EQ(repo.Get(c.meta().id(), &got), Status::kOk);
  EXPECT_EQ(got.meta().revision(), 2u) << "syncing does not change the record";
}

TEST_F(RepositoryTest, ApplyRemoteStoresAsSentAndLeavesTheRecordClean) {
  auto remote = Sample<proto::Contact>(7);
  remote.mutable_meta()->set_id(std::string(16, '\x07'));
  remote.mutable_meta()->set_revision(9);
  remote.mutable_meta()->set_modified_ms(123);
  ASSERT_EQ(repo.ApplyRemote(remote), Status::kOk);
  proto::Contact got;
  ASSERT_EQ(repo.Get(remote.meta().id(), &got), Status::kOk);
  EXPECT_TRUE(MessageDifferencer::Equals(got, remote)) << got.ShortDebugString();
  EXPECT_TRUE(DirtyNow().empty());

  // Over a dirty local edit: the server's copy wins and the mark goes with it.
  auto local = got;
  local.set_nickname("local edit");
  ASSERT_EQ(repo.Save(local), Status::kOk);
  EXPECT_EQ(local.meta().revision(), 10u) << "local revisions continue from the server's";
  ASSERT_EQ(DirtyNow().size(), 1u);
  remote.mutable_meta()->set_revision(11);
  ASSERT_EQ(repo.ApplyRemote(remote), Status::kOk);
  EXPECT_TRUE(DirtyNow().empty());
  ASSERT_EQ(repo.Get(remote.meta().id(), &got), Status::kOk);
  EXPECT_EQ(got.nickname(), "");
  EXPECT_EQ(got.meta().revision(), 11u);
}

// The sync agent's way in: staged saves and remote records, committed in one transaction
// with state of its own.
TEST_F(RepositoryTest, StagedChangesCommitWithOtherStateInOneTransaction) {
  auto dirty = Saved(1);
  auto remote = dirty;
  remote.set_nickname("from the server");
  auto merged = Saved(2);
  merged.set_nickname("merged");
  std::vector<storage::Change> changes;
  ASSERT_EQ(repo.StageRemote(remote, &changes), Status::kOk);
  ASSERT_EQ(repo.StageLocal(merged, &changes), Status::kOk);
  auto fresh = Sample<proto::Contact>(3);  // a conflict copy: no id yet
  ASSERT_EQ(repo.StageLocal(fresh, &changes), Status::kOk);
  EXPECT_EQ(fresh.meta().id().size(), kIdSize);
  EXPECT_EQ(merged.meta().revision(), 2u);
  changes.push_back({storage::RecordOp::kPut, 40, storage::Key{}, {1, 2, 3}});
  EXPECT_TRUE(DirtyNow().size() == 2u) << "nothing happens before the commit";
  ASSERT_EQ(store->Commit(changes), storage::Status::kOk);
  proto::Contact got;
  ASSERT_EQ(repo.Get(remote.meta().id(), &got), Status::kOk);
  EXPECT_EQ(got.nickname(), "from the server");
  ASSERT_EQ(repo.Get(merged.meta().id(), &got), Status::kOk);
  EXPECT_EQ(got.nickname(), "merged");
  // Dirty() lists in id order: the remote record is clean; the merge and the copy are
  // local changes to push.
  std::vector<DirtyEntry> want{{merged.meta().id(), 2}, {fresh.meta().id(), 1}};
  std::sort(want.begin(), want.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  EXPECT_EQ(DirtyNow(), want);
  EXPECT_TRUE(store->Contains(40, storage::Key{}));
  auto bad = remote;
  bad.mutable_meta()->set_id("short");
  EXPECT_EQ(repo.StageRemote(bad, &changes), Status::kInvalidRecord);
}

TEST_F(RepositoryTest, RemoveLeavesADirtyTombstone) {
  auto c = Saved(1);
  auto other = Saved(2);
  ASSERT_EQ(repo.MarkSynced(c.meta().id(), 1), Status::kOk);
  clock.set_wall_time_ms(5555);
  ASSERT_EQ(repo.Remove(c.meta().id()), Status::kOk);

  proto::Contact got;
  ASSERT_EQ(repo.Get(c.meta().id(), &got), Status::kOk);
  EXPECT_TRUE(got.meta().deleted());
  EXPECT_EQ(got.meta().id(), c.meta().id());
  EXPECT_EQ(got.meta().revision(), 2u);
  EXPECT_EQ(got.meta().modified_ms(), 5555);
  proto::Contact meta_only;
  *meta_only.mutable_meta() = got.meta();
  EXPECT_TRUE(MessageDifferencer::Equals(got, meta_only)) << "kept more than meta";
  std::vector<DirtyEntry> expect_dirty{{c.meta().id(), 2}, {other.meta().id(), 1}};
  std::sort(expect_dirty.begin(), expect_dirty.end(),
            [](const auto& x, const auto& y) { return x.id < y.id; });  // id order
  EXPECT_EQ(DirtyNow(), expect_dirty);

  std::vector<proto::Contact> live, all;
  ASSERT_EQ(repo.List(&live), Status::kOk);
  ASSERT_EQ(repo.List(&all, Listing::kWithDeleted), Status::kOk);
  ASSERT_EQ(live.size(), 1u);
  EXPECT_EQ(live[0].meta().id(), other.meta().id());
  EXPECT_EQ(all.size(), 2u);
  size_t count = 9;
  ASSERT_EQ(repo.Count(&count), Status::kOk);
  EXPECT_EQ(count, 1u);
  EXPECT_EQ(repo.LiveCount(), 1u) << "the index-only count must skip tombstones too";

  EXPECT_EQ(repo.Remove(c.meta().id()), Status::kOk);
  ASSERT_EQ(repo.Get(c.meta().id(), &got), Status::kOk);
  EXPECT_EQ(got.meta().revision(), 2u) << "removing a tombstone again changes nothing";
  EXPECT_EQ(repo.Remove(std::string(16, 'z')), Status::kNotFound);

  // Saving under the id again brings the record back above the tombstone's revision.
  c.mutable_meta()->set_revision(1);
  ASSERT_EQ(repo.Save(c), Status::kOk);
  EXPECT_EQ(c.meta().revision(), 3u);
  ASSERT_EQ(repo.Get(c.meta().id(), &got), Status::kOk);
  EXPECT_FALSE(got.meta().deleted());
  EXPECT_EQ(got.display_name(), "Contact 1");
  EXPECT_EQ(repo.LiveCount(), 2u) << "a record brought back counts again";
}

TEST_F(RepositoryTest, BadIdsAndDeletedSavesAreRefused) {
  auto c = Sample<proto::Contact>(1);
  c.mutable_meta()->set_id(std::string(15, 'a'));
  EXPECT_EQ(repo.Save(c), Status::kInvalidRecord);
  EXPECT_EQ(c.meta().revision(), 0u);
  c.mutable_meta()->set_id(std::string(17, 'a'));
  EXPECT_EQ(repo.Save(c), Status::kInvalidRecord);
  c.mutable_meta()->clear_id();
  c.mutable_meta()->set_deleted(true);
  EXPECT_EQ(repo.Save(c), Status::kInvalidRecord) << "a tombstone is made by Remove";
  EXPECT_EQ(repo.ApplyRemote(Sample<proto::Contact>(2)), Status::kInvalidRecord)
      << "a record from the server has an id already";
  proto::Contact got;
  EXPECT_EQ(repo.Get("short", &got), Status::kInvalidRecord);
  EXPECT_EQ(repo.Remove("short"), Status::kInvalidRecord);
  EXPECT_EQ(repo.MarkSynced("", 1), Status::kInvalidRecord);
  EXPECT_EQ(repo.Get(std::string(16, 'q'), &got), Status::kNotFound);
  EXPECT_EQ(store->Count(kContactsNamespace), 0u);
  EXPECT_EQ(store->Count(DirtyNamespace(kContactsNamespace)), 0u);
}

TEST_F(RepositoryTest, ARecordThatWouldNotReadBackIsRefused) {
  // proto3 writes invalid UTF-8 in a string field (logging an error) but refuses to parse it.
  auto c = Saved(1);
  c.set_display_name("\xff\xfe");
  EXPECT_EQ(repo.Save(c), Status::kInvalidRecord);
  EXPECT_EQ(c.meta().revision(), 1u);
  proto::Contact got;
  ASSERT_EQ(repo.Get(c.meta().id(), &got), Status::kOk);
  EXPECT_EQ(got.display_name(), "Contact 1") << "the stored record must stay readable";
  EXPECT_EQ(repo.ApplyRemote(c), Status::kInvalidRecord);
  EXPECT_EQ(DirtyNow(), (std::vector<DirtyEntry>{{c.meta().id(), 1}}));
}

TEST_F(RepositoryTest, AValueThatDoesNotParseIsCorruptNeverData) {
  auto good = Saved(1);
  const std::string bad_id(16, '\x01');
  // 0xFF...: field 31, wire type 7, which does not exist.
  ASSERT_EQ(store->Put(kContactsNamespace, KeyOf(bad_id), std::vector<uint8_t>(12, 0xFF)),
            storage::Status::kOk);
  proto::Contact got = Sample<proto::Contact>(3);
  EXPECT_EQ(repo.Get(bad_id, &got), Status::kCorrupt);
  EXPECT_TRUE(MessageDifferencer::Equals(got, proto::Contact())) << "partial data handed out";

  // A well-formed record stored under another record's id is damage too.
  auto misfiled = Sample<proto::Contact>(4);
  misfiled.mutable_meta()->set_id(std::string(16, '\x05'));
  const std::string wrong_key(16, '\x02');
  const std::string misfiled_bytes = misfiled.SerializeAsString();
  ASSERT_EQ(store->Put(kContactsNamespace, KeyOf(wrong_key),
                       std::vector<uint8_t>(misfiled_bytes.begin(), misfiled_bytes.end())),
            storage::Status::kOk);
  EXPECT_EQ(repo.Get(wrong_key, &got), Status::kCorrupt);

  // Listing shows what it can read and says something was not.
  std::vector<proto::Contact> listed;
  EXPECT_EQ(repo.List(&listed), Status::kCorrupt);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].meta().id(), good.meta().id());
  size_t count = 0;
  EXPECT_EQ(repo.Count(&count), Status::kCorrupt);
  EXPECT_EQ(count, 1u);

  // Its revision is unknown, so it cannot be saved over or removed.
  auto over = Sample<proto::Contact>(5);
  over.mutable_meta()->set_id(bad_id);
  EXPECT_EQ(repo.Save(over), Status::kCorrupt);
  EXPECT_EQ(repo.Remove(bad_id), Status::kCorrupt);

  // A dirty mark of the wrong size.
  ASSERT_EQ(store->Put(DirtyNamespace(kContactsNamespace), KeyOf(bad_id), std::vector<uint8_t>(3)),
            storage::Status::kOk);
  std::vector<DirtyEntry> dirty;
  EXPECT_EQ(repo.Dirty(&dirty), Status::kCorrupt);
  EXPECT_EQ(dirty, (std::vector<DirtyEntry>{{good.meta().id(), 1}}));
  EXPECT_EQ(repo.MarkSynced(bad_id, 1), Status::kCorrupt);
}

TEST_F(RepositoryTest, RecordsAndDirtySetSurviveARemount) {
  auto a = Saved(1);
  auto b = Saved(2);
  auto c = Saved(3);
  ASSERT_EQ(repo.MarkSynced(a.meta().id(), 1), Status::kOk);
  ASSERT_EQ(repo.Remove(b.meta().id()), Status::kOk);
  ASSERT_EQ(repo.Save(c), Status::kOk);
  NoteRepository notes{*store, clock, random};
  auto note = Sample<proto::Note>(1);
  ASSERT_EQ(notes.Save(note), Status::kOk);
  const std::string contacts_before = Dump(repo);
  const std::string notes_before = Dump(notes);
  EXPECT_NE(contacts_before.find("deleted: true"), std::string::npos);

  store.reset();  // the repositories hold a reference: rebuild them on the new store
  store = MountOk(*flash);
  ContactRepository contacts_after{*store, clock, random};
  NoteRepository notes_after{*store, clock, random};
  EXPECT_EQ(Dump(contacts_after), contacts_before);
  EXPECT_EQ(Dump(notes_after), notes_before);
}

TEST_F(RepositoryTest, TypesDoNotShareRecordsOrDirtySets) {
  auto c = Saved(1);
  NoteRepository notes{*store, clock, random};
  auto note = Sample<proto::Note>(1);
  note.mutable_meta()->set_id(c.meta().id());
  ASSERT_EQ(notes.Save(note), Status::kOk);
  EXPECT_EQ(note.meta().revision(), 1u);
  ASSERT_EQ(notes.MarkSynced(note.meta().id(), 1), Status::kOk);
  EXPECT_EQ(DirtyNow(), (std::vector<DirtyEntry>{{c.meta().id(), 1}}));
  proto::Contact got;
  ASSERT_EQ(repo.Get(c.meta().id(), &got), Status::kOk);
  EXPECT_EQ(got.display_name(), "Contact 1");
}

TEST_F(RepositoryTest, AReseededRandomDoesNotReuseIds) {
  // After a reboot a simulator's generator starts from its seed again.
  std::set<std::string> ids;
  for (int boot = 0; boot < 3; ++boot) {
    SimRandom same_seed(9);
    ContactRepository r{*store, clock, same_seed};
    for (int n = 0; n < 5; ++n) {
      auto c = Sample<proto::Contact>(n);
      ASSERT_EQ(r.Save(c), Status::kOk);
      EXPECT_EQ(c.meta().revision(), 1u) << "an existing record was overwritten";
      ids.insert(c.meta().id());
    }
  }
  EXPECT_EQ(ids.size(), 15u);
  EXPECT_EQ(store->Count(kContactsNamespace), 15u);
}

class StuckRandom final : public hal::Random {
 public:
  uint64_t next_u64() override { return 0x1234; }
};

TEST_F(RepositoryTest, ABrokenRandomIsReportedNotLoopedOn) {
  StuckRandom stuck;
  ContactRepository r{*store, clock, stuck};
  auto first = Sample<proto::Contact>(1);
  ASSERT_EQ(r.Save(first), Status::kOk);
  auto second = Sample<proto::Contact>(2);
  EXPECT_EQ(r.Save(second), Status::kNoFreeId);
  EXPECT_EQ(store->Count(kContactsNamespace), 1u);
}

TEST_F(RepositoryTest, AFailedSaveKeepsTheAssignedIdButNotTheRevision) {
  auto c = Sample<proto::Contact>(1);
  flash->schedule_power_cut(flash->writes(), hal::sim::TearMode::kNothing);
  EXPECT_EQ(repo.Save(c), Status::kPowerLost);
  EXPECT_EQ(c.meta().id().size(), kIdSize);
  EXPECT_EQ(c.meta().revision(), 0u);
  EXPECT_EQ(c.meta().modified_ms(), 0);
}

}  // namespace
}  // namespace swivel::os::pim
