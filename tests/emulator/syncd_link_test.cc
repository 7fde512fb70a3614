// SyncdLink against a real gRPC server on loopback: a service that was down and comes back
// is reached by the very next request (no hidden host-time backoff in between).
#include "emulator/syncd_link.h"

#include <gtest/gtest.h>

#include "hal/sim/sim_clock.h"
#include "server/service.h"
#include "tests/server/server_test_util.h"

namespace swivel::emulator {
namespace {

std::string SignUp(SyncdLink& link, const std::string& account) {
  sync::RadioRequest request;
  request.mutable_sign_up()->set_account(account);
  request.mutable_sign_up()->set_password("correct horse");
  return link.Carry(request.SerializeAsString());
}

int32_t CodeOf(const std::string& reply) {
  sync::RadioReply r;
  EXPECT_TRUE(r.ParseFromString(reply));
  return r.code();
}

TEST(SyncdLink, AServiceThatComesBackIsReachedByTheNextRequest) {
  server::testing::ServerHarness harness;
  server::SyncService service(harness.server());
  // A port that was free a moment ago: nothing listens on it yet.
  int port = 0;
  {
    grpc::ServerBuilder probe;
    probe.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
    probe.RegisterService(&service);
    auto started = probe.BuildAndStart();
    ASSERT_TRUE(started);
    started->Shutdown();
  }
  ASSERT_GT(port, 0);
  const std::string address = "127.0.0.1:" + std::to_string(port);
  hal::sim::SimClock clock;
  hal::sim::SimRadio radio(clock, hal::sim::SimRandom(1));
  SyncdLink link(address, radio);
  for (int i = 0; i < 3; ++i)  // each refused: gRPC would now wait a second or more
    EXPECT_EQ(CodeOf(SignUp(link, "anna")), static_cast<int32_t>(grpc::StatusCode::UNAVAILABLE));

  grpc::ServerBuilder builder;
  int bound = 0;
  builder.AddListeningPort(address, grpc::InsecureServerCredentials(), &bound);
  builder.RegisterService(&service);
  auto server = builder.BuildAndStart();
  ASSERT_EQ(bound, port);
  EXPECT_EQ(CodeOf(SignUp(link, "anna")), 0) << "the service is back: the next request reaches it";
  server->Shutdown();
}

}  // namespace
}  // namespace swivel::emulator
