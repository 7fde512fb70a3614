#pragma once
// SyncdLink: carries the handset radio's requests to a swivel-syncd over gRPC (the host side
// of hal::Radio): each RadioRequest becomes the matching call, its answer the RadioReply,
// and a service that cannot be reached an UNAVAILABLE reply (the handset says "offline").
//
// The call blocks the emulator's loop while it runs: on loopback that is well under a
// millisecond of host time, and device time does not pass meanwhile.
#include <memory>
#include <string>

#include "hal/sim/sim_radio.h"
#include "server/radio_bridge.h"

namespace swivel::emulator {

class SyncdLink {
 public:
  // `address` is HOST:PORT. The radio keeps calling this link until it is destroyed.
  SyncdLink(const std::string& address, hal::sim::SimRadio& radio);
  ~SyncdLink();
  SyncdLink(const SyncdLink&) = delete;
  SyncdLink& operator=(const SyncdLink&) = delete;

 private:
  hal::sim::SimRadio& radio_;
  server::GrpcRadioBridge bridge_;
};

}  // namespace swivel::emulator
