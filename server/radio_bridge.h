#pragma once
// The host side of a handset's radio when the server is a separate swivel-syncd process:
// turns a serialized RadioRequest into the matching gRPC call on a channel and the answer
// (or the failure to deliver it: UNAVAILABLE, DEADLINE_EXCEEDED) into a serialized
// RadioReply. It needs only the generated stubs (swivel_proto_grpc), not the server.
#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include <grpcpp/grpcpp.h>

#include "proto/sync.grpc.pb.h"

namespace swivel::server {

class GrpcRadioBridge {
 public:
  explicit GrpcRadioBridge(std::shared_ptr<grpc::Channel> channel,
                           std::chrono::milliseconds deadline = std::chrono::seconds(10));

  std::string Handle(std::string_view request);
  sync::RadioReply Call(const sync::RadioRequest& request);

 private:
  std::unique_ptr<sync::Sync::Stub> stub_;
  std::chrono::milliseconds deadline_;
};

}  // namespace swivel::server
