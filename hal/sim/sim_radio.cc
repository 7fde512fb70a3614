#include "hal/sim/sim_radio.h"

#include <utility>

namespace swivel::hal::sim {

SimRadio::SimRadio(SimClock& clock, SimRandom random, RadioModel model)
    : clock_(clock), random_(random), model_(model) {}

SimRadio::~SimRadio() {
  for (auto& [id, timer] : arrivals_) clock_.cancel(timer);
  for (auto& [id, flight] : flights_) {
    clock_.cancel(flight.deadline_timer);
    if (flight.leg_timer) clock_.cancel(*flight.leg_timer);
  }
}

LinkState SimRadio::state() const { return enabled_ ? link_ : LinkState::kOff; }

void SimRadio::set_enabled(bool on) {
  if (on == enabled_) return;
  enabled_ = on;
  if (!on) ++link_epoch_;
}

void SimRadio::set_link(LinkState link) {
  if (link == LinkState::kOff || link == link_) return;
  // Anything in flight is lost when the network goes, and a silent service never answers.
  ++link_epoch_;
  link_ = link;
}

void SimRadio::FailSoon(RadioStatus status, ReplyHandler handler) {
  // A flight that ends now, from a timer: never inside send(), so the caller's state is
  // consistent when its handler runs.
  const uint64_t id = next_id_++;
  const TimePoint now = clock_.now();
  const TimerId timer = clock_.schedule_at(now, [this, id, status] { Finish(id, status, {}); });
  flights_[id] = Flight{std::move(handler), link_epoch_, now, timer, std::nullopt};
}

void SimRadio::ArmDeadline(uint64_t id, Flight& flight) {
  flight.deadline_timer = clock_.schedule_at(flight.deadline, [this, id] {
    Finish(id, RadioStatus::kTimeout, {});
  });
}

void SimRadio::send(Bytes request, Duration timeout, ReplyHandler on_reply) {
  ++counters_.requests;
  if (!enabled_) return FailSoon(RadioStatus::kRadioOff, std::move(on_reply));
  if (link_ == LinkState::kNoSignal) return FailSoon(RadioStatus::kNoSignal, std::move(on_reply));

  const uint64_t id = next_id_++;
  Flight& flight = flights_[id] = Flight{std::move(on_reply), link_epoch_,
                                         clock_.now() + timeout, TimerId{}, std::nullopt};
  ArmDeadline(id, flight);
  if (link_ == LinkState::kUpNoService) return;  // only the deadline will answer

  counters_.bytes_up += request.size();
  if (random_.chance(model_.loss)) {
    ++counters_.lost;
    return;
  }
  // The up leg outlives the flight: a request still reaches the server after its sender
  // gave up waiting.
  arrivals_[id] = clock_.schedule_after(
      model_.latency, [this, id, epoch = link_epoch_, req = std::move(request)]() mutable {
        Arrive(id, epoch, std::move(req));
      });
}

void SimRadio::Arrive(uint64_t id, uint64_t epoch, Bytes request) {
  arrivals_.erase(id);
  if (epoch != link_epoch_ || link_ != LinkState::kUp || !backend_) return;
  std::optional<Bytes> reply = backend_(request);
  auto it = flights_.find(id);  // looked up after the backend, which may re-enter the radio
  if (!reply || it == flights_.end()) return;  // no answer, or nobody waits for it any more
  if (random_.chance(model_.loss)) {
    ++counters_.lost;  // the server acted on it; the handset will never know
    return;
  }
  Flight& flight = it->second;
  flight.leg_timer = clock_.schedule_after(
      model_.latency, [this, id, rep = std::move(*reply)]() mutable { Deliver(id, std::move(rep)); });
  // The clock runs timers due at the same instant in the order they were scheduled, and the
  // deadline was scheduled first. Re-arm it behind the reply, so a reply that lands exactly
  // at the deadline counts as in time.
  clock_.cancel(flight.deadline_timer);
  ArmDeadline(id, flight);
}

void SimRadio::Deliver(uint64_t id, Bytes reply) {
  auto it = flights_.find(id);
  if (it == flights_.end()) return;
  it->second.leg_timer.reset();
  if (it->second.link_epoch != link_epoch_) return;  // the deadline will report it
  counters_.bytes_down += reply.size();
  Finish(id, RadioStatus::kOk, std::move(reply));
}

void SimRadio::Finish(uint64_t id, RadioStatus status, Bytes reply) {
  auto node = flights_.extract(id);
  if (node.empty()) return;
  Flight& flight = node.mapped();
  clock_.cancel(flight.deadline_timer);
  if (status == RadioStatus::kOk) ++counters_.replies;
  if (status == RadioStatus::kTimeout) ++counters_.timeouts;
  if (flight.leg_timer) clock_.cancel(*flight.leg_timer);
  flight.handler(status, std::move(reply));
}

}  // namespace swivel::hal::sim
