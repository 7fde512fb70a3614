// The trash: what a delete leaves behind, restoring it, purging it after 30 days of device
// time, and the entry landing in the tombstone's own transaction (power cuts included).
#include "os/pim/trash.h"

#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "os/pim/repository.h"
#include "tests/os/pim/pim_test_support.h"

namespace swivel::os::pim {
namespace {

using google::protobuf::util::MessageDifferencer;
using hal::sim::SimClock;
using hal::sim::SimFlash;
using hal::sim::SimRandom;
using hal::sim::TearMode;
using namespace std::chrono_literals;
using namespace test;

constexpr hal::FlashGeometry kGeometry{.page_size = 256, .pages_per_block = 8,
                                       .block_count = 64, .erase_endurance = 100000};

storage::Key KeyOf(const std::string& id) {
  storage::Key k{};
  std::copy(id.begin(), id.end(), k.begin());
  return k;
}

class TrashEnv {
 protected:
  SimClock clock;
  SimRandom random{42};
  std::unique_ptr<SimFlash> flash = SimFlash::InMemory(kGeometry, 1);
  std::unique_ptr<storage::Store> store = MountOk(*flash);
};

// ---- Every record type: delete, list, restore ------------------------------------------

template <typename M>
class TrashTypedTest : public ::testing::Test, protected TrashEnv {
 protected:
  Repository<M> repo{*store, clock, random};
};
using RecordTypes = ::testing::Types<proto::Contact, proto::Event, proto::Task, proto::Note,
                                     proto::Photo>;
TYPED_TEST_SUITE(TrashTypedTest, RecordTypes);

TYPED_TEST(TrashTypedTest, ARemovedRecordWaitsInTheTrashAndIsRestoredAsALocalChange) {
  auto& records = this->repo;
  TypeParam record = Sample<TypeParam>(3);
  ASSERT_EQ(records.Save(record), Status::kOk);
  ASSERT_EQ(records.Save(record), Status::kOk);  // revision 2: the last live version
  const TypeParam last_live = record;
  ASSERT_EQ(records.MarkSynced(record.meta().id(), 2), Status::kOk);
  this->clock.run_for(1h);
  ASSERT_EQ(records.Remove(record.meta().id()), Status::kOk);  // a tombstone at revision 3

  std::vector<Trashed<TypeParam>> trash;
  ASSERT_EQ(records.ListTrash(&trash), Status::kOk);
  ASSERT_EQ(trash.size(), 1u);
  EXPECT_TRUE(MessageDifferencer::Equals(trash[0].record, last_live)) << trash[0].record.ShortDebugString();
  EXPECT_EQ(trash[0].deleted_at, this->clock.now());
  EXPECT_EQ(trash[0].deleted_ms, this->clock.wall_time_ms());
  EXPECT_EQ(records.LiveCount(), 0u);

  this->clock.run_for(24h);
  TypeParam restored;
  ASSERT_EQ(records.Restore(record.meta().id(), &restored), Status::kOk);
  EXPECT_FALSE(restored.meta().deleted());
  EXPECT_EQ(restored.meta().revision(), 4u) << "above the tombstone, so it syncs back";
  EXPECT_EQ(restored.meta().modified_ms(), this->clock.wall_time_ms());
  TypeParam got;
  ASSERT_EQ(records.Get(record.meta().id(), &got), Status::kOk);
  EXPECT_TRUE(MessageDifferencer::Equals(got, restored));
  got.clear_meta();
  TypeParam content = last_live;
  content.clear_meta();
  EXPECT_TRUE(MessageDifferencer::Equals(got, content)) << "the content is the last live one";
  std::vector<DirtyEntry> dirty;
  ASSERT_EQ(records.Dirty(&dirty), Status::kOk);
  EXPECT_EQ(dirty, (std::vector<DirtyEntry>{{record.meta().id(), 4}}));
  ASSERT_EQ(records.ListTrash(&trash), Status::kOk);
  EXPECT_TRUE(trash.empty());
  EXPECT_EQ(records.LiveCount(), 1u);
  EXPECT_EQ(records.Restore(record.meta().id()), Status::kNotFound) << "restored once only";
}

// ---- Contacts ---------------------------------------------------------------------------

class TrashTest : public ::testing::Test, protected TrashEnv {
 protected:
  ContactRepository repo{*store, clock, random};
  Trash trash{*store, clock};

