// The mass-delete guard (os/sync/delete_guard.h) with handsets against the real server logic
// in process, as in sync_session_test.cc: a pull that would delete many records of a type
// waits for the user; confirming applies it, keeping pushes the records back; a battery pull
// while deletes are held loses nothing. Power cuts: delete_guard_power_cut_test.cc; the
// agent's status line: delete_guard_agent_test.cc.
#include "os/sync/delete_guard.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "os/sync/sync_session.h"
#include "tests/os/sync/guard_test_handset.h"
#include "tests/server/server_test_util.h"

namespace swivel::os::sync {
namespace {

using server::testing::ServerHarness;
using swivel::sync::RECORD_TYPE_CONTACT;
using test::Handset;

TEST(TripsDeleteGuard, MoreThanTenAndMoreThanTwentyPercent) {
  EXPECT_FALSE(TripsDeleteGuard(10, 30)) << "a third, but only ten";
  EXPECT_TRUE(TripsDeleteGuard(11, 30));
  EXPECT_FALSE(TripsDeleteGuard(10, 100));
  EXPECT_FALSE(TripsDeleteGuard(11, 100)) << "eleven, but 11%";
  EXPECT_FALSE(TripsDeleteGuard(11, 55)) << "exactly 20% is not more";
  EXPECT_TRUE(TripsDeleteGuard(11, 54));
  EXPECT_TRUE(TripsDeleteGuard(500, 1000));
  EXPECT_TRUE(TripsDeleteGuard(11, 11)) << "everything";
}

struct DeleteGuardTest : ::testing::Test, test::TwoHandsets {};

TEST_F(DeleteGuardTest, HalfTheContactsDeletedElsewhereWaitForTheUserAndConfirmApplies) {
  DeleteOnA(100, 50);
  const RoundStats stats = b.Sync(server);
  EXPECT_EQ(stats.pulled, 50u);
  EXPECT_EQ(stats.held, 50u);
  EXPECT_EQ(b.Live(), 100u) << "nothing deleted before the user says so";
  EXPECT_EQ(b.Held(), (HeldCounts{{RECORD_TYPE_CONTACT, 50}}));
  EXPECT_EQ(b.Dirty(), 0u);
  // The anchor moved on: the next sync pulls nothing again, and the deletes stay held.
  EXPECT_EQ(b.Sync(server).pulled, 0u);
  EXPECT_EQ(b.Held(), (HeldCounts{{RECORD_TYPE_CONTACT, 50}}));

  ASSERT_EQ(b.session().ConfirmDeletes(), pim::Status::kOk);
  EXPECT_TRUE(b.Held().empty());
  EXPECT_EQ(b.LiveNames(), a.LiveNames());
  EXPECT_EQ(b.Live(), 50u);
  EXPECT_EQ(b.Dirty(), 0u) << "the server's deletes: nothing to send back";
  std::vector<pim::Trashed<swivel::pim::Contact>> trash;
  ASSERT_EQ(b.contacts().ListTrash(&trash), pim::Status::kOk);
  EXPECT_EQ(trash.size(), 50u) << "a confirmed delete can still be undone for 30 days";
  EXPECT_EQ(b.Sync(server).pushed, 0u);
  EXPECT_EQ(TombstonesOnServer(), 50u);
}

TEST_F(DeleteGuardTest, KeepingTheRecordsPushesThemBackAndTheDeletingHandsetGetsThemBack) {
  DeleteOnA(100, 50);
  b.Sync(server);
  ASSERT_EQ(b.Held(), (HeldCounts{{RECORD_TYPE_CONTACT, 50}}));
  const auto all = b.LiveNames();

  ASSERT_EQ(b.session().KeepRecords(), pim::Status::kOk);
  EXPECT_TRUE(b.Held().empty());
  EXPECT_EQ(b.Dirty(), 50u);
  const RoundStats up = b.Sync(server);
  EXPECT_EQ(up.pushed, 50u);
  EXPECT_EQ(up.conflicts, 0u) << "made from the tombstones' versions, they go straight in";
  EXPECT_EQ(b.Dirty(), 0u);
  EXPECT_EQ(TombstonesOnServer(), 0u);

  const RoundStats down = a.Sync(server);
  EXPECT_EQ(down.pulled, 50u);
  EXPECT_EQ(down.held, 0u) << "live records are never held";
  EXPECT_EQ(a.LiveNames(), all) << "nothing is lost";
  std::vector<pim::Trashed<swivel::pim::Contact>> trash;
  ASSERT_EQ(a.contacts().ListTrash(&trash), pim::Status::kOk);
  EXPECT_TRUE(trash.empty()) << "back alive, so out of A's trash";
  EXPECT_EQ(b.LiveNames(), all);
}

TEST_F(DeleteGuardTest, TenOfAHundredApplyAtOnce) {
  DeleteOnA(100, 10);
  const RoundStats stats = b.Sync(server);
  EXPECT_EQ(stats.held, 0u);
  EXPECT_TRUE(b.Held().empty());
  EXPECT_EQ(b.Live(), 90u);
  EXPECT_EQ(b.LiveNames(), a.LiveNames());
  std::vector<pim::Trashed<swivel::pim::Contact>> trash;
  ASSERT_EQ(b.contacts().ListTrash(&trash), pim::Status::kOk);
  EXPECT_EQ(trash.size(), 10u);
}

TEST_F(DeleteGuardTest, ElevenOfThirtyAreHeld) {
  DeleteOnA(30, 11);
  EXPECT_EQ(b.Sync(server).held, 11u);
  EXPECT_EQ(b.Held(), (HeldCounts{{RECORD_TYPE_CONTACT, 11}}));
  EXPECT_EQ(b.Live(), 30u);
}

TEST_F(DeleteGuardTest, EitherThresholdAloneAppliesAtOnce) {
  DeleteOnA(100, 11);  // more than ten, but 11%
  EXPECT_EQ(b.Sync(server).held, 0u);
  EXPECT_EQ(b.Live(), 89u);
  // Then ten of the 89 left: 11%, and only ten.
  for (int i = 11; i < 21; ++i) ASSERT_EQ(a.contacts().Remove(ids[i]), pim::Status::kOk);
  a.Sync(server);
  EXPECT_EQ(b.Sync(server).held, 0u);
  EXPECT_EQ(b.Live(), 79u);
}

TEST_F(DeleteGuardTest, TheCountSpansThePagesOfOneSyncAndABatteryPullInBetween) {
  // 150 of 600: each page of 100 deletes is under 20%, the sync's 150 are not.
  DeleteOnA(600, 150);
  bool again = false;
  RoundStats first = b.Round(server, &again);
  ASSERT_TRUE(again) << "a second page waits";
  EXPECT_EQ(first.pulled, 100u);
  EXPECT_EQ(first.held, 100u) << "held until the sync's end";
  EXPECT_TRUE(b.Held().empty()) << "not yet a question for the user";
  EXPECT_EQ(b.Live(), 600u);
  b.BatteryPull();
  const RoundStats rest = b.Sync(server);
  EXPECT_EQ(rest.pulled, 50u);
  EXPECT_EQ(rest.held, 150u);
  EXPECT_EQ(b.Held(), (HeldCounts{{RECORD_TYPE_CONTACT, 150}}));
  EXPECT_EQ(b.Live(), 600u);
}

TEST_F(DeleteGuardTest, DeletesUnderTheThresholdInASyncOfManyPagesApplyAtItsEnd) {
  // 100 of 600 (17%) in two pages.
  ids = a.SaveContacts(600);
  a.Sync(server);
  b.Sync(server);
  for (int i = 0; i < 100; ++i) ASSERT_EQ(a.contacts().Remove(ids[i * 6]), pim::Status::kOk);
  a.SaveContacts(60);  // so that the deletes come in two pages
  a.Sync(server);
  const RoundStats stats = b.Sync(server);
  EXPECT_EQ(stats.pulled, 160u);
  EXPECT_EQ(stats.held, 0u);
  EXPECT_EQ(b.LiveNames(), a.LiveNames());
  EXPECT_EQ(b.session().store().Count(pim::HeldNamespace(pim::kContactsNamespace)), 0u);
}

TEST_F(DeleteGuardTest, ABatteryPullWhileDeletesAreHeldKeepsThemHeld) {
  DeleteOnA(100, 50);
  b.Sync(server);
  b.BatteryPull();
  EXPECT_EQ(b.Held(), (HeldCounts{{RECORD_TYPE_CONTACT, 50}}));
  EXPECT_EQ(b.Live(), 100u);
  EXPECT_EQ(b.Sync(server).held, 50u) << "a sync after power on does not decide for the user";
  EXPECT_EQ(b.Live(), 100u);
  ASSERT_EQ(b.session().ConfirmDeletes(), pim::Status::kOk);
  EXPECT_EQ(b.LiveNames(), a.LiveNames());
}

TEST_F(DeleteGuardTest, MoreDeletesWhileTheUserIsAskedJoinTheHeldOnes) {
  DeleteOnA(100, 50);
  b.Sync(server);
  ASSERT_EQ(a.contacts().Remove(ids[60]), pim::Status::kOk);  // one more: alone, under both
  a.Sync(server);
  EXPECT_EQ(b.Sync(server).held, 51u);
  EXPECT_EQ(b.Held(), (HeldCounts{{RECORD_TYPE_CONTACT, 51}}));
  ASSERT_EQ(b.session().ConfirmDeletes(), pim::Status::kOk);
  EXPECT_EQ(b.LiveNames(), a.LiveNames());
}

TEST_F(DeleteGuardTest, ARecordEditedWhileHeldKeepsTheEditOnEveryHandset) {
  DeleteOnA(100, 50);
  b.Sync(server);
  swivel::pim::Contact edited;
  ASSERT_EQ(b.contacts().Get(ids[7], &edited), pim::Status::kOk);
  edited.set_nickname("still needed");
  ASSERT_EQ(b.contacts().Save(edited), pim::Status::kOk);
  EXPECT_EQ(b.Held(), (HeldCounts{{RECORD_TYPE_CONTACT, 49}})) << "an edited record is not asked about";

  // Its edit goes up, meets the tombstone and wins the merge; its hold ends.
  const RoundStats stats = b.Sync(server);
  EXPECT_EQ(stats.conflicts, 1u);
  EXPECT_EQ(b.Held(), (HeldCounts{{RECORD_TYPE_CONTACT, 49}}));
  ASSERT_EQ(b.session().ConfirmDeletes(), pim::Status::kOk);
  EXPECT_EQ(b.Live(), 51u);
  a.Sync(server);
  for (Handset* h : {&a, &b}) {
    swivel::pim::Contact got;
    ASSERT_EQ(h->contacts().Get(ids[7], &got), pim::Status::kOk);
    EXPECT_FALSE(got.meta().deleted());
    EXPECT_EQ(got.nickname(), "still needed");
    EXPECT_EQ(h->Live(), 51u);
  }
}

TEST_F(DeleteGuardTest, AnEditConfirmedBeforeItSyncedIsKeptToo) {
  DeleteOnA(100, 50);
  b.Sync(server);
  swivel::pim::Contact edited;
  ASSERT_EQ(b.contacts().Get(ids[7], &edited), pim::Status::kOk);
  edited.set_nickname("still needed");
  ASSERT_EQ(b.contacts().Save(edited), pim::Status::kOk);
  ASSERT_EQ(b.session().ConfirmDeletes(), pim::Status::kOk);  // before any sync
  EXPECT_EQ(b.Live(), 51u);
  b.Sync(server);
  a.Sync(server);
  EXPECT_EQ(a.LiveNames(), b.LiveNames());
  EXPECT_EQ(a.Live(), 51u);
}

TEST_F(DeleteGuardTest, ARecordRestoredElsewhereWhileHeldComesBackAndIsNoLongerAsked) {
  DeleteOnA(100, 50);
  b.Sync(server);
  swivel::pim::Contact restored;
  ASSERT_EQ(a.contacts().Restore(ids[3], &restored), pim::Status::kOk);  // from A's trash
  a.Sync(server);
  b.Sync(server);
  EXPECT_EQ(b.Held(), (HeldCounts{{RECORD_TYPE_CONTACT, 49}}));
  ASSERT_EQ(b.session().ConfirmDeletes(), pim::Status::kOk);
  EXPECT_EQ(b.LiveNames(), a.LiveNames());
  EXPECT_EQ(a.Live(), 51u);
}

TEST_F(DeleteGuardTest, AReseedDropsTheHoldsAndAsksAgainFromTheNewHistory) {
  DeleteOnA(30, 11);
  b.Sync(server);
  ASSERT_EQ(b.Held().size(), 1u);
  // B signs in anew: a fresh cursor (as SyncAgent::SignIn writes) and a re-seed.
  swivel::sync::DeviceCursor fresh;
  fresh.set_reseed_pending(true);
  std::vector<storage::Change> changes;
  b.os->state.StageCursor(fresh, &changes);
  ASSERT_EQ(b.os->store->Commit(changes), storage::Status::kOk);
  const RoundStats stats = b.Sync(server);
  EXPECT_EQ(stats.held, 11u) << "the server still says deleted: asked again";
  EXPECT_EQ(b.Held(), (HeldCounts{{RECORD_TYPE_CONTACT, 11}}));
  EXPECT_EQ(b.Live(), 30u);
  EXPECT_EQ(TombstonesOnServer(), 11u) << "the re-seed did not bring them back by itself";
}

TEST_F(DeleteGuardTest, HeldDeletesDieWithTheServerHistoryTheyCameFrom) {
  DeleteOnA(30, 11);
  b.Sync(server);
  ASSERT_EQ(b.Held().size(), 1u);
  // The server loses its database: a new one, a new epoch. B comes first: the deletes it
  // held are not the new server's, so they are no longer asked about, and B's records go up.
  ServerHarness fresh;
  a.token = fresh.SignIn("ana", "a").token;
  b.token = fresh.SignIn("ana", "b").token;
  bool again = false;
  ASSERT_TRUE(b.Round(fresh, &again).reseed_started);
  EXPECT_TRUE(b.Held().empty()) << "dropped as soon as the history is known to be gone";
  EXPECT_EQ(b.Sync(fresh).held, 0u);
  EXPECT_TRUE(b.Held().empty());
  EXPECT_EQ(b.session().store().Count(pim::HeldNamespace(pim::kContactsNamespace)), 0u);
  EXPECT_EQ(b.Live(), 30u);
  // A re-seeds its tombstones; B hears of them from the new server, and is asked again.
  a.Sync(fresh);
  EXPECT_EQ(b.Sync(fresh).held, 11u);
  EXPECT_EQ(b.Held(), (HeldCounts{{RECORD_TYPE_CONTACT, 11}}));
  ASSERT_EQ(b.session().ConfirmDeletes(), pim::Status::kOk);
  EXPECT_EQ(b.LiveNames(), a.LiveNames());
}

}  // namespace
}  // namespace swivel::os::sync
