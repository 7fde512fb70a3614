// Power cuts during SyncSession::Apply: at every flash write of a round that pulls a page,
// merges conflicting edits and moves bases and the cursor, the handset remounted after the
// cut holds the round entirely applied or not at all, and syncing on from there loses
// nothing: every record the other handset saved arrives, and every local edit survives.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <set>

#include "tests/os/sync/sync_test_phone.h"
#include "tests/server/server_test_util.h"

namespace swivel::os::sync {
namespace {

using server::testing::ServerHarness;

// Rounds until the session wants no more; false if the server refused one.
bool SyncAll(test::StoragePhone& phone, ServerHarness& server, const std::string& token) {
  for (int round = 0; round < 100; ++round) {
    swivel::sync::SyncRequest request;
    if (phone.session.Build(&request) != pim::Status::kOk) return false;
    auto reply = server.server().Sync(token, request, "test");
    if (!reply.ok()) return false;
    bool again = false;
    RoundStats stats;
    if (phone.session.Apply(request, reply.value(), &again, &stats) != pim::Status::kOk) return false;
    if (!again) return true;
  }
  return false;
}

swivel::pim::Contact Save(test::StoragePhone& phone, const std::string& given, const std::string& note = "") {
  swivel::pim::Contact c;
  c.mutable_name()->set_given(given);
  c.set_note(note);
  EXPECT_EQ(phone.contacts.Save(c), pim::Status::kOk);
  return c;
}

// given name -> note, of every live contact.
std::map<std::string, std::string> Contents(test::StoragePhone& phone) {
  std::map<std::string, std::string> out;
  std::vector<swivel::pim::Contact> all;
  EXPECT_EQ(phone.contacts.List(&all), pim::Status::kOk);
  for (const auto& c : all) out[c.name().given()] = c.note();
  return out;
}

TEST(SyncPowerCut, EveryCutPointInApplyLeavesTheRoundWholeOrAbsentAndSyncCarriesOn) {
  size_t cut_points = 0, applied_whole = 0, absent = 0;
  for (uint64_t k = 0;; ++k) {
    ServerHarness server;
    test::StoragePhone a(1);
    auto b = std::make_unique<test::StoragePhone>(2);
    const std::string ta = server.SignIn("ana", "a").token, tb = server.SignIn("ana", "b").token;
    // Both know 20 contacts; then A edits 8 of them and adds 30, and B, offline, edits 4
    // of the same 8 in another field (merges) and adds 3 of its own.
    std::vector<swivel::pim::Contact> shared;
    for (int i = 0; i < 20; ++i) shared.push_back(Save(a, "s" + std::to_string(i)));
    ASSERT_TRUE(SyncAll(a, server, ta));
    ASSERT_TRUE(SyncAll(*b, server, tb));
    for (int i = 0; i < 8; ++i) {
      shared[size_t(i)].set_nickname("from a");
      ASSERT_EQ(a.contacts.Save(shared[size_t(i)]), pim::Status::kOk);
    }
    for (int i = 0; i < 30; ++i) Save(a, "a" + std::to_string(i));
    ASSERT_TRUE(SyncAll(a, server, ta));
    std::vector<swivel::pim::Contact> on_b;
    ASSERT_EQ(b->contacts.List(&on_b), pim::Status::kOk);
    const std::set<std::string> edited_on_b = {"s0", "s1", "s2", "s3"};  // of the 8 A edited
    for (auto& c : on_b)
      if (edited_on_b.count(c.name().given())) {
        c.set_note("edited on b");
        ASSERT_EQ(b->contacts.Save(c), pim::Status::kOk);
      }
    for (int i = 0; i < 3; ++i) Save(*b, "b" + std::to_string(i), "b's own");
    const auto before = Contents(*b);
    swivel::sync::DeviceCursor old_cursor;
    ASSERT_EQ(b->state.LoadCursor(&old_cursor), pim::Status::kOk);

    // B's round: the server answers, and power fails at B's k-th write applying it.
    swivel::sync::SyncRequest request;
    ASSERT_EQ(b->session.Build(&request), pim::Status::kOk);
    auto reply = server.server().Sync(tb, request, "test");
    ASSERT_TRUE(reply.ok());
    b->flash->schedule_power_cut(b->flash->writes() + k, hal::sim::TearMode::kRandomSubset);
    bool again = false;
    RoundStats stats;
    const pim::Status applied = b->session.Apply(request, reply.value(), &again, &stats);
    if (b->flash->powered()) {
      ASSERT_EQ(applied, pim::Status::kOk);
      break;  // k is past the round's last write: every cut point was tried
    }
    ++cut_points;
    auto flash = std::move(b->flash);
    b.reset();
    b = std::make_unique<test::StoragePhone>(2, std::move(flash));

    swivel::sync::DeviceCursor cursor;
    ASSERT_EQ(b->state.LoadCursor(&cursor), pim::Status::kOk);
    const auto after_cut = Contents(*b);
    if (cursor.anchor() == old_cursor.anchor()) {
      ++absent;
      EXPECT_EQ(after_cut, before) << "cut at write " << k << ": the round left a trace without its anchor";
    } else {
      ++applied_whole;
      EXPECT_EQ(cursor.anchor(), reply->next_anchor()) << k;
      for (int i = 0; i < 30; ++i) EXPECT_TRUE(after_cut.count("a" + std::to_string(i))) << k;
    }
    // Syncing on from whatever the cut left converges with nothing lost.
    ASSERT_TRUE(SyncAll(*b, server, tb)) << k;
    ASSERT_TRUE(SyncAll(a, server, ta)) << k;
    const auto final_b = Contents(*b);
    EXPECT_EQ(final_b, Contents(a)) << k;
    EXPECT_EQ(final_b.size(), 53u) << k;
    for (const auto& [given, note] : before) {
      if (!note.empty()) {
        EXPECT_EQ(final_b.at(given), note) << "cut at write " << k << ": b's edit of " << given;
      }
    }
    std::vector<swivel::pim::Contact> merged;
    ASSERT_EQ(b->contacts.List(&merged), pim::Status::kOk);
    for (const auto& c : merged) {
      if (c.name().given().size() == 2 && c.name().given()[0] == 's' && c.name().given() < "s8") {  // s0..s7
        EXPECT_EQ(c.nickname(), "from a") << k << " " << c.name().given();
      }
    }
  }
  EXPECT_GT(cut_points, 3u);
  EXPECT_GT(applied_whole + absent, 0u);
  std::printf("SyncPowerCut: %zu cut points, %zu left the round applied, %zu left it absent\n", cut_points,
              applied_whole, absent);
}

}  // namespace
}  // namespace swivel::os::sync