  proto::Contact Saved(int n) {
    auto c = Sample<proto::Contact>(n);
    EXPECT_EQ(repo.Save(c), Status::kOk);
    return c;
  }
  std::vector<std::string> TrashIds() {
    std::vector<Trashed<proto::Contact>> items;
    EXPECT_EQ(repo.ListTrash(&items), Status::kOk);
    std::vector<std::string> ids;
    for (const auto& t : items) ids.push_back(t.record.meta().id());
    return ids;
  }
};

TEST_F(TrashTest, ATombstoneFromTheServerTrashesTheLiveRecordAndALiveVersionEmptiesIt) {
  auto c = Saved(1);
  proto::Contact tombstone;
  *tombstone.mutable_meta() = c.meta();
  tombstone.mutable_meta()->set_revision(9);
  tombstone.mutable_meta()->set_deleted(true);
  ASSERT_EQ(repo.ApplyRemote(tombstone), Status::kOk);
  EXPECT_EQ(TrashIds(), std::vector<std::string>{c.meta().id()});
  ASSERT_EQ(repo.ApplyRemote(tombstone), Status::kOk);
  std::vector<Trashed<proto::Contact>> items;
  ASSERT_EQ(repo.ListTrash(&items), Status::kOk);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].record.display_name(), c.display_name())
      << "a tombstone over a tombstone leaves the entry as it was";

  // Another handset restored it: the live version comes down, and the trash lets it go.
  proto::Contact back = c;
  back.mutable_meta()->set_revision(10);
  ASSERT_EQ(repo.ApplyRemote(back), Status::kOk);
  EXPECT_TRUE(TrashIds().empty());
  // So does saving a new version under the id of a removed record.
  ASSERT_EQ(repo.Remove(c.meta().id()), Status::kOk);
  EXPECT_EQ(trash.Count(), 1u);
  proto::Contact again = Sample<proto::Contact>(2);
  again.mutable_meta()->set_id(c.meta().id());
  ASSERT_EQ(repo.Save(again), Status::kOk);
  EXPECT_EQ(trash.Count(), 0u);
}

TEST_F(TrashTest, APurgeTakesWhatIsThirtyDaysOldAndNothingYounger) {
  auto old_one = Saved(1);
  auto young = Saved(2);
  auto kept = Saved(3);
  ASSERT_EQ(repo.Remove(old_one.meta().id()), Status::kOk);
  clock.run_for(24h);
  ASSERT_EQ(repo.Remove(young.meta().id()), Status::kOk);
  clock.run_for(28 * 24h);  // the first: 29 days
  size_t purged = 99;
  ASSERT_EQ(trash.Purge(&purged), Status::kOk);
  EXPECT_EQ(purged, 0u);
  EXPECT_EQ(TrashIds().size(), 2u);

  clock.run_for(24h - 1us);
  ASSERT_EQ(trash.Purge(&purged), Status::kOk);
  EXPECT_EQ(purged, 0u) << "one microsecond short of 30 days";
  clock.run_for(1us);  // the first: exactly 30 days; the second: 29
  ASSERT_EQ(trash.Purge(&purged), Status::kOk);
  EXPECT_EQ(purged, 1u);
  EXPECT_EQ(TrashIds(), std::vector<std::string>{young.meta().id()});
  EXPECT_EQ(repo.Restore(old_one.meta().id()), Status::kNotFound);
  proto::Contact got;
  ASSERT_EQ(repo.Get(old_one.meta().id(), &got), Status::kOk);
  EXPECT_TRUE(got.meta().deleted()) << "the tombstone stays: the delete still has to sync";
  ASSERT_EQ(repo.Get(kept.meta().id(), &got), Status::kOk);
  EXPECT_FALSE(got.meta().deleted());

  clock.run_for(24h);
  ASSERT_EQ(trash.Purge(&purged), Status::kOk);
  EXPECT_EQ(purged, 1u);
  EXPECT_EQ(trash.Count(), 0u);
}

TEST_F(TrashTest, TheRtcJumpingAheadEmptiesNothing) {
  auto c = Saved(1);
  clock.set_wall_time_ms(978307200000);  // reset to 2001 by a battery pull
  ASSERT_EQ(repo.Remove(c.meta().id()), Status::kOk);
  clock.set_wall_time_ms(1767225600000);  // set right: 25 years later on the RTC
  size_t purged = 99;
  ASSERT_EQ(trash.Purge(&purged), Status::kOk);
  EXPECT_EQ(purged, 0u);
  std::vector<Trashed<proto::Contact>> items;
  ASSERT_EQ(repo.ListTrash(&items), Status::kOk);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].deleted_ms, 978307200000) << "shown as it was";
}

