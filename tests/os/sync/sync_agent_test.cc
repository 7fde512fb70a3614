// SyncAgent on virtual time, reaching swivel-syncd's logic only through a simulated radio.
#include "os/sync/sync_agent.h"

#include <gtest/gtest.h>

#include "hal/sim/sim_radio.h"
#include "server/radio_gateway.h"
#include "tests/os/sync/sync_test_phone.h"
#include "tests/server/server_test_util.h"

namespace swivel::os::sync {
namespace {

using namespace std::chrono_literals;

struct SyncAgentTest : ::testing::Test, test::StoragePhone {
  SyncAgentTest() : StoragePhone(5) { Connect(); }
  server::testing::ServerHarness server;
  server::RadioGateway gateway{server.server()};
  hal::sim::SimRadio radio{clock, hal::sim::SimRandom(6)};
  std::vector<std::string> said;
  bool garbage = false;

  void Connect() {
    radio.set_backend([this](const hal::Bytes& request) -> std::optional<hal::Bytes> {
      if (garbage) return hal::Bytes{0xFF, 0x00, 0xFF};
      return gateway.Handle(request);
    });
  }
  void SignIn() {
    swivel::sync::DeviceAccount account;
    account.set_account("ana");
    account.set_token(server.SignIn("ana", "phone").token);
    ASSERT_EQ(state.SaveAccount(account), pim::Status::kOk);
  }
  std::unique_ptr<SyncAgent> Agent() {
    return std::make_unique<SyncAgent>(clock, radio, random, session, state,
                                       [this](const std::string& s) { said.push_back(s); });
  }
  size_t OnServer() {
    auto other = server.SignIn("ana", "other");
    return server.PullAll(other).size();
  }
  void SaveContacts(int n) {
    for (int i = 0; i < n; ++i) {
      swivel::pim::Contact c;
      c.mutable_name()->set_given("c" + std::to_string(i));
      ASSERT_EQ(contacts.Save(c), pim::Status::kOk);
    }
  }
};

TEST_F(SyncAgentTest, SyncsThroughTheRadioInRoundsAndSaysSo) {
  SignIn();
  SaveContacts(150);  // two push rounds
  auto agent = Agent();
  agent->SyncNow();
  EXPECT_TRUE(agent->busy());
  clock.run_for(10s);
  EXPECT_FALSE(agent->busy());
  EXPECT_EQ(agent->status(), "synced");
  EXPECT_EQ(said, (std::vector<std::string>{"syncing", "synced"}));
  EXPECT_GE(agent->rounds(), 2u);
  EXPECT_EQ(OnServer(), 150u);
  std::vector<pim::DirtyEntry> dirty;
  ASSERT_EQ(contacts.Dirty(&dirty), pim::Status::kOk);
  EXPECT_TRUE(dirty.empty());
  // Later syncs come by themselves, every interval.
  const uint64_t rounds = agent->rounds();
  clock.run_for(AgentOptions{}.interval + 10s);
  EXPECT_EQ(agent->rounds(), rounds + 1);
}

TEST_F(SyncAgentTest, AnOutageChangesNothingAndIsRetriedWithBackoffUntilItEnds) {
  SignIn();
  SaveContacts(3);
  radio.set_link(hal::LinkState::kUpNoService);  // the radio is up; the service is silent
  auto agent = Agent();
  agent->SyncNow();
  clock.run_for(31s);
  EXPECT_EQ(agent->status(), "offline");
  std::vector<pim::DirtyEntry> dirty;
  ASSERT_EQ(contacts.Dirty(&dirty), pim::Status::kOk);
  EXPECT_EQ(dirty.size(), 3u) << "nothing is marked synced that was not";
  // Retries keep coming, further and further apart (5 s doubling, with jitter).
  const uint64_t first = radio.counters().requests;
  clock.run_for(10min);
  const uint64_t in_ten_minutes = radio.counters().requests - first;
  EXPECT_GE(in_ten_minutes, 3u);
  EXPECT_LE(in_ten_minutes, 8u) << "backoff, not a busy loop";
  radio.set_link(hal::LinkState::kUp);
  clock.run_for(30min);  // the next retry, at most the cap away
  EXPECT_EQ(agent->status(), "synced");
  EXPECT_EQ(OnServer(), 3u);
}

TEST_F(SyncAgentTest, GarbageAndErrorsFromTheServiceChangeNothing) {
  SignIn();
  SaveContacts(2);
  garbage = true;
  auto agent = Agent();
  agent->SyncNow();
  clock.run_for(10s);
  EXPECT_EQ(agent->status(), "sync failed");
  EXPECT_EQ(agent->last_error(), "the reply is not a RadioReply");
  swivel::sync::DeviceCursor cursor;
  ASSERT_EQ(state.LoadCursor(&cursor), pim::Status::kOk);
  EXPECT_EQ(cursor.anchor(), 0u);
  EXPECT_TRUE(cursor.epoch().empty());
  // A token the server does not know: its error, and still nothing changes.
  garbage = false;
  swivel::sync::DeviceAccount account;
  account.set_token("not a token");
  ASSERT_EQ(state.SaveAccount(account), pim::Status::kOk);
  agent->SyncNow();
  clock.run_for(10s);
  EXPECT_EQ(agent->status(), "sign in again");
  EXPECT_NE(agent->last_error().find("the service said"), std::string::npos) << agent->last_error();
  std::vector<pim::DirtyEntry> dirty;
  ASSERT_EQ(contacts.Dirty(&dirty), pim::Status::kOk);
  EXPECT_EQ(dirty.size(), 2u);
}

TEST_F(SyncAgentTest, NotSignedInSaysSoAndABatteryPullMidSyncIsHarmless) {
  auto agent = Agent();
  agent->SyncNow();
  EXPECT_EQ(agent->status(), "no account");
  SignIn();
  SaveContacts(1);
  agent->SyncNow();
  agent.reset();  // the OS is dropped with the request in flight
  clock.run_for(10s);  // its reply arrives to nobody
  agent = Agent();
  agent->SyncNow();
  clock.run_for(10s);
  EXPECT_EQ(agent->status(), "synced");
  EXPECT_EQ(OnServer(), 1u) << "the retry after the lost answer does not duplicate";
}

}  // namespace
}  // namespace swivel::os::sync

