#pragma once
// SyncdLink: carries the handset radio's requests to a swivel-syncd over gRPC (the host side
// of hal::Radio): each RadioRequest becomes the matching call, its answer the RadioReply,
// and a service that cannot be reached an UNAVAILABLE reply (the handset says "offline").
//
// The call blocks the emulator's loop while it runs: on loopback that is well under a
// millisecond of host time, and device time does not pass meanwhile.
//
// Retrying is the handset's business (its backoff, on device time). gRPC keeps a backoff of
// its own, in host time, after a failed connect, and fails calls at once until it ends (up
// to two minutes): a service that came back would stay "offline" for a while, and how
// long would depend on the host's speed. So a channel that failed to connect is replaced by
// a fresh one before the next request: every request tries the service.
#include <memory>
#include <string>
#include <string_view>

#include "hal/sim/sim_radio.h"
#include "server/radio_bridge.h"

namespace swivel::emulator {

class SyncdLink {
 public:
  // `address` is HOST:PORT. The radio keeps calling this link until it is destroyed.
  SyncdLink(std::string address, hal::sim::SimRadio& radio);
  ~SyncdLink();
  SyncdLink(const SyncdLink&) = delete;
  SyncdLink& operator=(const SyncdLink&) = delete;

  // One serialized RadioRequest to the service; the serialized RadioReply.
  std::string Carry(std::string_view request);

 private:
  void Connect();

  std::string address_;
  hal::sim::SimRadio& radio_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<server::GrpcRadioBridge> bridge_;
};

}  // namespace swivel::emulator
