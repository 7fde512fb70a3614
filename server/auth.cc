#include "server/auth.h"

#include <sodium.h>

#include <algorithm>
#include <chrono>

#include "server/crypto.h"
#include "server/hex.h"

namespace swivel::server {

namespace {

constexpr size_t kMinPassword = 8, kMaxPassword = 256, kMaxDeviceName = 64;

// Holds one of the pwhash slots for a scope.
class Slot {
 public:
  explicit Slot(std::counting_semaphore<2>& slots) : slots_(slots) { slots_.acquire(); }
  ~Slot() { slots_.release(); }
  Slot(const Slot&) = delete;
  Slot& operator=(const Slot&) = delete;

 private:
  std::counting_semaphore<2>& slots_;
};

}  // namespace

PwhashLimits PwhashLimits::Interactive() {
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PwhashLimits PwhashLimits::Minimum() {
  return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

NowMs SteadyNowMs() {
  return [] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
  };
}

Result<std::string> NormalizeAccountName(std::string_view name) {
  if (name.size() < 3 || name.size() > 64)
    return Invalid("account name must be 3-64 characters");
  std::string out;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-' || c == '@';
    if (!ok) return Invalid("account name may hold only letters, digits and . _ - @");
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

int64_t SignInThrottle::WaitMs(const std::string& account, int64_t now) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(account);
  if (it == entries_.end() || it->second.blocked_until <= now) return 0;
  return it->second.blocked_until - now;
}

void SignInThrottle::Failed(const std::string& account, int64_t now) {
  std::lock_guard lock(mutex_);
  if (entries_.size() >= policy_.max_tracked && !entries_.contains(account)) Prune(now);
  Entry& e = entries_[account];
  if (e.failures > 0 && now - e.last_failure > policy_.window_ms) e.failures = 0;
  ++e.failures;
  e.last_failure = now;
  if (e.failures >= policy_.free_failures) {
    int64_t delay = policy_.first_delay_ms;
    for (int i = policy_.free_failures; i < e.failures && delay < policy_.max_delay_ms; ++i)
      delay *= 2;
    e.blocked_until = now + std::min(delay, policy_.max_delay_ms);
  }
}

void SignInThrottle::Succeeded(const std::string& account) {
  std::lock_guard lock(mutex_);
  entries_.erase(account);
}

void SignInThrottle::Prune(int64_t now) {
  std::erase_if(entries_, [&](const auto& kv) {
    return kv.second.blocked_until <= now && now - kv.second.last_failure > policy_.window_ms;
  });
  if (entries_.size() < policy_.max_tracked) return;
  // Still full of recent failures: forget the one that failed longest ago.
  auto oldest = std::min_element(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) {
    return a.second.last_failure < b.second.last_failure;
  });
  entries_.erase(oldest);
}

Auth::Auth(Store& store, PwhashLimits limits, ThrottlePolicy throttle, NowMs now, NowMs wall_ms)
    : store_(store), limits_(limits), throttle_(throttle), now_(std::move(now)),
      wall_ms_(std::move(wall_ms)) {
  EnsureSodium();
  if (!wall_ms_)
    wall_ms_ = [] {
      return std::chrono::duration_cast<std::chrono::milliseconds>(
                 std::chrono::system_clock::now().time_since_epoch())
          .count();
    };
}

Status Auth::SignUp(const sync::SignUpRequest& request) {
  auto name = NormalizeAccountName(request.account());
  if (!name.ok()) return name.status();
  if (request.password().size() < kMinPassword || request.password().size() > kMaxPassword)
    return Invalid("password must be 8-256 bytes");
  char hash[crypto_pwhash_STRBYTES];
  {
    Slot slot(pwhash_slots_);
    if (crypto_pwhash_str(hash, request.password().data(), request.password().size(),
                          limits_.opslimit, limits_.memlimit) != 0)
      return Status(Code::kResourceExhausted, "out of memory hashing the password");
  }
  if (!store_.CreateAccount(name.value(), hash, wall_ms_()))
    return Status(Code::kAlreadyExists, "account " + name.value() + " exists");
  return {};
}

Result<sync::SignInReply> Auth::SignIn(const sync::SignInRequest& request, Device* device) {
  auto name = NormalizeAccountName(request.account());
  if (!name.ok()) return name.status();
  if (request.password().empty() || request.password().size() > kMaxPassword)
    return Invalid("password must be 1-256 bytes");
  if (request.device_name().size() > kMaxDeviceName)
    return Invalid("device name is over 64 bytes");
  if (int64_t wait = throttle_.WaitMs(name.value(), now_()); wait > 0)
    return Status(Code::kResourceExhausted,
                  "too many failed sign-ins to " + name.value() + ": try again in " +
                      std::to_string((wait + 999) / 1000) + " s");
  auto account = store_.FindAccount(name.value());
  bool verified = false;
  if (account) {
    Slot slot(pwhash_slots_);
    verified = crypto_pwhash_str_verify(account->password_hash.c_str(),
                                        request.password().data(),
                                        request.password().size()) == 0;
  }
  if (!verified) {
    throttle_.Failed(name.value(), now_());
    return Status(Code::kUnauthenticated, "wrong account or password");
  }
  throttle_.Succeeded(name.value());
  Device registered{Hex(RandomBytes(16)), account->id, account->name,
                    request.device_name().empty() ? "unnamed" : request.device_name()};
  const std::string token = Hex(RandomBytes(32));
  store_.AddDevice(registered, TokenHash(token), wall_ms_());
  sync::SignInReply reply;
  reply.set_device_id(registered.id);
  reply.set_token(token);
  if (device) *device = registered;
  return reply;
}

Result<Device> Auth::Authenticate(std::string_view token) {
  if (token.empty()) return Status(Code::kUnauthenticated, "no token: sign in first");
  if (token.size() != 64 || !Unhex(token))
    return Status(Code::kUnauthenticated, "malformed token");
  auto device = store_.FindDeviceByTokenHash(TokenHash(token));
  if (!device) return Status(Code::kUnauthenticated, "unknown token: sign in again");
  return *device;
}

}  // namespace swivel::server
