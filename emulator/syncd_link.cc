#include "emulator/syncd_link.h"

namespace swivel::emulator {

SyncdLink::SyncdLink(const std::string& address, hal::sim::SimRadio& radio)
    : radio_(radio), bridge_(grpc::CreateChannel(address, grpc::InsecureChannelCredentials())) {
  radio_.set_backend([this](const hal::Bytes& request) -> std::optional<hal::Bytes> {
    const std::string reply = bridge_.Handle(std::string_view(reinterpret_cast<const char*>(request.data()), request.size()));
    return hal::Bytes(reply.begin(), reply.end());
  });
}

SyncdLink::~SyncdLink() { radio_.set_backend(nullptr); }

}  // namespace swivel::emulator
