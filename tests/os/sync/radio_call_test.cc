// The agent's way out: calls through a simulated radio, and the backoff between failures.
#include "os/sync/radio_call.h"

#include <gtest/gtest.h>

#include <optional>

#include "hal/sim/sim_clock.h"
#include "hal/sim/sim_radio.h"
#include "hal/sim/sim_random.h"
#include "os/sync/backoff.h"

namespace swivel::os::sync {
namespace {

using namespace std::chrono_literals;

struct RadioCallTest : ::testing::Test {
  hal::sim::SimClock clock;
  hal::sim::SimRadio radio{clock, hal::sim::SimRandom(3)};
  std::optional<hal::Bytes> answer;  // what the service answers; nothing: silent
  struct Result {
    CallStatus status;
    swivel::sync::RadioReply reply;
    std::string why;
  };
  std::optional<Result> result;

  RadioCallTest() {
    radio.set_backend([this](const hal::Bytes&) { return answer; });
  }
  void Call(const swivel::sync::RadioRequest& request) {
    result.reset();
    RadioCall(radio, request, 5s, [this](CallStatus s, swivel::sync::RadioReply r, std::string why) {
      EXPECT_FALSE(result) << "done runs once";
      result = Result{s, std::move(r), std::move(why)};
    });
    clock.run_for(10s);
    ASSERT_TRUE(result) << "done must run";
  }
  static hal::Bytes Bytes(const google::protobuf::Message& m) {
    const std::string s = m.SerializeAsString();
    return hal::Bytes(s.begin(), s.end());
  }
  static swivel::sync::RadioRequest SyncRequest() {
    swivel::sync::RadioRequest r;
    r.set_token("t");
    r.mutable_sync()->set_anchor(1);
    return r;
  }
};

TEST_F(RadioCallTest, AReplyOfTheRightKindComesBack) {
  swivel::sync::RadioReply reply;
  reply.mutable_sync()->set_sequence(12);
  answer = Bytes(reply);
  Call(SyncRequest());
  EXPECT_EQ(result->status, CallStatus::kOk);
  EXPECT_EQ(result->reply.sync().sequence(), 12u);
  // A server error comes as a reply too: its code says what went wrong.
  swivel::sync::RadioReply refused;
  refused.set_code(16);
  refused.set_message("unknown token");
  answer = Bytes(refused);
  Call(SyncRequest());
  EXPECT_EQ(result->status, CallStatus::kOk);
  EXPECT_EQ(result->reply.code(), 16);
}

TEST_F(RadioCallTest, SilenceNoSignalAndRadioOffAreUnreachable) {
  Call(SyncRequest());  // the service never answers: the 2009 outage
  EXPECT_EQ(result->status, CallStatus::kUnreachable);
  EXPECT_EQ(result->why, hal::ToString(hal::RadioStatus::kTimeout));
  answer = Bytes(swivel::sync::RadioReply());
  radio.set_link(hal::LinkState::kNoSignal);
  Call(SyncRequest());
  EXPECT_EQ(result->status, CallStatus::kUnreachable);
  radio.set_link(hal::LinkState::kUp);
  radio.set_enabled(false);
  Call(SyncRequest());
  EXPECT_EQ(result->status, CallStatus::kUnreachable);
}

TEST_F(RadioCallTest, GarbageAndAnswersToAnotherCallAreNeverTakenAsReplies) {
  answer = hal::Bytes{0xFF, 0xFF, 0xFF, 0x01};
  Call(SyncRequest());
  EXPECT_EQ(result->status, CallStatus::kGarbage);
  swivel::sync::RadioReply wrong;
  wrong.mutable_sign_in()->set_token("x");
  answer = Bytes(wrong);
  Call(SyncRequest());
  EXPECT_EQ(result->status, CallStatus::kGarbage);
  EXPECT_EQ(result->why, "the reply answers another call");
}

TEST(Backoff, DoublesWithJitterUpToTheCapAndStartsOverAfterASuccess) {
  hal::sim::SimRandom random(9);
  Backoff backoff(random, {std::chrono::seconds(5), std::chrono::seconds(60)});
  const int64_t ceilings[] = {5, 10, 20, 40, 60, 60, 60};
  for (const int64_t ceiling : ceilings) {
    const auto wait = backoff.Next();
    EXPECT_GE(wait, std::chrono::seconds(ceiling) / 2);
    EXPECT_LE(wait, std::chrono::seconds(ceiling));
  }
  EXPECT_EQ(backoff.failures(), 7u);
  backoff.Reset();
  EXPECT_LE(backoff.Next(), std::chrono::seconds(5));
  // Seeded: the same seed waits the same; another seed spreads the handsets out.
  hal::sim::SimRandom a(1), b(1), c(2);
  Backoff x(a), y(b), z(c);
  bool differ = false;
  for (int i = 0; i < 5; ++i) {
    const auto wx = x.Next(), wy = y.Next(), wz = z.Next();
    EXPECT_EQ(wx, wy);
    differ |= wx != wz;
  }
  EXPECT_TRUE(differ);
}

}  // namespace
}  // namespace swivel::os::sync
