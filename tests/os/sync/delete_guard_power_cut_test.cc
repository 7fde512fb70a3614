// Power cuts while the delete guard works: a cut at every flash write of an Apply that holds
// deletes, and of the ConfirmDeletes that applies them, leaves after the remount the whole
// store as before the call or as after it (held deletes, cursor, records, bases and trash
// move together), and doing the call again from there ends where an uncut run ends.
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "os/sync/delete_guard.h"
#include "tests/os/sync/guard_test_handset.h"
#include "tests/server/server_test_util.h"

namespace swivel::os::sync {
namespace {

using hal::sim::TearMode;
using swivel::sync::SyncReply;
using swivel::sync::SyncRequest;
using test::DumpStore;
using test::Handset;

constexpr uint64_t kSeed = 2;
// Small, so that each of the runs below is cheap; large enough to need no GC.
constexpr hal::FlashGeometry kGeometry{.page_size = 512, .pages_per_block = 16, .block_count = 32,
                                       .erase_endurance = 100000};

// Handset B's side of the story, replayed from recorded server replies so that every run
// writes the same bytes: the first sync brings 60 contacts, the second 20 tombstones.
struct Replay {
  SyncReply first, second;

  // One round of B's: what it builds, answered with a recorded reply.
  static pim::Status Apply(Handset::Os& os, const SyncReply& reply, size_t* held) {
    SyncRequest request;
    if (const auto s = os.session.Build(&request); s != pim::Status::kOk) return s;
    bool again = false;
    RoundStats stats;
    const auto s = os.session.Apply(request, reply, &again, &stats);
    *held = stats.held;
    return s;
  }
};

TEST(DeleteGuardPowerCut, HoldingAndConfirmingAreWholeOrAbsentAtEveryCut) {
  Replay replay;
  std::string before_hold, after_hold, after_confirm;
  uint64_t start = 0, held_at = 0, confirmed_at = 0;
  {
    server::testing::ServerHarness server;
    Handset a{1}, b{kSeed};
    a.token = server.SignIn("ana", "a").token;
    b.token = server.SignIn("ana", "b").token;
    const auto ids = a.SaveContacts(60);
    a.Sync(server);
    auto record = [&](SyncReply* out) {
      SyncRequest request;
      ASSERT_EQ(b.session().Build(&request), pim::Status::kOk);
      ASSERT_TRUE(request.push().empty());
      auto reply = server.server().Sync(b.token, request, "test");
      ASSERT_TRUE(reply.ok());
      ASSERT_FALSE(reply.value().more()) << "one page each";
      *out = reply.value();
    };
    record(&replay.first);
    size_t held = 0;
    ASSERT_EQ(Replay::Apply(*b.os, replay.first, &held), pim::Status::kOk);
    for (int i = 0; i < 20; ++i) ASSERT_EQ(a.contacts().Remove(ids[size_t(i) * 3]), pim::Status::kOk);
    a.Sync(server);
    record(&replay.second);
  }
  // The reference run, with no cut.
  {
    Handset b{kSeed, kGeometry};
    size_t held = 0;
    ASSERT_EQ(Replay::Apply(*b.os, replay.first, &held), pim::Status::kOk);
    before_hold = DumpStore(*b.os->store);
    start = b.flash->writes();
    ASSERT_EQ(Replay::Apply(*b.os, replay.second, &held), pim::Status::kOk);
    ASSERT_EQ(held, 20u);
    after_hold = DumpStore(*b.os->store);
    held_at = b.flash->writes();
    ASSERT_EQ(b.session().ConfirmDeletes(), pim::Status::kOk);
    after_confirm = DumpStore(*b.os->store);
    confirmed_at = b.flash->writes();
    ASSERT_EQ(b.contacts().LiveCount(), 40u);
  }
  ASSERT_GT(held_at, start);
  ASSERT_GT(confirmed_at, held_at);

  size_t cuts = 0;
  for (auto mode : {TearMode::kNothing, TearMode::kPrefix, TearMode::kRandomSubset, TearMode::kComplete})
    for (uint64_t i = start; i < confirmed_at; ++i) {
      const bool in_apply = i < held_at;
      Handset b{kSeed, kGeometry, /*flash_seed=*/i};
      b.flash->set_unstable_tears(true);
      size_t held = 0;
      ASSERT_EQ(Replay::Apply(*b.os, replay.first, &held), pim::Status::kOk);
      ASSERT_EQ(b.flash->writes(), start) << "runs must write alike";
      b.flash->schedule_power_cut(i, mode);
      if (in_apply) {
        ASSERT_EQ(Replay::Apply(*b.os, replay.second, &held), pim::Status::kPowerLost) << "write " << i;
      } else {
        ASSERT_EQ(Replay::Apply(*b.os, replay.second, &held), pim::Status::kOk);
        ASSERT_EQ(b.session().ConfirmDeletes(), pim::Status::kPowerLost) << "write " << i;
      }
      b.flash->restore_power();
      b.BatteryPull();
      const std::string found = DumpStore(*b.os->store);
      const std::string& old_state = in_apply ? before_hold : after_hold;
      const std::string& new_state = in_apply ? after_hold : after_confirm;
      ASSERT_TRUE(found == old_state || found == new_state)
          << "cut at write " << i << " (mode " << int(mode) << ") during "
          << (in_apply ? "the apply" : "the confirm") << " left neither the state before nor after";
      // From there, whatever the user and the next sync do ends as the uncut run did.
      if (found == before_hold) {
        ASSERT_EQ(Replay::Apply(*b.os, replay.second, &held), pim::Status::kOk);
      }
      if (DumpStore(*b.os->store) == after_hold) {
        HeldCounts counts;
        ASSERT_EQ(b.session().HeldDeletes(&counts), pim::Status::kOk);
        EXPECT_EQ(Total(counts), 20u) << "write " << i;
        ASSERT_EQ(b.session().ConfirmDeletes(), pim::Status::kOk);
      }
      EXPECT_EQ(DumpStore(*b.os->store), after_confirm) << "write " << i << " mode " << int(mode);
      ++cuts;
      if (::testing::Test::HasFailure()) return;
    }
  std::printf("cut points checked: %zu (writes %llu..%llu, confirm from %llu)\n", cuts,
              (unsigned long long)start, (unsigned long long)confirmed_at, (unsigned long long)held_at);
  EXPECT_GE(cuts, 4 * 6u);
}

}  // namespace
}  // namespace swivel::os::sync
