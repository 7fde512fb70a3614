// Pulls in pages, anchors, own changes, and the re-seed signal.
#include <gtest/gtest.h>

#include <set>

#include "server/crypto.h"
#include "tests/server/server_test_util.h"

namespace swivel::server::testing {
namespace {

using sync::PushResult;

std::vector<sync::Record> Contacts(uint32_t from, uint32_t count) {
  std::vector<sync::Record> out;
  for (uint32_t i = from; i < from + count; ++i) out.push_back(Contact(Id(i), "c" + std::to_string(i)));
  return out;
}

TEST(ServerPull, PagesAreBoundedInRecordsAndComeInStoredOrder) {
  ServerHarness h;
  auto phone = h.SignIn("anna", "phone");
  ASSERT_TRUE(h.Sync(phone, Contacts(1, 25)).ok());
  auto tablet = h.SignIn("anna", "tablet");
  std::vector<int> sizes;
  std::vector<std::string> ids;
  uint64_t last_sequence = 0;
  for (;;) {
    auto reply = h.Sync(tablet, {}, 10);
    ASSERT_TRUE(reply.ok());
    sizes.push_back(reply->pulled_size());
    for (const auto& r : reply->pulled()) {
      EXPECT_GT(r.stamp().sequence(), last_sequence) << "oldest first";
      last_sequence = r.stamp().sequence();
      ids.push_back(r.id());
    }
    EXPECT_EQ(reply->next_anchor(), last_sequence);
    if (!reply->more()) break;
  }
  EXPECT_EQ(sizes, (std::vector<int>{10, 10, 5}));
  ASSERT_EQ(ids.size(), 25u);
  for (uint32_t i = 0; i < 25; ++i) EXPECT_EQ(ids[i], Id(i + 1));
  EXPECT_EQ(tablet.anchor, 25u);
}

TEST(ServerPull, PagesAreBoundedInBytesButAlwaysCarryOneRecord) {
  ServerHarness h;
  auto phone = h.SignIn("anna", "phone");
  std::vector<sync::Record> notes;
  for (uint32_t i = 1; i <= 10; ++i) notes.push_back(Note(Id(i), std::string(1000, 'x')));
  ASSERT_TRUE(h.Sync(phone, notes).ok());
  auto tablet = h.SignIn("anna", "tablet");
  size_t total = 0;
  int pages = 0;
  for (;;) {
    auto reply = h.Sync(tablet, {}, 0, 3000);
    ASSERT_TRUE(reply.ok());
    ++pages;
    size_t page_bytes = 0;
    for (const auto& r : reply->pulled()) page_bytes += r.ByteSizeLong() + 3;
    EXPECT_LE(page_bytes, 3000u);
    EXPECT_GE(reply->pulled_size(), 1);
    total += static_cast<size_t>(reply->pulled_size());
    if (!reply->more()) break;
  }
  EXPECT_EQ(total, 10u);
  EXPECT_GE(pages, 4) << "about 1 KB a record in 3 KB pages";

  // A record bigger than the page still comes, alone.
  ASSERT_TRUE(h.Sync(phone, {Note(Id(11), std::string(5000, 'y'))}).ok());
  auto reply = h.Sync(tablet, {}, 0, 100);
  ASSERT_EQ(reply->pulled_size(), 1);
  EXPECT_EQ(reply->pulled(0).id(), Id(11));
  EXPECT_FALSE(reply->more());
}

TEST(ServerPull, ServerCapsThePageItIsAskedFor) {
  ServerOptions options = ServerHarness::TestOptions();
  options.sync.default_page_records = 4;
  options.sync.max_page_records = 6;
  ServerHarness h(options);
  auto phone = h.SignIn("anna", "phone");
  ASSERT_TRUE(h.Sync(phone, Contacts(1, 20)).ok());
  auto tablet = h.SignIn("anna", "tablet");
  EXPECT_EQ(h.Sync(tablet, {}, 0)->pulled_size(), 4) << "0 means the server's default";
  EXPECT_EQ(h.Sync(tablet, {}, 1000)->pulled_size(), 6) << "capped at the server's limit";
}

TEST(ServerPull, OwnChangesAreSkippedButTheAnchorMovesPastThem) {
  ServerHarness h;
  auto phone = h.SignIn("anna", "phone");
  auto tablet = h.SignIn("anna", "tablet");
  auto pushed = h.Sync(phone, Contacts(1, 5));
  ASSERT_TRUE(pushed.ok());
  EXPECT_EQ(pushed->pulled_size(), 0) << "a device's own pushes are not sent back";
  EXPECT_EQ(pushed->next_anchor(), 5u);
  ASSERT_TRUE(h.Sync(tablet, {Contact(Id(100), "from tablet")}).ok());
  auto reply = h.Sync(phone);
  ASSERT_EQ(reply->pulled_size(), 1);
  EXPECT_EQ(reply->pulled(0).id(), Id(100));
  EXPECT_EQ(reply->next_anchor(), 6u);
  // From anchor 0 again, the device starts over (it emptied itself): it gets everything,
  // its own records too, but never what it pushes in that same request.
  Session fresh = phone;
  fresh.anchor = 0;
  auto all = h.PullAll(fresh);
  ASSERT_EQ(all.size(), 6u);
  EXPECT_EQ(fresh.anchor, 6u);
  fresh.anchor = 0;
  auto again = h.Sync(fresh, {Contact(Id(200), "new")});
  ASSERT_TRUE(again.ok());
  std::set<std::string> ids;
  for (const auto& r : again->pulled()) ids.insert(r.id());
  EXPECT_EQ(ids.size(), 6u);
  EXPECT_FALSE(ids.count(Id(200)));
}

TEST(ServerPull, AnchorResumesWhereTheDeviceStopped) {
  ServerHarness h;
  auto phone = h.SignIn("anna", "phone");
  ASSERT_TRUE(h.Sync(phone, Contacts(1, 8)).ok());
  auto tablet = h.SignIn("anna", "tablet");
  auto first = h.Sync(tablet, {}, 3);
  EXPECT_EQ(first->next_anchor(), 3u);
  // The device applied the page and stored anchor 3; the next sync starts after it.
  auto second = h.Sync(tablet, {}, 100);
  ASSERT_EQ(second->pulled_size(), 5);
  EXPECT_EQ(second->pulled(0).id(), Id(4));
  // An edit moves the record to the end of the feed; it comes once, at its new place.
  auto v = h.Sync(phone, {WithBase(Contact(Id(2), "edited", 2), first->pulled(1).stamp())});
  ASSERT_EQ(v->pushed(0).outcome(), PushResult::OUTCOME_STORED);
  auto all = h.PullAll(tablet);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].id(), Id(2));
  EXPECT_EQ(all[0].stamp().sequence(), 9u);
  EXPECT_EQ(tablet.anchor, 9u);
}

