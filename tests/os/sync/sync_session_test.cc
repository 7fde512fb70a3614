// SyncSession against the real server logic in process (swivel-syncd's SyncServer on a
// fresh SQLite data directory): handsets push, pull, merge and re-seed.
#include "os/sync/sync_session.h"

#include <gtest/gtest.h>

#include <memory>

#include "tests/os/sync/sync_test_phone.h"
#include "tests/server/server_test_util.h"

namespace swivel::os::sync {
namespace {

using server::testing::ServerHarness;

// One handset's storage side and its sync session, with its device token.
struct Phone : test::StoragePhone {
  using StoragePhone::StoragePhone;
  std::string token;

  // Rounds until the session wants no more; the stats of all of them.
  RoundStats Sync(ServerHarness& server) {
    RoundStats total;
    for (int round = 0; round < 200; ++round) {
      swivel::sync::SyncRequest request;
      EXPECT_EQ(session.Build(&request), pim::Status::kOk);
      auto reply = server.server().Sync(token, request, "test");
      EXPECT_TRUE(reply.ok()) << reply.status().message();
      if (!reply.ok()) return total;
      bool again = false;
      RoundStats stats;
      EXPECT_EQ(session.Apply(request, reply.value(), &again, &stats), pim::Status::kOk);
      total.pushed += stats.pushed;
      total.pulled += stats.pulled;
      total.conflicts += stats.conflicts;
      total.conflict_copies += stats.conflict_copies;
      total.reseed_started |= stats.reseed_started;
      if (!again) return total;
    }
    ADD_FAILURE() << "sync did not settle";
    return total;
  }
  std::vector<swivel::pim::Contact> Contacts() {
    std::vector<swivel::pim::Contact> all;
    EXPECT_EQ(contacts.List(&all), pim::Status::kOk);
    std::sort(all.begin(), all.end(),
              [](const auto& a, const auto& b) { return a.name().given() < b.name().given(); });
    return all;
  }
  swivel::pim::Contact Save(const std::string& given, const std::string& phone = "") {
    swivel::pim::Contact c;
    c.mutable_name()->set_given(given);
    if (!phone.empty()) c.add_phones()->set_number(phone);
    EXPECT_EQ(contacts.Save(c), pim::Status::kOk);
    return c;
  }
};

struct SyncSessionTest : ::testing::Test {
  std::unique_ptr<ServerHarness> server = std::make_unique<ServerHarness>();
  Phone a{1}, b{2};
  SyncSessionTest() {
    a.token = server->SignIn("ana", "a").token;
    b.token = server->SignIn("ana", "b").token;
  }
  std::vector<std::string> Names(Phone& p) {
    std::vector<std::string> names;
    for (const auto& c : p.Contacts()) names.push_back(c.name().given());
    return names;
  }
};

TEST_F(SyncSessionTest, WhatOneHandsetSavesReachesTheOtherAndNothingStaysDirty) {
  for (int i = 0; i < 250; ++i) a.Save("n" + std::to_string(1000 + i));  // more than a page
  swivel::pim::Note note;
  note.set_title("groceries");
  ASSERT_EQ(a.notes.Save(note), pim::Status::kOk);
  EXPECT_EQ(a.Sync(*server).pushed, 251u);
  std::vector<pim::DirtyEntry> dirty;
  ASSERT_EQ(a.contacts.Dirty(&dirty), pim::Status::kOk);
  EXPECT_TRUE(dirty.empty());
  EXPECT_EQ(b.Sync(*server).pulled, 251u);
  EXPECT_EQ(Names(b), Names(a));
  swivel::pim::Note got;
  ASSERT_EQ(b.notes.Get(note.meta().id(), &got), pim::Status::kOk);
  EXPECT_EQ(got.title(), "groceries");
  EXPECT_EQ(b.Sync(*server).pulled, 0u) << "a second sync has nothing to do";
}

TEST_F(SyncSessionTest, ConcurrentEditsToDifferentFieldsMergeAndDeletesSync) {
  auto c = a.Save("Ana", "+1 555 0100");
  a.Sync(*server);
  b.Sync(*server);
  swivel::pim::Contact on_b;
  ASSERT_EQ(b.contacts.Get(c.meta().id(), &on_b), pim::Status::kOk);
  c.set_nickname("Annie");                       // a: a field
  ASSERT_EQ(a.contacts.Save(c), pim::Status::kOk);
  on_b.add_phones()->set_number("+1 555 0199");  // b: a phone (a set)
  ASSERT_EQ(b.contacts.Save(on_b), pim::Status::kOk);
  a.Sync(*server);
  const auto stats = b.Sync(*server);
  EXPECT_EQ(stats.conflicts + stats.pulled > 0, true);
  EXPECT_EQ(stats.conflict_copies, 0u) << "different fields: no conflict copy";
  a.Sync(*server);
  for (Phone* p : {&a, &b}) {
    swivel::pim::Contact got;
    ASSERT_EQ(p->contacts.Get(c.meta().id(), &got), pim::Status::kOk);
    EXPECT_EQ(got.nickname(), "Annie");
    EXPECT_EQ(got.phones_size(), 2) << got.ShortDebugString();
  }
  ASSERT_EQ(a.contacts.Remove(c.meta().id()), pim::Status::kOk);
  a.Sync(*server);
  b.Sync(*server);
  EXPECT_TRUE(b.Contacts().empty()) << "a tombstone deletes on the other handset";
}

TEST_F(SyncSessionTest, TheSameFieldSetTwoWaysKeepsBothEverywhere) {
  auto c = a.Save("Ana");
  a.Sync(*server);
  b.Sync(*server);
  swivel::pim::Contact on_b;
  ASSERT_EQ(b.contacts.Get(c.meta().id(), &on_b), pim::Status::kOk);
  c.set_nickname("from a");
  ASSERT_EQ(a.contacts.Save(c), pim::Status::kOk);
  on_b.set_nickname("from b");
  ASSERT_EQ(b.contacts.Save(on_b), pim::Status::kOk);
  a.Sync(*server);
  EXPECT_EQ(b.Sync(*server).conflict_copies, 1u);
  a.Sync(*server);
  for (Phone* p : {&a, &b}) {
    std::set<std::string> nicknames;
    for (const auto& x : p->Contacts()) nicknames.insert(x.nickname());
    EXPECT_EQ(nicknames, (std::set<std::string>{"from a", "from b"})) << "nothing is dropped";
  }
}

TEST_F(SyncSessionTest, AServerThatLostEverythingIsReseededWithoutDuplicatesOrResurrections) {
  for (int i = 0; i < 230; ++i) a.Save("p" + std::to_string(1000 + i));  // rounds of 100
  auto gone = a.Save("deleted before the outage");
  a.Sync(*server);
  b.Sync(*server);
  ASSERT_EQ(a.contacts.Remove(gone.meta().id()), pim::Status::kOk);
  a.Sync(*server);
  b.Sync(*server);
  a.Save("offline edit on a");

  // The server's database is gone: a new one, a new epoch, the accounts signed in again.
  server = std::make_unique<ServerHarness>();
  a.token = server->SignIn("ana", "a").token;
  b.token = server->SignIn("ana", "b").token;
  const auto stats = b.Sync(*server);
  EXPECT_TRUE(stats.reseed_started);
  a.Sync(*server);
  b.Sync(*server);
  EXPECT_EQ(a.Contacts().size(), 231u);
  EXPECT_EQ(Names(a), Names(b));
  for (const auto& n : Names(b)) EXPECT_NE(n, "deleted before the outage");
  // What the new server holds, seen by a third device: each record once, the delete kept.
  auto c = server->SignIn("ana", "c");
  std::set<std::string> ids;
  size_t live = 0, tombstones = 0;
  for (const auto& r : server->PullAll(c)) {
    EXPECT_TRUE(ids.insert(r.id()).second) << "a duplicate";
    (r.deleted() ? tombstones : live)++;
  }
  EXPECT_EQ(live, 231u);
  EXPECT_EQ(tombstones, 1u);
}

}  // namespace
}  // namespace swivel::os::sync
