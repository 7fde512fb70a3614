#include "os/sync/sync_agent.h"

#include "os/sync/radio_call.h"

namespace swivel::os::sync {

SyncAgent::SyncAgent(hal::Clock& clock, hal::Radio& radio, hal::Random& random, SyncSession& session,
                     SyncState& state, StatusLine status, AgentOptions options)
    : clock_(clock), radio_(radio), session_(session), state_(state),
      status_line_(std::move(status)), options_(options), backoff_(random, options.backoff),
      self_(std::make_shared<SyncAgent*>(this)) {
  Schedule(options_.interval);
}

SyncAgent::~SyncAgent() {
  if (timer_set_) clock_.cancel(timer_);
}

void SyncAgent::Say(const std::string& status) {
  if (status == status_) return;
  status_ = status;
  if (status_line_) status_line_(status_);
}

void SyncAgent::Schedule(hal::Duration delay) {
  if (timer_set_) clock_.cancel(timer_);
  timer_ = clock_.schedule_after(delay, [this] {
    timer_set_ = false;
    SyncNow();
  });
  timer_set_ = true;
}

void SyncAgent::SyncNow() {
  if (busy_) return;
  busy_ = true;
  Round();
}

void SyncAgent::Failed(const std::string& status, const std::string& why) {
  busy_ = false;
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
              if (reply.code() != 0 || !reply.has_sync())
                return agent.Failed("sync failed", "the service said: " + reply.message());
              bool again = false;
              RoundStats stats;
              if (const auto s = agent.session_.Apply(sent, reply.sync(), &again, &stats); s != pim::Status::kOk)
                return agent.Failed("sync failed", "applying the reply: " + std::string(pim::ToString(s)));
              agent.backoff_.Reset();
              if (again) return agent.Round();
              agent.busy_ = false;
              agent.last_error_.clear();
              agent.Say("synced");
              agent.Schedule(agent.options_.interval);
            });
}

}  // namespace swivel::os::sync
