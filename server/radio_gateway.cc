#include "server/radio_gateway.h"

#include <algorithm>

namespace swivel::server {

namespace {

sync::RadioReply Failure(const Status& status) {
  sync::RadioReply reply;
  reply.set_code(static_cast<int32_t>(status.code()));
  reply.set_message(status.message());
  return reply;
}

// Sets the reply to `result`'s value through `mutable_field`, or to its status.
template <typename T, typename Setter>
sync::RadioReply Reply(Result<T> result, Setter set) {
  if (!result.ok()) return Failure(result.status());
  sync::RadioReply reply;
  *set(reply) = std::move(result.value());
  return reply;
}

}  // namespace

sync::RadioReply RadioGateway::Call(const sync::RadioRequest& request) {
  const std::string& token = request.token();
  switch (request.call_case()) {
    case sync::RadioRequest::kSignUp:
      return Reply(server_.SignUp(request.sign_up(), peer_),
                   [](sync::RadioReply& r) { return r.mutable_sign_up(); });
    case sync::RadioRequest::kSignIn:
      return Reply(server_.SignIn(request.sign_in(), peer_),
                   [](sync::RadioReply& r) { return r.mutable_sign_in(); });
    case sync::RadioRequest::kSync:
      return Reply(server_.Sync(token, request.sync(), peer_),
                   [](sync::RadioReply& r) { return r.mutable_sync(); });
    case sync::RadioRequest::kUpload: {
      bool sent = false;
      return Reply(server_.UploadBlob(
                       token,
                       [&](sync::BlobChunk& chunk) {
                         if (sent) return false;
                         chunk = request.upload();
                         sent = true;
                         return true;
                       },
                       peer_),
                   [](sync::RadioReply& r) { return r.mutable_blob_state(); });
    }
    case sync::RadioRequest::kBlobStatus:
      return Reply(server_.BlobStatus(token, request.blob_status(), peer_),
                   [](sync::RadioReply& r) { return r.mutable_blob_state(); });
    case sync::RadioRequest::kDownload: {
      // One chunk: at most max_bytes (when given) and at most one chunk's worth.
      const size_t chunk_limit = server_.options().blobs.max_chunk_bytes;
      sync::BlobQuery query = request.download();
      query.set_max_bytes(static_cast<uint32_t>(
          query.max_bytes() ? std::min<size_t>(query.max_bytes(), chunk_limit) : chunk_limit));
      sync::RadioReply reply;
      bool got = false;
      auto status = server_.DownloadBlob(
          token, query, query.max_bytes(),
          [&](const sync::BlobChunk& chunk) {
            if (got) return false;
            *reply.mutable_chunk() = chunk;
            got = true;
            return true;
          },
          peer_);
      if (!status.ok()) return Failure(status);
      return reply;
    }
    case sync::RadioRequest::CALL_NOT_SET:
      break;
  }
  return Failure(Invalid("the radio request names no call"));
}

std::string RadioGateway::Handle(std::string_view bytes) {
  sync::RadioReply reply;
  sync::RadioRequest request;
  if (bytes.size() > server_.options().max_message_bytes)
    reply = Failure(Status(Code::kResourceExhausted,
                           "request of " + std::to_string(bytes.size()) +
                               " bytes is over the limit of " +
                               std::to_string(server_.options().max_message_bytes)));
  else if (!request.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
    reply = Failure(Invalid("the radio request does not parse"));
  else
    reply = Call(request);
  return reply.SerializeAsString();
}

std::vector<uint8_t> RadioGateway::Handle(const std::vector<uint8_t>& request) {
  const std::string reply =
      Handle(std::string_view(reinterpret_cast<const char*>(request.data()), request.size()));
  return std::vector<uint8_t>(reply.begin(), reply.end());
}

}  // namespace swivel::server