TEST(ServerPull, ScanOfOwnChangesIsBoundedToo) {
  ServerOptions options = ServerHarness::TestOptions();
  options.sync.max_feed_scan = 10;
  ServerHarness h(options);
  auto phone = h.SignIn("anna", "phone");
  std::vector<sync::Record> batch = Contacts(1, 25);
  sync::SyncRequest request;
  for (const auto& r : batch) *request.add_push() = r;
  auto pushed = h.server().Sync(phone.token, request, "test");
  ASSERT_TRUE(pushed.ok());
  EXPECT_EQ(pushed->next_anchor(), 10u);
  EXPECT_TRUE(pushed->more());
  phone.epoch = pushed->epoch();
  phone.anchor = pushed->next_anchor();
  EXPECT_TRUE(h.PullAll(phone).empty());
  EXPECT_EQ(phone.anchor, 25u);
}

TEST(ServerReseed, AnotherEpochAsksForAReseedAndChangesNothing) {
  ServerHarness h;
  auto phone = h.SignIn("anna", "phone");
  ASSERT_TRUE(h.Sync(phone, Contacts(1, 3)).ok());
  const std::string before = Dump(h.dir());
  Session stale = phone;
  stale.epoch = std::string(16, '\x42');
  auto reply = h.Sync(stale, {Contact(Id(50), "new")});
  ASSERT_TRUE(reply.ok());
  EXPECT_TRUE(reply->reseed_needed());
  EXPECT_EQ(reply->pushed_size(), 0);
  EXPECT_EQ(reply->pulled_size(), 0);
  EXPECT_EQ(reply->epoch(), h.store().Epoch());
  EXPECT_EQ(reply->sequence(), 3u);
  EXPECT_EQ(Dump(h.dir()), before);
}

