// The cache-only policy (the 2009 behaviour, for drills): what it drops and what it keeps.
#include "os/sync/cache_only.h"

#include <gtest/gtest.h>

#include "os/pim/namespaces.h"
#include "tests/os/sync/sync_test_phone.h"

namespace swivel::os::sync {
namespace {

struct CacheOnlyTest : ::testing::Test, test::StoragePhone {
  CacheOnlyTest() : StoragePhone(3) {}
  void SaveSome() {
    swivel::pim::Contact c;
    c.set_display_name("Ana");
    ASSERT_EQ(contacts.Save(c), pim::Status::kOk);
    swivel::pim::Note n;
    n.set_body("keep me");
    ASSERT_EQ(notes.Save(n), pim::Status::kOk);
    ASSERT_EQ(notes.Remove(n.meta().id()), pim::Status::kOk);
  }
};

TEST_F(CacheOnlyTest, ASignedInHandsetDropsEverythingButItsAccount) {
  SaveSome();
  swivel::sync::DeviceAccount account;
  account.set_account("ana");
  account.set_token("t");
  ASSERT_EQ(state.SaveAccount(account), pim::Status::kOk);
  std::vector<storage::Change> changes;
  swivel::sync::DeviceCursor cursor;
  cursor.set_epoch(std::string(16, 'e'));
  cursor.set_anchor(7);
  state.StageCursor(cursor, &changes);
  ASSERT_EQ(pim::FromStorage(store->Commit(changes)), pim::Status::kOk);

  ASSERT_EQ(DropLocalCopy(*store), pim::Status::kOk);
  for (uint8_t ns : {pim::kContactsNamespace, pim::kNotesNamespace, pim::DirtyNamespace(pim::kContactsNamespace),
                     pim::RemovedNamespace(pim::kNotesNamespace)})
    EXPECT_EQ(store->Count(ns), 0u) << int(ns);
  swivel::sync::DeviceAccount kept;
  ASSERT_EQ(state.LoadAccount(&kept), pim::Status::kOk);
  EXPECT_EQ(kept.token(), "t");
  ASSERT_EQ(state.LoadCursor(&cursor), pim::Status::kOk);
  EXPECT_EQ(cursor.anchor(), 0u) << "the next sync pulls everything";
  EXPECT_TRUE(cursor.epoch().empty());
}

TEST_F(CacheOnlyTest, AHandsetNeverSignedInKeepsItsRecords) {
  SaveSome();
  ASSERT_EQ(DropLocalCopy(*store), pim::Status::kOk);
  EXPECT_EQ(contacts.LiveCount(), 1u);
  EXPECT_EQ(store->Count(pim::kNotesNamespace), 1u);
}

}  // namespace
}  // namespace swivel::os::sync
