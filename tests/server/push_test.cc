// The push rules of proto/sync.proto, through SyncServer on a real SQLite store.
#include <gtest/gtest.h>

#include "server/crypto.h"
#include "server/sync_logic.h"
#include "tests/server/server_test_util.h"

namespace swivel::server::testing {
namespace {

using sync::PushResult;

sync::Stamp StampOf(const PushResult& result) { return result.stamp(); }

TEST(ServerPush, NewRecordIsStoredWithAStampOfThisEpoch) {
  ServerHarness h;
  auto s = h.SignIn("anna");
  auto reply = h.Sync(s, {Contact(Id(1), "Bo")});
  ASSERT_TRUE(reply.ok()) << reply.status().message();
  ASSERT_EQ(reply->pushed_size(), 1);
  EXPECT_EQ(reply->pushed(0).outcome(), PushResult::OUTCOME_STORED);
  EXPECT_EQ(reply->pushed(0).id(), Id(1));
  EXPECT_EQ(reply->pushed(0).stamp().epoch(), h.store().Epoch());
  EXPECT_EQ(reply->pushed(0).stamp().sequence(), 1u);
  EXPECT_EQ(reply->sequence(), 1u);
  EXPECT_EQ(reply->epoch(), h.store().Epoch());
}

TEST(ServerPush, BaseEqualToTheCurrentStampIsStored) {
  ServerHarness h;
  auto s = h.SignIn("anna");
  auto first = h.Sync(s, {Contact(Id(1), "Bo", 1)});
  auto second = h.Sync(s, {WithBase(Contact(Id(1), "Bo Li", 2), StampOf(first->pushed(0)))});
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->pushed(0).outcome(), PushResult::OUTCOME_STORED);
  EXPECT_EQ(second->pushed(0).stamp().sequence(), 2u);
  // Another device sees the new version only.
  auto other = h.SignIn("anna", "tablet");
  auto pulled = h.PullAll(other);
  ASSERT_EQ(pulled.size(), 1u);
  EXPECT_EQ(pulled[0].payload(), Contact(Id(1), "Bo Li", 2).payload());
  EXPECT_EQ(pulled[0].stamp().sequence(), 2u);
}

TEST(ServerPush, BaseNewerThanTheCurrentInTheSameLineageIsStored) {
  // A server restored from an older backup holds an older version of what the device agreed
  // on: the current stamp is an ancestor of the base, so the push is stored.
  const std::string epoch(16, 'e');
  StoredRecord current;
  current.type = sync::RECORD_TYPE_CONTACT;
  current.id = Id(1);
  current.stamp = {epoch, 300};
  current.payload = Contact(Id(1), "old").payload();
  sync::Stamp base;
  base.set_epoch(epoch);
  base.set_sequence(500);
  EXPECT_EQ(DecidePush(current, WithBase(Contact(Id(1), "edited"), base), true),
            PushResult::OUTCOME_STORED);
  // A base of another lineage, or an older one, is a conflict.
  base.set_epoch(std::string(16, 'f'));
  EXPECT_EQ(DecidePush(current, WithBase(Contact(Id(1), "edited"), base), true),
            PushResult::OUTCOME_CONFLICT);
  base.set_epoch(epoch);
  base.set_sequence(299);
  EXPECT_EQ(DecidePush(current, WithBase(Contact(Id(1), "edited"), base), true),
            PushResult::OUTCOME_CONFLICT);
  EXPECT_EQ(DecidePush(current, Contact(Id(1), "edited"), true), PushResult::OUTCOME_CONFLICT);

  // The same through the store: a base of this epoch beyond the current version.
  ServerHarness h;
  auto s = h.SignIn("anna");
  auto first = h.Sync(s, {Contact(Id(1), "Bo", 1)});
  sync::Stamp later = StampOf(first->pushed(0));
  later.set_sequence(later.sequence() + 7);
  auto second = h.Sync(s, {WithBase(Contact(Id(1), "Bo Li", 2), later)});
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->pushed(0).outcome(), PushResult::OUTCOME_STORED);
}

TEST(ServerPush, IdenticalRetryIsUnchangedAndAddsNoFeedEntry) {
  ServerHarness h;
  auto s = h.SignIn("anna");
  const auto record = Contact(Id(1), "Bo");
  auto first = h.Sync(s, {record});
  ASSERT_EQ(first->pushed(0).outcome(), PushResult::OUTCOME_STORED);
  // The answer was lost: the device sends the same push again, with the same (empty) base.
  Session retry = s;
  retry.epoch.clear();
  retry.anchor = 0;
  auto again = h.Sync(retry, {record});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->pushed(0).outcome(), PushResult::OUTCOME_UNCHANGED);
  EXPECT_EQ(again->pushed(0).stamp().SerializeAsString(),
            first->pushed(0).stamp().SerializeAsString());
  EXPECT_EQ(again->sequence(), 1u) << "a retry must not make a new version";
  auto other = h.SignIn("anna", "tablet");
  EXPECT_EQ(h.PullAll(other).size(), 1u);
}

