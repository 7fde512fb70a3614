#pragma once
// The server behind a handset's radio, in process: takes a serialized RadioRequest, calls
// SyncServer exactly as the gRPC service would (same checks, same logs), and returns a
// serialized RadioReply. An upload carries one chunk, a download returns one chunk.
// A request over the server's message limit gets RESOURCE_EXHAUSTED, an unparsable one
// INVALID_ARGUMENT, as over gRPC.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "proto/sync.pb.h"
#include "server/sync_server.h"

namespace swivel::server {

class RadioGateway {
 public:
  explicit RadioGateway(SyncServer& server, std::string peer = "radio")
      : server_(server), peer_(std::move(peer)) {}

  std::string Handle(std::string_view request);
  // The same on byte vectors (hal::Radio's payloads).
  std::vector<uint8_t> Handle(const std::vector<uint8_t>& request);

  sync::RadioReply Call(const sync::RadioRequest& request);

 private:
  SyncServer& server_;
  std::string peer_;
};

}  // namespace swivel::server
