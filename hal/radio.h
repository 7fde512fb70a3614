#pragma once
// hal::Radio: the data link from the handset to its service. The sync agent reaches the server
// only through it, as opaque request/response messages; what carries them on the host side
// (an in-process server, gRPC to swivel-syncd) is the simulator's business.
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "hal/time.h"

namespace swivel::hal {

enum class LinkState {
  kOff,            // radio switched off on the handset
  kNoSignal,       // radio on, no network
  kUp,             // network up, service answering
  kUpNoService,    // network up, but the service never answers (the 2009 outage)
};

enum class RadioStatus {
  kOk,
  kRadioOff,   // failed at once: the radio is switched off
  kNoSignal,   // failed at once: no network
  kTimeout,    // sent, but no answer before the deadline (lost, or service silent)
};

std::string_view ToString(LinkState state);
std::string_view ToString(RadioStatus status);

using Bytes = std::vector<uint8_t>;
using ReplyHandler = std::function<void(RadioStatus, Bytes reply)>;

class Radio {
 public:
  virtual ~Radio() = default;
  virtual LinkState state() const = 0;
  // The handset's own radio switch (flight mode).
  virtual void set_enabled(bool on) = 0;
  // Sends one request. `on_reply` runs exactly once, on a device timer callback: with the
  // reply, or with an error when the link fails or `timeout` passes with no answer.
  virtual void send(Bytes request, Duration timeout, ReplyHandler on_reply) = 0;
};

}  // namespace swivel::hal
