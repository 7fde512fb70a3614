#include "bench/sync/bench_handset.h"

#include <optional>
#include <stdexcept>
#include <string_view>

namespace swivel::bench {

namespace {

std::unique_ptr<os::storage::Store> Mount(hal::Flash& flash) {
  os::storage::Status status;
  auto store = os::storage::Store::Mount(flash, &status);
  if (!store) throw std::runtime_error("the bench handset's store does not mount");
  return store;
}

}  // namespace

BenchHandset::BenchHandset(uint64_t seed, const hal::FlashGeometry& geometry)
    : random_(seed),
      flash_(hal::sim::SimFlash::InMemory(geometry, seed)),
      store_(Mount(*flash_)),
      contacts_(*store_, clock_, random_),
      events_(*store_, clock_, random_),
      tasks_(*store_, clock_, random_),
      notes_(*store_, clock_, random_),
      photos_(*store_, clock_, random_),
      state_(*store_),
      session_({contacts_, events_, tasks_, notes_, photos_}, state_, *store_),
      // No latency and no loss: the bench measures the host's work, not the air.
      radio_(clock_, random_.derive("radio"), hal::sim::RadioModel{hal::Duration{0}, 0}),
      agent_(clock_, radio_, random_, session_, state_, nullptr) {}

void BenchHandset::ConnectTo(std::shared_ptr<grpc::Channel> channel) {
  bridge_ = std::make_unique<server::GrpcRadioBridge>(std::move(channel), std::chrono::seconds(60));
  radio_.set_backend([this](const hal::Bytes& request) -> std::optional<hal::Bytes> {
    const auto t0 = std::chrono::steady_clock::now();
    const std::string reply = bridge_->Handle(
        std::string_view(reinterpret_cast<const char*>(request.data()), request.size()));
    wire_seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return hal::Bytes(reply.begin(), reply.end());
  });
}

BenchHandset::Mark BenchHandset::Now() const {
  return {std::chrono::steady_clock::now(), wire_seconds_, radio_.counters().bytes_up,
          radio_.counters().bytes_down, agent_.rounds()};
}

SyncRun BenchHandset::Since(const Mark& start) const {
  const Mark end = Now();
  SyncRun run;
  run.ok = agent_.status() == "synced";
  run.error = agent_.last_error();
  run.seconds = std::chrono::duration<double>(end.at - start.at).count();
  run.wire_seconds = end.wire_seconds - start.wire_seconds;
  run.bytes_up = end.up - start.up;
  run.bytes_down = end.down - start.down;
  run.rounds = end.rounds - start.rounds;
  return run;
}

void BenchHandset::RunWhile(const std::function<bool()>& pending) {
  // Every radio leg is a timer due now, so this never jumps to the agent's next periodic
  // sync while a round is under way.
  while (pending())
    if (!clock_.run_next()) break;
}

SyncRun BenchHandset::SignInAndSync(const std::string& account, const std::string& password,
                                    bool create) {
  bool answered = false;
  std::string sign_in_error;
  Mark start{};
  // The agent calls this, then starts its sync at once: the measurement starts here.
  agent_.SignIn(account, password, "bench handset", create, [&](const std::string& error) {
    answered = true;
    sign_in_error = error;
    start = Now();
  });
  RunWhile([&] { return !answered || agent_.busy(); });
  if (!answered || !sign_in_error.empty()) {
    SyncRun failed;
    failed.error = answered ? "sign-in: " + sign_in_error : "sign-in got no answer";
    return failed;
  }
  return Since(start);
}

SyncRun BenchHandset::Sync() {
  const Mark start = Now();
  agent_.SyncNow();
  RunWhile([&] { return agent_.busy(); });
  return Since(start);
}

}  // namespace swivel::bench
