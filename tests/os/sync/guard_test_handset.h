#pragma once
// A handset's storage side for the delete guard tests, against the server logic in process:
// like StoragePhone (sync_test_phone.h), but its store can be mounted again from the same
// flash, as after a battery pull, with everything above the flash built anew.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "hal/sim/sim_clock.h"
#include "hal/sim/sim_flash.h"
#include "hal/sim/sim_random.h"
#include "os/sync/sync_session.h"
#include "tests/os/pim/pim_test_support.h"
#include "tests/os/sync/sync_test_phone.h"
#include "tests/server/server_test_util.h"

namespace swivel::os::sync::test {

struct Handset {
  // Everything above the flash.
  struct Os {
    Os(hal::Flash& flash, const hal::Clock& clock, hal::Random& random)
        : store(pim::test::MountOk(flash)),
          contacts(*store, clock, random),
          events(*store, clock, random),
          tasks(*store, clock, random),
          notes(*store, clock, random),
          photos(*store, clock, random),
          state(*store),
          session({contacts, events, tasks, notes, photos}, state, *store) {}
    std::unique_ptr<storage::Store> store;
    pim::ContactRepository contacts;
    pim::EventRepository events;
    pim::TaskRepository tasks;
    pim::NoteRepository notes;
    pim::PhotoRepository photos;
    SyncState state;
    SyncSession session;
  };

  explicit Handset(uint64_t seed, const hal::FlashGeometry& geometry = StoragePhone::kGeometry,
                   uint64_t flash_seed = 1)
      : random(seed), flash(hal::sim::SimFlash::InMemory(geometry, flash_seed)) {}
  hal::sim::SimClock clock;
  hal::sim::SimRandom random;
  std::unique_ptr<hal::sim::SimFlash> flash;
  std::unique_ptr<Os> os = std::make_unique<Os>(*flash, clock, random);
  std::string token;

  void BatteryPull() {
    os.reset();
    os = std::make_unique<Os>(*flash, clock, random);
  }
  pim::ContactRepository& contacts() { return os->contacts; }
  SyncSession& session() { return os->session; }

  // One round against the server.
  RoundStats Round(server::testing::ServerHarness& server, bool* again) {
    swivel::sync::SyncRequest request;
    EXPECT_EQ(session().Build(&request), pim::Status::kOk);
    auto reply = server.server().Sync(token, request, "test");
    EXPECT_TRUE(reply.ok()) << reply.status().message();
    RoundStats stats;
    *again = false;
    if (reply.ok()) {
      EXPECT_EQ(session().Apply(request, reply.value(), again, &stats), pim::Status::kOk);
    }
    return stats;
  }
  // Rounds until the session wants no more; the totals, and `held` as the last round left it.
  RoundStats Sync(server::testing::ServerHarness& server) {
    RoundStats total;
    for (int round = 0; round < 200; ++round) {
      bool again = false;
      const RoundStats stats = Round(server, &again);
      total.pushed += stats.pushed;
      total.pulled += stats.pulled;
      total.conflicts += stats.conflicts;
      total.merged += stats.merged;
      total.held = stats.held;
      if (!again) return total;
    }
    ADD_FAILURE() << "sync did not settle";
    return total;
  }
  std::vector<std::string> SaveContacts(int n) {
    std::vector<std::string> ids;
    for (int i = 0; i < n; ++i) {
      swivel::pim::Contact c;
      c.mutable_name()->set_given("c" + std::to_string(1000 + i));
      EXPECT_EQ(contacts().Save(c), pim::Status::kOk);
      ids.push_back(c.meta().id());
    }
    return ids;
  }
  size_t Live() { return contacts().LiveCount(); }
  size_t Dirty() {
    std::vector<pim::DirtyEntry> dirty;
    EXPECT_EQ(contacts().Dirty(&dirty), pim::Status::kOk);
    return dirty.size();
  }
  HeldCounts Held() {
    HeldCounts held;
    EXPECT_EQ(session().HeldDeletes(&held), pim::Status::kOk);
    return held;
  }
  std::vector<std::string> LiveNames() {
    std::vector<swivel::pim::Contact> all;
    EXPECT_EQ(contacts().List(&all), pim::Status::kOk);
    std::vector<std::string> names;
    for (const auto& c : all) names.push_back(c.name().given());
    std::sort(names.begin(), names.end());
    return names;
  }
};

// Two handsets on one account of a fresh server.
struct TwoHandsets {
  server::testing::ServerHarness server;
  Handset a{1}, b{2};
  std::vector<std::string> ids;  // the contacts A made, in order

  TwoHandsets() {
    a.token = server.SignIn("ana", "a").token;
    b.token = server.SignIn("ana", "b").token;
  }
  // A makes `total` contacts and both handsets sync them; then A deletes the first
  // `deleted` and syncs that. B has not heard of the deletes yet.
  void DeleteOnA(int total, int deleted) {
    ids = a.SaveContacts(total);
    a.Sync(server);
    b.Sync(server);
    ASSERT_EQ(b.Live(), size_t(total));
    for (int i = 0; i < deleted; ++i) ASSERT_EQ(a.contacts().Remove(ids[i]), pim::Status::kOk);
    a.Sync(server);
  }
  size_t TombstonesOnServer() {
    auto other = server.SignIn("ana", "laptop");
    size_t n = 0;
    for (const auto& r : server.PullAll(other)) n += r.deleted() ? 1 : 0;
    return n;
  }
};

// Every key and value in the store (namespace 255 aside), as text: two stores hold the same
// iff their dumps are equal.
inline std::string DumpStore(storage::Store& store) {
  std::string out;
  auto hex = [&](auto bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    for (const uint8_t b : bytes) {
      out += kDigits[b >> 4];
      out += kDigits[b & 15];
    }
  };
  for (int ns = 0; ns < storage::kChunkNamespace; ++ns) {
    std::vector<storage::Key> keys;
    store.ForEach(uint8_t(ns), [&](const storage::Key& k, uint32_t) { keys.push_back(k); });
    for (const auto& key : keys) {
      std::vector<uint8_t> value;
      out += std::to_string(ns) + " ";
      hex(key);
      out += " ";
      if (store.Get(uint8_t(ns), key, &value) == storage::Status::kOk) hex(value);
      else out += "<unreadable>";
      out += "\n";
    }
  }
  return out;
}

}  // namespace swivel::os::sync::test
