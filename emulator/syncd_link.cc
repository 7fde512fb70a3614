#include "emulator/syncd_link.h"

namespace swivel::emulator {

SyncdLink::SyncdLink(std::string address, hal::sim::SimRadio& radio)
    : address_(std::move(address)), radio_(radio) {
  Connect();
  radio_.set_backend([this](const hal::Bytes& request) -> std::optional<hal::Bytes> {
    const std::string reply = Carry(std::string_view(reinterpret_cast<const char*>(request.data()), request.size()));
    return hal::Bytes(reply.begin(), reply.end());
  });
}

SyncdLink::~SyncdLink() { radio_.set_backend(nullptr); }

void SyncdLink::Connect() {
  grpc::ChannelArguments args;
  // Connections of its own, not shared with other channels of the process, so a new
  // channel starts without the old one's reconnect backoff.
  args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  channel_ = grpc::CreateCustomChannel(address_, grpc::InsecureChannelCredentials(), args);
  bridge_ = std::make_unique<server::GrpcRadioBridge>(channel_);
}

std::string SyncdLink::Carry(std::string_view request) {
  if (channel_->GetState(/*try_to_connect=*/false) == GRPC_CHANNEL_TRANSIENT_FAILURE) Connect();
  return bridge_->Handle(request);
}

}  // namespace swivel::emulator