TEST_F(TrashTest, TheEntryIsOnFlashWithTheTombstone) {
  auto c = Saved(1);
  ASSERT_EQ(repo.Remove(c.meta().id()), Status::kOk);
  store = MountOk(*flash);  // a battery pull
  ContactRepository after{*store, clock, random};
  std::vector<Trashed<proto::Contact>> items;
  ASSERT_EQ(after.ListTrash(&items), Status::kOk);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].record.display_name(), c.display_name());
  ASSERT_EQ(after.Restore(c.meta().id()), Status::kOk);
  store = MountOk(*flash);
  ContactRepository again{*store, clock, random};
  proto::Contact got;
  ASSERT_EQ(again.Get(c.meta().id(), &got), Status::kOk);
  EXPECT_FALSE(got.meta().deleted());
  EXPECT_EQ(store->Count(TrashNamespace(kContactsNamespace)), 0u);
}

// A cut at every write of a Remove and of a Restore: after the remount, the record is live
// with no trash entry, or a tombstone with its entry; never one without the other.
TEST(TrashPowerCut, TheTombstoneAndItsEntryLandTogether) {
  // The reference run: how many writes each step takes.
  auto run = [](SimFlash& flash, SimClock& clock, SimRandom& random, std::string* id) {
    storage::Status mounted;
    auto store = storage::Store::Mount(flash, &mounted);
    if (!store) return FromStorage(mounted);
    ContactRepository repo{*store, clock, random};
    for (int n = 0; n < 6; ++n) {  // enough to reach GC on this small flash
      auto c = Sample<proto::Contact>(n);
      c.set_note(std::string(300, 'n'));
      if (const Status s = repo.Save(c); s != Status::kOk) return s;
      *id = c.meta().id();
    }
    if (const Status s = repo.Remove(*id); s != Status::kOk) return s;
    return repo.Restore(*id);
  };
  constexpr hal::FlashGeometry kSmall{.page_size = 256, .pages_per_block = 8, .block_count = 8,
                                      .erase_endurance = 100000};
  uint64_t writes = 0;
  {
    SimClock clock;
    SimRandom random(7);
    auto flash = SimFlash::InMemory(kSmall, 1);
    std::string id;
    ASSERT_EQ(run(*flash, clock, random, &id), Status::kOk);
    writes = flash->writes();
  }
  size_t tombstones = 0, live = 0;
  for (auto mode : {TearMode::kNothing, TearMode::kPrefix, TearMode::kRandomSubset, TearMode::kComplete})
    for (uint64_t i = 0; i < writes; ++i) {
      SimClock clock;
      SimRandom random(7);
      auto flash = SimFlash::InMemory(kSmall, i);
      flash->set_unstable_tears(true);
      flash->schedule_power_cut(i, mode);
      std::string id;
      ASSERT_EQ(run(*flash, clock, random, &id), Status::kPowerLost) << "write " << i;
      flash->restore_power();
      auto store = MountOk(*flash);
      ContactRepository repo{*store, clock, random};
      if (id.empty()) continue;  // cut before the last contact was saved
      proto::Contact got;
      const Status s = repo.Get(id, &got);
      if (s == Status::kNotFound) continue;  // its first save was cut
      ASSERT_EQ(s, Status::kOk) << "write " << i;
      const bool entry = store->Contains(TrashNamespace(kContactsNamespace), KeyOf(id));
      const bool marker = store->Contains(RemovedNamespace(kContactsNamespace), KeyOf(id));
      EXPECT_EQ(entry, got.meta().deleted()) << "cut at write " << i << " mode " << int(mode);
      EXPECT_EQ(marker, got.meta().deleted()) << "cut at write " << i << " mode " << int(mode);
      (got.meta().deleted() ? tombstones : live)++;
      if (got.meta().deleted()) {
        std::vector<Trashed<proto::Contact>> items;
        ASSERT_EQ(repo.ListTrash(&items), Status::kOk);
        ASSERT_EQ(items.size(), 1u);
        EXPECT_EQ(items[0].record.note(), std::string(300, 'n'));
      }
      if (::testing::Test::HasFailure()) return;
    }
  EXPECT_GT(tombstones, 4u) << "some cuts must land between the Remove and the Restore";
  EXPECT_GT(live, 4u);
}

}  // namespace
}  // namespace swivel::os::pim
