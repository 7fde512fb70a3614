// The sync agent and the delete guard (os/sync/delete_guard.h): the status line asks the user
// about held deletes, and the answer takes effect through the agent.
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "hal/sim/sim_radio.h"
#include "os/sync/sync_agent.h"
#include "server/radio_gateway.h"
#include "tests/os/sync/guard_test_handset.h"

namespace swivel::os::sync {
namespace {

using namespace std::chrono_literals;
using swivel::sync::RECORD_TYPE_CONTACT;

// B reaches the server through a simulated radio, signed in with its token.
struct DeleteGuardAgentTest : ::testing::Test, test::TwoHandsets {
  server::RadioGateway gateway{server.server()};
  hal::sim::SimRadio radio{b.clock, hal::sim::SimRandom(6)};
  std::vector<std::string> said;

  DeleteGuardAgentTest() {
    radio.set_backend([this](const hal::Bytes& r) -> std::optional<hal::Bytes> { return gateway.Handle(r); });
    swivel::sync::DeviceAccount account;
    account.set_token(b.token);
    EXPECT_EQ(b.os->state.SaveAccount(account), pim::Status::kOk);
  }
  std::unique_ptr<SyncAgent> Agent() {
    return std::make_unique<SyncAgent>(b.clock, radio, b.random, b.session(), b.os->state,
                                       [this](const std::string& s) { said.push_back(s); });
  }
};

TEST_F(DeleteGuardAgentTest, TheStatusLineAsksAndAKeepGoesUpAtOnce) {
  DeleteOnA(100, 40);
  auto agent = Agent();
  agent->SyncNow();
  b.clock.run_for(10s);
  EXPECT_EQ(agent->status(), "confirm 40 deletes");
  EXPECT_EQ(said, (std::vector<std::string>{"syncing", "confirm 40 deletes"}));
  HeldCounts held;
  ASSERT_EQ(agent->HeldDeletes(&held), pim::Status::kOk);
  EXPECT_EQ(held, (HeldCounts{{RECORD_TYPE_CONTACT, 40}}));
  agent->SyncNow();
  b.clock.run_for(10s);
  EXPECT_EQ(agent->status(), "confirm 40 deletes") << "still asking after another sync";
  EXPECT_EQ(b.Live(), 100u);

  ASSERT_EQ(agent->KeepRecords(), pim::Status::kOk);
  b.clock.run_for(10s);
  EXPECT_EQ(agent->status(), "synced");
  EXPECT_EQ(TombstonesOnServer(), 0u) << "pushed back without waiting for the next interval";
  a.Sync(server);
  EXPECT_EQ(a.Live(), 100u);
}

TEST_F(DeleteGuardAgentTest, TheStatusLineSaysSyncedOnceTheUserConfirms) {
  DeleteOnA(100, 40);
  auto agent = Agent();
  agent->SyncNow();
  b.clock.run_for(10s);
  ASSERT_EQ(agent->status(), "confirm 40 deletes");
  ASSERT_EQ(agent->ConfirmDeletes(), pim::Status::kOk);
  EXPECT_EQ(agent->status(), "synced");
  EXPECT_EQ(b.Live(), 60u);
  HeldCounts held;
  ASSERT_EQ(agent->HeldDeletes(&held), pim::Status::kOk);
  EXPECT_TRUE(held.empty());
}

}  // namespace
}  // namespace swivel::os::sync