namespace swivel::os::sync {
namespace {

TEST_F(SyncAgentTest, SigningUpFromTheHandsetKeepsItsTokenAndSyncsWhatItHeld) {
  SaveContacts(4);  // saved before any account existed
  auto agent = Agent();
  std::optional<std::string> error;
  agent->SignIn("bea", "wrong horse", "phone", /*create=*/false, [&](const std::string& e) { error = e; });
  clock.run_for(5s);
  ASSERT_TRUE(error);
  EXPECT_FALSE(error->empty()) << "no such account yet";
  swivel::sync::DeviceAccount account;
  EXPECT_EQ(state.LoadAccount(&account), pim::Status::kNotFound) << "a failed sign-in keeps nothing";
  error.reset();
  agent->SignIn("bea", "correct horse", "phone", /*create=*/true, [&](const std::string& e) { error = e; });
  clock.run_for(10s);
  ASSERT_TRUE(error);
  EXPECT_EQ(*error, "");
  ASSERT_EQ(state.LoadAccount(&account), pim::Status::kOk);
  EXPECT_EQ(account.account(), "bea");
  EXPECT_FALSE(account.token().empty());
  EXPECT_EQ(agent->status(), "synced");
  auto other = server.SignIn("bea", "laptop");
  EXPECT_EQ(server.PullAll(other).size(), 4u);
}

}  // namespace
}  // namespace swivel::os::sync

namespace swivel::os::sync {
namespace {

TEST_F(SyncAgentTest, AWipedHandsetSignedInAgainGetsEverythingBack) {
  SignIn();
  SaveContacts(120);
  auto agent = Agent();
  agent->SyncNow();
  clock.run_for(10s);
  ASSERT_EQ(OnServer(), 120u);
  // Another handset, empty, signs in to the same account.
  test::StoragePhone wiped(9);
  hal::sim::SimRadio its_radio{wiped.clock, hal::sim::SimRandom(10)};
  its_radio.set_backend([this](const hal::Bytes& r) -> std::optional<hal::Bytes> { return gateway.Handle(r); });
  SyncAgent its_agent(wiped.clock, its_radio, wiped.random, wiped.session, wiped.state, nullptr);
  std::optional<std::string> error;
  its_agent.SignIn("ana", "correct horse", "new phone", false, [&](const std::string& e) { error = e; });
  wiped.clock.run_for(10s);
  ASSERT_TRUE(error);
  EXPECT_EQ(*error, "");
  std::vector<swivel::pim::Contact> got;
  ASSERT_EQ(wiped.contacts.List(&got), pim::Status::kOk);
  EXPECT_EQ(got.size(), 120u);
}

}  // namespace
}  // namespace swivel::os::sync

