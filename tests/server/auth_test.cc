// Sign-up, sign-in, tokens and the slowing down of repeated failed sign-ins.
#include <gtest/gtest.h>

#include "server/auth.h"
#include "server/crypto.h"
#include "server/hex.h"
#include "tests/server/server_test_util.h"

namespace swivel::server::testing {
namespace {

Status SignUp(ServerHarness& h, const std::string& account, const std::string& password) {
  sync::SignUpRequest request;
  request.set_account(account);
  request.set_password(password);
  auto reply = h.server().SignUp(request, "t");
  return reply.ok() ? Status() : reply.status();
}

Result<sync::SignInReply> SignIn(ServerHarness& h, const std::string& account,
                                 const std::string& password) {
  sync::SignInRequest request;
  request.set_account(account);
  request.set_password(password);
  request.set_device_name("phone");
  return h.server().SignIn(request, "t");
}

TEST(ServerAuth, SignUpChecksNameAndPassword) {
  ServerHarness h;
  EXPECT_EQ(SignUp(h, "ab", "long enough").code(), Code::kInvalidArgument);
  EXPECT_EQ(SignUp(h, std::string(65, 'a'), "long enough").code(), Code::kInvalidArgument);
  EXPECT_EQ(SignUp(h, "anna smith", "long enough").code(), Code::kInvalidArgument);
  EXPECT_EQ(SignUp(h, "anna", "short").code(), Code::kInvalidArgument);
  EXPECT_EQ(SignUp(h, "anna", std::string(257, 'p')).code(), Code::kInvalidArgument);
  EXPECT_TRUE(SignUp(h, "Anna.Li-2@x_y", "long enough").ok());
  auto again = SignUp(h, "anna.li-2@X_Y", "other password");
  EXPECT_EQ(again.code(), Code::kAlreadyExists) << "names are compared in lower case";
}

TEST(ServerAuth, SignInGivesADeviceTokenKeptOnlyAsAHash) {
  ServerHarness h;
  ASSERT_TRUE(SignUp(h, "anna", "correct horse").ok());
  EXPECT_EQ(SignIn(h, "anna", "wrong horse").status().code(), Code::kUnauthenticated);
  EXPECT_EQ(SignIn(h, "nobody", "correct horse").status().message(),
            SignIn(h, "anna", "wrong horse").status().message())
      << "an unknown account and a wrong password look the same";
  auto reply = SignIn(h, "ANNA", "correct horse");
  ASSERT_TRUE(reply.ok()) << reply.status().message();
  EXPECT_EQ(reply->token().size(), 64u);
  EXPECT_EQ(reply->device_id().size(), 32u);
  auto second = SignIn(h, "anna", "correct horse");
  EXPECT_NE(second->token(), reply->token());
  EXPECT_NE(second->device_id(), reply->device_id());

  const std::string dump = Dump(h.dir());
  EXPECT_EQ(dump.find(Hex(reply->token())), std::string::npos) << "the token itself is not kept";
  EXPECT_NE(dump.find(Hex(TokenHash(reply->token()))), std::string::npos);
  EXPECT_EQ(dump.find(Hex("correct horse")), std::string::npos) << "nor the password";

  sync::SyncRequest request;
  auto sync = h.server().Sync(reply->token(), request, "t");
  EXPECT_TRUE(sync.ok());
}

TEST(ServerAuth, RepeatedFailedSignInsAreSlowedDown) {
  ServerHarness h;  // default policy: 5 free failures, then 30 s, doubling
  ASSERT_TRUE(SignUp(h, "anna", "correct horse").ok());
  ASSERT_TRUE(SignUp(h, "bea", "correct horse").ok());
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(SignIn(h, "anna", "guess " + std::to_string(i)).status().code(),
              Code::kUnauthenticated);
    h.now_ms += 1000;
  }
  // Now refused without looking at the password, even the right one.
  auto refused = SignIn(h, "anna", "correct horse");
  EXPECT_EQ(refused.status().code(), Code::kResourceExhausted);
  EXPECT_NE(refused.status().message().find("try again in"), std::string::npos);
  EXPECT_TRUE(SignIn(h, "bea", "correct horse").ok()) << "other accounts are not affected";

  h.now_ms += 28'000;
  EXPECT_EQ(SignIn(h, "anna", "correct horse").status().code(), Code::kResourceExhausted);
  h.now_ms += 2'000;
  // The delay passed: one more failure doubles it.
  EXPECT_EQ(SignIn(h, "anna", "guess 6").status().code(), Code::kUnauthenticated);
  h.now_ms += 59'000;
  EXPECT_EQ(SignIn(h, "anna", "correct horse").status().code(), Code::kResourceExhausted);
  h.now_ms += 1'000;
  EXPECT_TRUE(SignIn(h, "anna", "correct horse").ok());
  // A success forgets the failures.
  EXPECT_EQ(SignIn(h, "anna", "guess 7").status().code(), Code::kUnauthenticated);
  EXPECT_TRUE(SignIn(h, "anna", "correct horse").ok());
}

TEST(ServerAuth, ThrottleForgetsFailuresAfterAQuietWindow) {
  SignInThrottle throttle(ThrottlePolicy{3, 1000, 500, 4000, 100});
  int64_t now = 0;
  throttle.Failed("a", now);
  throttle.Failed("a", now += 10);
  EXPECT_EQ(throttle.WaitMs("a", now), 0);
  throttle.Failed("a", now += 2000);  // after a quiet window: counts as the first again
  throttle.Failed("a", now += 10);
  EXPECT_EQ(throttle.WaitMs("a", now), 0);
  throttle.Failed("a", now += 10);
  EXPECT_EQ(throttle.WaitMs("a", now), 500);
  for (int i = 0; i < 10; ++i) throttle.Failed("a", now);
  EXPECT_EQ(throttle.WaitMs("a", now), 4000) << "the delay stops doubling at the maximum";
}

TEST(ServerAuth, ThrottleRemembersABoundedNumberOfAccounts) {
  SignInThrottle throttle(ThrottlePolicy{1, 1000, 500, 4000, 10});
  for (int i = 0; i < 100; ++i) throttle.Failed("name" + std::to_string(i), i);
  // The newest failures are still remembered.
  EXPECT_GT(throttle.WaitMs("name99", 99), 0);
}

}  // namespace
}  // namespace swivel::server::testing
