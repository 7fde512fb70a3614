#include "hal/sim/sim_radio.h"

#include <gtest/gtest.h>

#include <vector>

namespace swivel::hal::sim {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

struct Outcome {
  RadioStatus status;
  Bytes reply;
  TimePoint at;
};

class SimRadioTest : public ::testing::Test {
 protected:
  SimClock clock;
  SimRadio radio{clock, SimRandom(1), RadioModel{milliseconds(80), 0}};
  std::vector<Bytes> server_saw;
  std::vector<Outcome> outcomes;

  void EchoServer() {
    radio.set_backend([this](const Bytes& request) -> std::optional<Bytes> {
      server_saw.push_back(request);
      Bytes reply = request;
      reply.push_back(0xAC);
      return reply;
    });
  }
  void Send(Bytes request, Duration timeout = seconds(5)) {
    radio.send(std::move(request), timeout, [this](RadioStatus s, Bytes reply) {
      outcomes.push_back({s, std::move(reply), clock.now()});
    });
  }
};

TEST_F(SimRadioTest, ReplyArrivesAfterTwoLatencies) {
  EchoServer();
  const auto start = clock.now();
  Send({1, 2, 3});
  clock.run_for(seconds(10));
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_EQ(outcomes[0].status, RadioStatus::kOk);
  EXPECT_EQ(outcomes[0].reply, (Bytes{1, 2, 3, 0xAC}));
  EXPECT_EQ(outcomes[0].at - start, milliseconds(160));
  EXPECT_EQ(radio.counters().bytes_up, 3u);
  EXPECT_EQ(radio.counters().bytes_down, 4u);
  EXPECT_EQ(radio.in_flight(), 0u);
}

TEST_F(SimRadioTest, OffAndNoSignalFailAtOnceWithoutReachingTheServer) {
  EchoServer();
  radio.set_enabled(false);
  EXPECT_EQ(radio.state(), LinkState::kOff);
  Send({1});
  EXPECT_TRUE(outcomes.empty()) << "the handler must not run inside send()";
  clock.run_due();
  radio.set_enabled(true);
  radio.set_link(LinkState::kNoSignal);
  Send({2});
  clock.run_due();
  ASSERT_EQ(outcomes.size(), 2u);
  EXPECT_EQ(outcomes[0].status, RadioStatus::kRadioOff);
  EXPECT_EQ(outcomes[1].status, RadioStatus::kNoSignal);
  EXPECT_EQ(clock.now().time_since_epoch(), Duration(0)) << "no waiting for a dead link";
  EXPECT_TRUE(server_saw.empty());
}

TEST_F(SimRadioTest, SilentServiceTimesOutAtTheDeadline) {
  EchoServer();
  radio.set_link(LinkState::kUpNoService);
  EXPECT_EQ(radio.state(), LinkState::kUpNoService);
  const auto start = clock.now();
  Send({1}, seconds(30));
  clock.run_for(seconds(60));
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_EQ(outcomes[0].status, RadioStatus::kTimeout);
  EXPECT_EQ(outcomes[0].at - start, seconds(30));
  EXPECT_TRUE(server_saw.empty());
}

TEST_F(SimRadioTest, BackendWithNoAnswerTimesOut) {
  radio.set_backend([](const Bytes&) { return std::nullopt; });
  Send({1}, seconds(2));
  clock.run_for(seconds(5));
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_EQ(outcomes[0].status, RadioStatus::kTimeout);
}

TEST_F(SimRadioTest, LinkDropMidFlightTimesOutAndDeliversNothingLater) {
  EchoServer();
  Send({1}, seconds(2));
  clock.run_for(milliseconds(100));  // request reached the server; reply on its way down
  ASSERT_EQ(server_saw.size(), 1u);
  radio.set_link(LinkState::kNoSignal);
  radio.set_link(LinkState::kUp);  // back before the reply would have landed
  clock.run_for(seconds(5));
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_EQ(outcomes[0].status, RadioStatus::kTimeout);
  EXPECT_EQ(outcomes[0].at.time_since_epoch(), seconds(2)) << "fails at its deadline";
}

TEST_F(SimRadioTest, SwitchingOffMidFlightTimesOutAndTheRequestNeverArrives) {
  EchoServer();
  Send({1}, seconds(2));
  clock.run_for(milliseconds(40));  // halfway up
  radio.set_enabled(false);
  radio.set_enabled(true);  // back on before the request would have landed
  clock.run_for(seconds(5));
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_EQ(outcomes[0].status, RadioStatus::kTimeout);
  EXPECT_EQ(outcomes[0].at.time_since_epoch(), seconds(2));
  EXPECT_TRUE(server_saw.empty()) << "a request in the air dies with the radio";
}

TEST_F(SimRadioTest, ReplyLandingExactlyAtTheDeadlineIsInTime) {
  EchoServer();
  Send({1}, milliseconds(160));                          // exactly two latencies
  Send({2}, milliseconds(160) - Duration(1));            // one microsecond short
  clock.run_for(seconds(1));
  ASSERT_EQ(outcomes.size(), 2u);
  EXPECT_EQ(outcomes[0].status, RadioStatus::kTimeout);  // the short one gives up first
  EXPECT_EQ(outcomes[0].at.time_since_epoch(), milliseconds(160) - Duration(1));
  EXPECT_EQ(outcomes[1].status, RadioStatus::kOk);
  EXPECT_EQ(outcomes[1].reply, (Bytes{1, 0xAC}));
  EXPECT_EQ(outcomes[1].at.time_since_epoch(), milliseconds(160));
  EXPECT_EQ(server_saw.size(), 2u);
}

TEST_F(SimRadioTest, RequestReachesTheServerEvenAfterItsSenderGaveUp) {
  EchoServer();
  Send({7}, milliseconds(50));  // shorter than the trip up
  clock.run_for(seconds(1));
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_EQ(outcomes[0].status, RadioStatus::kTimeout);
  EXPECT_EQ(server_saw.size(), 1u) << "the server acts on a request its sender gave up on";
}

TEST(SimRadioLoss, SeededLossIsReproducibleAndNearItsRate) {
  auto run = [](uint64_t seed) {
    SimClock clock;
    SimRadio radio(clock, SimRandom(seed), RadioModel{milliseconds(10), 0.2});
    int server_calls = 0;
    radio.set_backend([&](const Bytes& r) -> std::optional<Bytes> {
      ++server_calls;
      return r;
    });
    std::vector<int> ok;  // which requests got an answer
    std::vector<int> handled(1000, 0);
    for (int i = 0; i < 1000; ++i)
      radio.send({uint8_t(i)}, seconds(1), [&, i](RadioStatus s, Bytes) {
        ++handled[i];
        if (s == RadioStatus::kOk) ok.push_back(i);
      });
    clock.run_for(seconds(5));
    for (int h : handled) EXPECT_EQ(h, 1) << "every handler runs exactly once";
    EXPECT_GT(server_calls, int(ok.size())) << "some replies were lost after the server acted";
    return ok;
  };
  const auto a = run(11);
  EXPECT_EQ(a, run(11));
  EXPECT_NE(a, run(12));
  // Both legs survive with probability 0.8 * 0.8 = 0.64.
  EXPECT_NEAR(double(a.size()) / 1000.0, 0.64, 0.05);
}

TEST(SimRadioLifetime, DestroyedRadioLeavesNoTimerBehind) {
  SimClock clock;
  {
    SimRadio radio(clock, SimRandom(1));
    radio.set_backend([](const Bytes& r) { return std::optional<Bytes>(r); });
    radio.send({1}, seconds(1), [](RadioStatus, Bytes) {});
    radio.set_enabled(false);
    radio.send({2}, seconds(1), [](RadioStatus, Bytes) {});
    EXPECT_GT(clock.pending(), 0u);
  }
  EXPECT_EQ(clock.pending(), 0u);
}

}  // namespace
}  // namespace swivel::hal::sim