TEST(ServerReseed, AnchorBeyondTheSequenceAsksForAReseed) {
  ServerHarness h;
  auto phone = h.SignIn("anna", "phone");
  ASSERT_TRUE(h.Sync(phone, Contacts(1, 3)).ok());
  Session ahead = phone;
  ahead.anchor = 4;
  EXPECT_TRUE(h.Sync(ahead)->reseed_needed());
  ahead.anchor = 3;
  EXPECT_FALSE(h.Sync(ahead)->reseed_needed());
  // A first sync (no epoch) is never a re-seed.
  Session first = h.SignIn("anna", "new phone");
  EXPECT_FALSE(h.Sync(first)->reseed_needed());
}

TEST(ServerReseed, ReseedPushMergesByIdWithNoDuplicatesAndKeepsTombstones) {
  ServerHarness h;
  auto phone = h.SignIn("anna", "phone");
  // The phone holds 30 records, 5 of them tombstones, all acknowledged by the server.
  std::vector<sync::Record> held;
  auto reply = h.Sync(phone, Contacts(1, 30));
  ASSERT_TRUE(reply.ok());
  for (uint32_t i = 0; i < 30; ++i) held.push_back(WithBase(Contact(Id(i + 1), "c"), reply->pushed(static_cast<int>(i)).stamp()));
  std::vector<sync::Record> deletes;
  for (uint32_t i = 0; i < 5; ++i) deletes.push_back(WithBase(Contact(Id(i + 1), "", 2, true), held[i].stamp()));
  auto deleted = h.Sync(phone, deletes);
  for (uint32_t i = 0; i < 5; ++i) {
    ASSERT_EQ(deleted->pushed(static_cast<int>(i)).outcome(), PushResult::OUTCOME_STORED);
    held[i] = WithBase(deletes[i], deleted->pushed(static_cast<int>(i)).stamp());
  }
  for (uint32_t i = 5; i < 30; ++i) held[i] = WithBase(Contact(Id(i + 1), "c" + std::to_string(i + 1)), held[i].stamp());
  // The phone re-seeds: everything it holds, twice (the second time as a retry).
  for (int round = 0; round < 2; ++round) {
    Session reseed = phone;
    reseed.epoch = h.store().Epoch();
    reseed.anchor = 0;
    auto r = h.Sync(reseed, held);
    ASSERT_TRUE(r.ok());
    for (const auto& p : r->pushed())
      EXPECT_EQ(p.outcome(), PushResult::OUTCOME_UNCHANGED) << "round " << round;
  }
  auto tablet = h.SignIn("anna", "tablet");
  auto all = h.PullAll(tablet);
  std::set<std::string> ids;
  int tombstones = 0;
  for (const auto& r : all) {
    ids.insert(r.id());
    tombstones += r.deleted();
  }
  EXPECT_EQ(all.size(), 30u);
  EXPECT_EQ(ids.size(), 30u) << "no duplicates";
  EXPECT_EQ(tombstones, 5);
}

}  // namespace
}  // namespace swivel::server::testing