TEST(ServerPush, ConcurrentEditIsAConflictCarryingTheServersVersion) {
  ServerHarness h;
  auto phone = h.SignIn("anna", "phone");
  auto tablet = h.SignIn("anna", "tablet");
  auto v1 = h.Sync(phone, {Contact(Id(1), "Bo", 1)});
  const sync::Stamp base = v1->pushed(0).stamp();
  ASSERT_EQ(h.PullAll(tablet).size(), 1u);
  auto phone_edit = h.Sync(phone, {WithBase(Contact(Id(1), "Bo Li", 2), base)});
  ASSERT_EQ(phone_edit->pushed(0).outcome(), PushResult::OUTCOME_STORED);
  const std::string before = Dump(h.dir());

  auto tablet_edit = h.Sync(tablet, {WithBase(Contact(Id(1), "Bob", 2), base)});
  ASSERT_TRUE(tablet_edit.ok());
  const auto& result = tablet_edit->pushed(0);
  EXPECT_EQ(result.outcome(), PushResult::OUTCOME_CONFLICT);
  ASSERT_TRUE(result.has_current());
  EXPECT_EQ(result.current().payload(), Contact(Id(1), "Bo Li", 2).payload());
  EXPECT_EQ(result.current().stamp().SerializeAsString(),
            phone_edit->pushed(0).stamp().SerializeAsString());
  // The tablet's pull brings the phone's version too; nothing was written.
  ASSERT_EQ(tablet_edit->pulled_size(), 1);
  EXPECT_EQ(Dump(h.dir()), before);

  // Merged and pushed with the server's stamp as base: stored.
  auto merged = h.Sync(tablet, {WithBase(Contact(Id(1), "Bob Li", 3), result.current().stamp())});
  EXPECT_EQ(merged->pushed(0).outcome(), PushResult::OUTCOME_STORED);
}

TEST(ServerPush, PhotoWhoseBlobIsNotCompleteIsBlobMissing) {
  ServerHarness h;
  auto s = h.SignIn("anna");
  const std::string bytes(70000, 'p');
  const std::string sha = Sha256Of(bytes);
  auto missing = h.Sync(s, {Photo(Id(9), sha, bytes.size())});
  ASSERT_TRUE(missing.ok());
  EXPECT_EQ(missing->pushed(0).outcome(), PushResult::OUTCOME_BLOB_MISSING);
  EXPECT_EQ(missing->sequence(), 0u) << "nothing stored";

  // Half uploaded is still missing.
  ASSERT_TRUE(h.Upload(s, bytes, 10000, 0, 30000).ok());
  EXPECT_EQ(h.Sync(s, {Photo(Id(9), sha, bytes.size())})->pushed(0).outcome(),
            PushResult::OUTCOME_BLOB_MISSING);
  ASSERT_TRUE(h.Upload(s, bytes, 10000, 30000)->complete());
  auto stored = h.Sync(s, {Photo(Id(9), sha, bytes.size())});
  EXPECT_EQ(stored->pushed(0).outcome(), PushResult::OUTCOME_STORED);

  // A photo's tombstone needs no blob.
  pim::Photo gone;
  gone.mutable_meta()->set_id(Id(10));
  gone.mutable_meta()->set_deleted(true);
  sync::Record tombstone;
  tombstone.set_type(sync::RECORD_TYPE_PHOTO);
  tombstone.set_id(Id(10));
  tombstone.set_deleted(true);
  tombstone.set_payload(gone.SerializeAsString());
  EXPECT_EQ(h.Sync(s, {tombstone})->pushed(0).outcome(), PushResult::OUTCOME_STORED);
}

TEST(ServerPush, TombstoneWithTheCurrentBaseDeletesAndIsPulledAsDeleted) {
  ServerHarness h;
  auto phone = h.SignIn("anna", "phone");
  auto v1 = h.Sync(phone, {Contact(Id(1), "Bo")});
  auto del = h.Sync(phone, {WithBase(Contact(Id(1), "", 2, true), v1->pushed(0).stamp())});
  EXPECT_EQ(del->pushed(0).outcome(), PushResult::OUTCOME_STORED);
  auto tablet = h.SignIn("anna", "tablet");
  auto pulled = h.PullAll(tablet);
  ASSERT_EQ(pulled.size(), 1u);
  EXPECT_TRUE(pulled[0].deleted());
}

TEST(ServerPush, ResultsComeOnePerRecordInOrder) {
  ServerHarness h;
  auto s = h.SignIn("anna");
  auto reply = h.Sync(s, {Contact(Id(3), "c"), Note(Id(1), "n"), Contact(Id(2), "b")});
  ASSERT_EQ(reply->pushed_size(), 3);
  EXPECT_EQ(reply->pushed(0).id(), Id(3));
  EXPECT_EQ(reply->pushed(1).id(), Id(1));
  EXPECT_EQ(reply->pushed(1).type(), sync::RECORD_TYPE_NOTE);
  EXPECT_EQ(reply->pushed(2).id(), Id(2));
  EXPECT_EQ(reply->pushed(2).stamp().sequence(), 3u);
}

TEST(ServerPush, LogSaysWhoSyncedWhat) {
  ServerHarness h;
  auto s = h.SignIn("anna", "Anna's phone");
  h.log.clear();
  ASSERT_TRUE(h.Sync(s, {Contact(Id(1), "a"), Contact(Id(2), "b"), Note(Id(3), "n")}).ok());
  ASSERT_EQ(h.log.size(), 1u);
  const std::string& line = h.log[0];
  EXPECT_NE(line.find(" sync account=anna device=" + s.device_id), std::string::npos) << line;
  EXPECT_NE(line.find("Anna's phone"), std::string::npos) << line;
  EXPECT_NE(line.find("pushed contact:2,note:1 stored=3"), std::string::npos) << line;
  EXPECT_NE(line.find("conflicts=0"), std::string::npos) << line;
  EXPECT_NE(line.find("-> OK"), std::string::npos) << line;
}

}  // namespace
}  // namespace swivel::server::testing
