#include "os/sync/sync_state.h"

#include <gtest/gtest.h>

#include "hal/sim/sim_flash.h"
#include "os/pim/namespaces.h"
#include "tests/os/pim/pim_test_support.h"

namespace swivel::os::sync {
namespace {

constexpr hal::FlashGeometry kGeometry{.page_size = 512, .pages_per_block = 16,
                                       .block_count = 32, .erase_endurance = 100000};

struct SyncStateTest : ::testing::Test {
  std::unique_ptr<hal::sim::SimFlash> flash = hal::sim::SimFlash::InMemory(kGeometry, 1);
  std::unique_ptr<storage::Store> store = pim::test::MountOk(*flash);
  std::unique_ptr<SyncState> owned = std::make_unique<SyncState>(*store);
  SyncState* state_ = owned.get();

  void Remount() {
    store.reset();
    store = pim::test::MountOk(*flash);
    owned = std::make_unique<SyncState>(*store);
    state_ = owned.get();
  }
  swivel::sync::Record Base(char fill, uint64_t sequence) {
    swivel::sync::Record r;
    r.set_type(swivel::sync::RECORD_TYPE_CONTACT);
    r.set_id(std::string(16, fill));
    r.mutable_stamp()->set_epoch(std::string(16, 'E'));
    r.mutable_stamp()->set_sequence(sequence);
    r.set_payload("payload " + std::to_string(sequence));
    return r;
  }
};

TEST_F(SyncStateTest, NothingYetReadsAsAFirstSync) {
  swivel::sync::DeviceAccount account;
  EXPECT_EQ(state_->LoadAccount(&account), pim::Status::kNotFound);
  swivel::sync::DeviceCursor cursor;
  cursor.set_anchor(99);
  ASSERT_EQ(state_->LoadCursor(&cursor), pim::Status::kOk);
  EXPECT_TRUE(cursor.epoch().empty());
  EXPECT_EQ(cursor.anchor(), 0u);
  swivel::sync::Record base;
  EXPECT_EQ(state_->LoadBase(pim::kContactsNamespace, std::string(16, 'a'), &base), pim::Status::kNotFound);
}

TEST_F(SyncStateTest, AccountCursorAndBasesSurviveARemount) {
  swivel::sync::DeviceAccount account;
  account.set_account("ana@example.org");
  account.set_device_id("dev-1");
  account.set_token("secret");
  ASSERT_EQ(state_->SaveAccount(account), pim::Status::kOk);
  std::vector<storage::Change> changes;
  swivel::sync::DeviceCursor cursor;
  cursor.set_epoch(std::string(16, 'E'));
  cursor.set_anchor(42);
  cursor.set_reseed_pending(true);
  state_->StageCursor(cursor, &changes);
  ASSERT_EQ(state_->StageBase(pim::kContactsNamespace, Base('a', 7), &changes), pim::Status::kOk);
  ASSERT_EQ(state_->StageBase(pim::kNotesNamespace, Base('b', 8), &changes), pim::Status::kOk);
  swivel::sync::DeviceCursor before;
  ASSERT_EQ(state_->LoadCursor(&before), pim::Status::kOk);
  EXPECT_EQ(before.anchor(), 0u) << "staged, not written";
  ASSERT_EQ(store->Commit(changes), storage::Status::kOk);
  Remount();

  swivel::sync::DeviceAccount got_account;
  ASSERT_EQ(state_->LoadAccount(&got_account), pim::Status::kOk);
  EXPECT_EQ(got_account.token(), "secret");
  swivel::sync::DeviceCursor got;
  ASSERT_EQ(state_->LoadCursor(&got), pim::Status::kOk);
  EXPECT_EQ(got.anchor(), 42u);
  EXPECT_TRUE(got.reseed_pending());
  swivel::sync::Record base;
  ASSERT_EQ(state_->LoadBase(pim::kContactsNamespace, std::string(16, 'a'), &base), pim::Status::kOk);
  EXPECT_EQ(base.stamp().sequence(), 7u);
  EXPECT_EQ(base.payload(), "payload 7");
  EXPECT_EQ(state_->LoadBase(pim::kContactsNamespace, std::string(16, 'b'), &base), pim::Status::kNotFound)
      << "bases are kept per type";
  EXPECT_EQ(state_->CountBases(pim::kNotesNamespace), 1u);
  EXPECT_FALSE(store->Contains(pim::kContactsNamespace, storage::Key{}))
      << "bases never land among the records";
}

TEST_F(SyncStateTest, BadIdsAndUnreadableStateAreRefused) {
  std::vector<storage::Change> changes;
  auto bad = Base('a', 1);
  bad.set_id("short");
  EXPECT_EQ(state_->StageBase(pim::kContactsNamespace, bad, &changes), pim::Status::kInvalidRecord);
  EXPECT_TRUE(changes.empty());
  swivel::sync::Record base;
  EXPECT_EQ(state_->LoadBase(pim::kContactsNamespace, "short", &base), pim::Status::kInvalidRecord);
  // A cursor that does not parse is corruption, never a silent first sync (which would
  // re-pull and re-merge everything against missing bases).
  storage::Key key{};
  key[0] = 2;
  const std::vector<uint8_t> garbage{0xFF, 0xFF, 0xFF};
  ASSERT_EQ(store->Put(pim::kSyncStateNamespace, key, garbage), storage::Status::kOk);
  swivel::sync::DeviceCursor cursor;
  EXPECT_EQ(state_->LoadCursor(&cursor), pim::Status::kCorrupt);
}

}  // namespace
}  // namespace swivel::os::sync
