#pragma once
// Accounts and devices: sign-up (password hashed with crypto_pwhash_str), sign-in (verified
// with crypto_pwhash_str_verify, then a new device with a 32-byte random token, kept only as
// a BLAKE2b hash), token lookup, and slowing down repeated failed sign-ins per account.
#include <cstdint>
#include <functional>
#include <mutex>
#include <semaphore>
#include <string>
#include <string_view>
#include <unordered_map>

#include "proto/sync.pb.h"
#include "server/status.h"
#include "server/store.h"

namespace swivel::server {

// crypto_pwhash cost. Interactive is libsodium's recommendation for online logins; tests use
// the minimum so they stay fast. A stored hash names its own cost, so either verifies.
struct PwhashLimits {
  unsigned long long opslimit;
  size_t memlimit;
  static PwhashLimits Interactive();
  static PwhashLimits Minimum();
};

// After `free_failures` failed sign-ins of one account with no more than `window_ms` between
// them, sign-ins to it are refused (RESOURCE_EXHAUSTED, password not even checked) for
// `first_delay_ms`; each further failure doubles the delay, up to `max_delay_ms`. A success
// or a quiet window forgets the failures. Kept in memory: a restart forgets them too.
struct ThrottlePolicy {
  int free_failures = 5;
  int64_t window_ms = 15 * 60 * 1000;
  int64_t first_delay_ms = 30 * 1000;
  int64_t max_delay_ms = 15 * 60 * 1000;
  size_t max_tracked = 100000;  // account names remembered at once
};

// Milliseconds on a monotonic clock (injectable, so tests need no sleeps).
using NowMs = std::function<int64_t()>;
NowMs SteadyNowMs();

// Normalized account name (ASCII lower case), or an INVALID_ARGUMENT status.
Result<std::string> NormalizeAccountName(std::string_view name);

class SignInThrottle {
 public:
  explicit SignInThrottle(ThrottlePolicy policy) : policy_(policy) {}
  // 0 when a sign-in may be tried now, else the milliseconds left to wait.
  int64_t WaitMs(const std::string& account, int64_t now);
  void Failed(const std::string& account, int64_t now);
  void Succeeded(const std::string& account);

 private:
  struct Entry {
    int failures = 0;
    int64_t last_failure = 0;
    int64_t blocked_until = 0;
  };
  void Prune(int64_t now);
  ThrottlePolicy policy_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

class Auth {
 public:
  Auth(Store& store, PwhashLimits limits, ThrottlePolicy throttle, NowMs now,
       NowMs wall_ms = nullptr);

  Status SignUp(const sync::SignUpRequest& request);
  // On success, `device` (if given) receives the registered device.
  Result<sync::SignInReply> SignIn(const sync::SignInRequest& request, Device* device = nullptr);
  // The device a token belongs to, or UNAUTHENTICATED.
  Result<Device> Authenticate(std::string_view token);

 private:
  Store& store_;
  PwhashLimits limits_;
  SignInThrottle throttle_;
  NowMs now_;
  NowMs wall_ms_;
  // crypto_pwhash takes tens of MiB per call: at most two at once.
  std::counting_semaphore<2> pwhash_slots_{2};
};

}  // namespace swivel::server
