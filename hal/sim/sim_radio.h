#pragma once
// SimRadio: the handset's data link on virtual time. A request travels up for `latency`,
// reaches the host-side backend (an in-process server, or a client of swivel-syncd), and the
// reply travels down for `latency`. Either leg may be lost (seeded). The backend sees a
// request whose reply is then lost: the "server committed, answer lost" case sync must
// survive. With the link up but the service silent (the 2009 outage), requests time out.
#include <cstdint>
#include <functional>
#include <optional>
#include <unordered_map>

#include "hal/radio.h"
#include "hal/sim/sim_clock.h"
#include "hal/sim/sim_random.h"

namespace swivel::hal::sim {

struct RadioModel {
  Duration latency{80000};  // one way
  double loss = 0;          // chance each leg is lost
};

struct RadioCounters {
  uint64_t requests = 0, replies = 0, timeouts = 0, lost = 0;
  uint64_t bytes_up = 0, bytes_down = 0;
};

class SimRadio final : public Radio {
 public:
  // Answers one request; nothing means the service did not answer.
  using Backend = std::function<std::optional<Bytes>(const Bytes& request)>;

  SimRadio(SimClock& clock, SimRandom random, RadioModel model = {});
  ~SimRadio() override;
  SimRadio(const SimRadio&) = delete;
  SimRadio& operator=(const SimRadio&) = delete;

  // hal::Radio
  LinkState state() const override;
  void set_enabled(bool on) override;
  void send(Bytes request, Duration timeout, ReplyHandler on_reply) override;

  // Host side. set_link takes kNoSignal, kUp or kUpNoService (kOff is the handset's switch).
  void set_link(LinkState link);
  void set_latency(Duration one_way) { model_.latency = one_way; }
  void set_loss(double per_leg) { model_.loss = per_leg; }
  void set_backend(Backend backend) { backend_ = std::move(backend); }
  const RadioCounters& counters() const { return counters_; }
  size_t in_flight() const { return flights_.size(); }

 private:
  struct Flight {
    ReplyHandler handler;
    uint64_t link_epoch;  // a request does not survive the link going down
    TimePoint deadline;
    TimerId deadline_timer;
    std::optional<TimerId> leg_timer;  // the reply on its way down
  };
  void FailSoon(RadioStatus status, ReplyHandler handler);
  void ArmDeadline(uint64_t id, Flight& flight);
  void Arrive(uint64_t id, uint64_t epoch, Bytes request);
  void Deliver(uint64_t id, Bytes reply);
  void Finish(uint64_t id, RadioStatus status, Bytes reply);

  SimClock& clock_;
  SimRandom random_;
  RadioModel model_;
  Backend backend_;
  bool enabled_ = true;
  LinkState link_ = LinkState::kUp;
  uint64_t link_epoch_ = 0;
  uint64_t next_id_ = 1;
  std::unordered_map<uint64_t, Flight> flights_;
  std::unordered_map<uint64_t, TimerId> arrivals_;  // requests on their way up, by flight id
  RadioCounters counters_;
};

}  // namespace swivel::hal::sim