namespace swivel::os::sync {
namespace {

// The 2009 failure: the server comes back empty, its accounts gone with the records. The
// handsets keep everything, say so, and the owner signing in again (re-creating the account
// from the first handset; "create" from the second finds it there) puts it all back.
TEST_F(SyncAgentTest, AServerThatLostItsAccountsAsksToSignInAgainAndGetsEverythingBack) {
  SignIn();
  SaveContacts(30);
  auto agent = Agent();
  agent->SyncNow();
  clock.run_for(10s);
  ASSERT_EQ(OnServer(), 30u);
  SaveContacts(5);  // made after the last sync: only this handset has them

  server::testing::ServerHarness empty;
  server::RadioGateway empty_gateway{empty.server()};
  radio.set_backend([&](const hal::Bytes& r) -> std::optional<hal::Bytes> { return empty_gateway.Handle(r); });
  agent->SyncNow();
  clock.run_for(10s);
  EXPECT_EQ(agent->status(), "sign in again");
  std::vector<pim::DirtyEntry> dirty;
  ASSERT_EQ(contacts.Dirty(&dirty), pim::Status::kOk);
  EXPECT_EQ(dirty.size(), 5u) << "the unsent changes stay marked";
  std::vector<swivel::pim::Contact> held;
  ASSERT_EQ(contacts.List(&held), pim::Status::kOk);
  EXPECT_EQ(held.size(), 35u);

  std::optional<std::string> error;
  agent->SignIn("ana", "correct horse", "phone", /*create=*/true, [&](const std::string& e) { error = e; });
  clock.run_for(20s);
  ASSERT_TRUE(error);
  ASSERT_EQ(*error, "");
  EXPECT_EQ(agent->status(), "synced");
  auto reader = empty.SignIn("ana", "reader");
  EXPECT_EQ(empty.PullAll(reader).size(), 35u);

  // A second handset of the same owner, signing in with "create" too, is simply signed in;
  // the wrong password is still refused.
  test::StoragePhone second(11);
  hal::sim::SimRadio its_radio{second.clock, hal::sim::SimRandom(12)};
  its_radio.set_backend([&](const hal::Bytes& r) -> std::optional<hal::Bytes> { return empty_gateway.Handle(r); });
  SyncAgent its_agent(second.clock, its_radio, second.random, second.session, second.state, nullptr);
  error.reset();
  its_agent.SignIn("ana", "wrong horse", "second", /*create=*/true, [&](const std::string& e) { error = e; });
  second.clock.run_for(10s);
  ASSERT_TRUE(error);
  EXPECT_NE(*error, "");
  error.reset();
  its_agent.SignIn("ana", "correct horse", "second", /*create=*/true, [&](const std::string& e) { error = e; });
  second.clock.run_for(20s);
  ASSERT_TRUE(error);
  EXPECT_EQ(*error, "");
  std::vector<swivel::pim::Contact> got;
  ASSERT_EQ(second.contacts.List(&got), pim::Status::kOk);
  EXPECT_EQ(got.size(), 35u);
}

}  // namespace
}  // namespace swivel::os::sync

namespace swivel::os::sync {
namespace {

TEST_F(SyncAgentTest, ASaveWhileASyncRunsIsPushedByAnotherRunRightAfter) {
  SignIn();
  SaveContacts(1);
  auto agent = Agent();
  agent->SyncNow();
  ASSERT_TRUE(agent->busy());
  SaveContacts(1);  // its push missed the request already on its way
  agent->SyncNow();
  clock.run_for(10s);
  EXPECT_FALSE(agent->busy());
  EXPECT_EQ(agent->status(), "synced");
  EXPECT_EQ(OnServer(), 2u);
}

}  // namespace
}  // namespace swivel::os::sync

namespace swivel::os::sync {
namespace {

TEST_F(SyncAgentTest, ALocalChangeGoesUpAQuietMomentLaterAndARunOfThemInOneSync) {
  SignIn();
  auto agent = Agent();
  contacts.set_on_local_change([&agent] { agent->SyncSoon(); });
  SaveContacts(1);
  clock.run_for(3s);
  SaveContacts(1);
  clock.run_for(1900ms);  // just before the quiet period from the first save ends
  EXPECT_EQ(agent->rounds(), 0u);
  clock.run_for(5s);
  EXPECT_EQ(agent->rounds(), 1u) << "both saves went in one sync";
  EXPECT_EQ(agent->status(), "synced");
  EXPECT_EQ(OnServer(), 2u);
  // A save while a sync is under way is followed by one more sync, not lost until later.
  agent->SyncNow();
  SaveContacts(1);
  clock.run_for(10s);
  EXPECT_EQ(OnServer(), 3u);
}

TEST_F(SyncAgentTest, SavesWhileBackingOffDoNotHammerTheService) {
  SignIn();
  radio.set_link(hal::LinkState::kNoSignal);
  auto agent = Agent();
  contacts.set_on_local_change([&agent] { agent->SyncSoon(); });
  SaveContacts(1);
  clock.run_for(2min);  // a few retries: the backoff is past a minute now
  EXPECT_EQ(agent->status(), "offline");
  // Right after a retry failed, the next one is a backoff away; saves meanwhile wait for it.
  uint64_t requests = radio.counters().requests;
  for (int i = 0; i < 20 * 60 * 10 && radio.counters().requests == requests; ++i) clock.run_for(100ms);
  requests = radio.counters().requests;
  for (int i = 0; i < 20; ++i) {  // a save every 400 ms for 8 s
    SaveContacts(1);
    clock.run_for(400ms);
  }
  EXPECT_EQ(radio.counters().requests, requests) << "the saves did not bring the retry forward";
  radio.set_link(hal::LinkState::kUp);
  clock.run_for(20min);
  EXPECT_EQ(agent->status(), "synced");
  EXPECT_EQ(OnServer(), 21u);
}

}  // namespace
}  // namespace swivel::os::sync
