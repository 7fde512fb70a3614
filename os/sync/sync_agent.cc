#include "os/sync/sync_agent.h"

#include "os/sync/radio_call.h"

namespace swivel::os::sync {

SyncAgent::SyncAgent(hal::Clock& clock, hal::Radio& radio, hal::Random& random, SyncSession& session,
                     SyncState& state, StatusLine status, AgentOptions options)
    : clock_(clock), radio_(radio), session_(session), state_(state),
      status_line_(std::move(status)), options_(options), backoff_(random, options.backoff),
      transfer_(radio, session.store(), options.timeout, options.blobs),
      self_(std::make_shared<SyncAgent*>(this)) {
  // A cache-only handset has just emptied itself (cache_only.h): it reloads at once.
  Schedule(options_.policy == SyncPolicy::kCacheOnly ? hal::Duration{} : options_.interval);
}

SyncAgent::~SyncAgent() {
  if (timer_set_) clock_.cancel(timer_);
}

void SyncAgent::Say(const std::string& status) {
  if (status == status_) return;
  status_ = status;
  if (status_line_) status_line_(status_);
}

std::string SyncAgent::Settled() {
  HeldCounts held;
  if (session_.HeldDeletes(&held) != pim::Status::kOk || held.empty()) return "synced";
  return "confirm " + std::to_string(Total(held)) + " deletes";
}

pim::Status SyncAgent::ConfirmDeletes() {
  const pim::Status s = session_.ConfirmDeletes();
  if (status_.starts_with("confirm ")) Say(Settled());
  return s;
}

pim::Status SyncAgent::KeepRecords() {
  const pim::Status s = session_.KeepRecords();
  if (s == pim::Status::kOk) SyncNow();
  return s;
}

void SyncAgent::Schedule(hal::Duration delay) {
  if (timer_set_) clock_.cancel(timer_);
  timer_due_ = clock_.now() + delay;
  timer_ = clock_.schedule_after(delay, [this] {
    timer_set_ = false;
    SyncNow();
  });
  timer_set_ = true;
}

void SyncAgent::SyncNow() {
  if (busy_) {
    // A change made while a sync runs may have missed its push: one more run follows.
    again_after_ = true;
    return;
  }
  busy_ = true;
  again_after_ = false;
  transfer_.NewRun();
  Round();
}

void SyncAgent::SyncSoon() {
  if (busy_) {
    again_after_ = true;
    return;
  }
  if (backing_off_ || (timer_set_ && timer_due_ <= clock_.now() + options_.quiet)) return;
  Schedule(options_.quiet);
}

void SyncAgent::SignIn(const std::string& account, const std::string& password,
                       const std::string& device_name, bool create,
                       std::function<void(const std::string& error)> done) {
  std::weak_ptr<SyncAgent*> alive = self_;
  auto sign_in = [this, alive, account, password, device_name, done]() {
    swivel::sync::RadioRequest request;
    auto& in = *request.mutable_sign_in();
    in.set_account(account);
    in.set_password(password);
    in.set_device_name(device_name);
    RadioCall(radio_, request, options_.timeout,
              [alive, account, done](CallStatus status, swivel::sync::RadioReply reply, std::string why) {
                const auto self = alive.lock();
                if (!self) return;
                if (status != CallStatus::kOk) return done(why);
                if (reply.code() != 0 || !reply.has_sign_in()) return done(reply.message());
                swivel::sync::DeviceAccount saved;
                saved.set_account(account);
                saved.set_device_id(reply.sign_in().device_id());
                saved.set_token(reply.sign_in().token());
                // The token and a fresh cursor together: a new start in the account's history.
                std::vector<storage::Change> changes;
                (*self)->state_.StageAccount(saved, &changes);
                swivel::sync::DeviceCursor fresh;
                fresh.set_reseed_pending(true);
                (*self)->state_.StageCursor(fresh, &changes);
                if (const auto s = pim::FromStorage((*self)->session_.store().Commit(changes)); s != pim::Status::kOk)
                  return done("the account could not be saved: " + std::string(pim::ToString(s)));
                done("");
                (*self)->SyncNow();
              });
  };
  if (!create) return sign_in();
  swivel::sync::RadioRequest request;
  request.mutable_sign_up()->set_account(account);
  request.mutable_sign_up()->set_password(password);
  RadioCall(radio_, request, options_.timeout,
            [alive, sign_in, done](CallStatus status, swivel::sync::RadioReply reply, std::string why) {
              if (!alive.lock()) return;
              if (status != CallStatus::kOk) return done(why);
              // "Create" on a server that has the account already (another handset of the
              // same owner re-created it after the server lost everything) is a sign-in:
              // the password decides.
              if (reply.code() != kServiceOk && reply.code() != kServiceAlreadyExists)
                return done(reply.message());
              sign_in();
            });
}

void SyncAgent::Failed(const std::string& status, const std::string& why) {
  busy_ = false;
  backing_off_ = true;
  last_error_ = why;
  Say(status);
  Schedule(backoff_.Next());
}

void SyncAgent::Round() {
  swivel::sync::DeviceAccount account;
  if (state_.LoadAccount(&account) != pim::Status::kOk || account.token().empty()) {
    busy_ = false;
    Say("no account");
    Schedule(options_.interval);
    return;
  }
  swivel::sync::RadioRequest request;
  request.set_token(account.token());
  if (const auto s = session_.Build(request.mutable_sync()); s != pim::Status::kOk)
    return Failed("sync failed", "the store: " + std::string(pim::ToString(s)));
  Say("syncing");
  ++rounds_;
  std::weak_ptr<SyncAgent*> alive = self_;
  RadioCall(radio_, request, options_.timeout,
            [alive, sent = request.sync()](CallStatus status, swivel::sync::RadioReply reply, std::string why) {
              const auto self = alive.lock();
              if (!self) return;  // the OS that asked is gone
              SyncAgent& agent = **self;
              if (status == CallStatus::kUnreachable) return agent.Failed("offline", why);
              if (status == CallStatus::kGarbage) return agent.Failed("sync failed", why);
              if (reply.code() == kServiceUnavailable || reply.code() == kServiceDeadlineExceeded)
                return agent.Failed("offline", "the service cannot be reached: " + reply.message());
              // The server no longer knows this handset (it lost its accounts, or the token
              // was revoked): nothing changes here, the records stay and keep their dirty
              // marks, and the owner signs in again (Settings), which re-seeds the server.
              if (reply.code() == kServiceUnauthenticated)
                return agent.Failed("sign in again", "the service said: " + reply.message());
              if (reply.code() != 0 || !reply.has_sync())
                return agent.Failed("sync failed", "the service said: " + reply.message());
              bool again = false;
              RoundStats stats;
              if (const auto s = agent.session_.Apply(sent, reply.sync(), &again, &stats); s != pim::Status::kOk)
                return agent.Failed("sync failed", "applying the reply: " + std::string(pim::ToString(s)));
              agent.backoff_.Reset();
              agent.transfer_.QueueUploads(stats.blobs_missing_on_server);
              if (again) return agent.Round();
              agent.AfterRounds();
            });
}

void SyncAgent::AfterRounds() {
  swivel::sync::DeviceAccount account;
  if (!transfer_.HasWork() || state_.LoadAccount(&account) != pim::Status::kOk) return Synced();
  Say("syncing photos");
  // The transfer is a member: it never calls back once the agent is gone.
  transfer_.Run(account.token(), [this](const TransferReport& report) {
    if (report.result == TransferResult::kUnreachable) return Failed("offline", report.why);
    if (report.uploaded > 0) return Round();  // the photos whose bytes are up now go again
    if (report.result != TransferResult::kDone) return Failed("sync failed", report.why);
    Synced();
  });
}

void SyncAgent::Synced() {
  busy_ = false;
  backing_off_ = false;
  last_error_.clear();
  if (again_after_) return SyncNow();
  Say(Settled());
  Schedule(options_.interval);
}

}  // namespace swivel::os::sync
