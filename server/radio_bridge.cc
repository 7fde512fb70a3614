#include "server/radio_bridge.h"

namespace swivel::server {

namespace {

constexpr uint32_t kChunk = 256 * 1024;  // BlobChunk.data at most (sync.proto)

void SetStatus(const grpc::Status& status, sync::RadioReply& reply) {
  reply.set_code(static_cast<int32_t>(status.error_code()));
  reply.set_message(status.error_message());
}

}  // namespace

GrpcRadioBridge::GrpcRadioBridge(std::shared_ptr<grpc::Channel> channel,
                                 std::chrono::milliseconds deadline)
    : stub_(sync::Sync::NewStub(std::move(channel))), deadline_(deadline) {}

sync::RadioReply GrpcRadioBridge::Call(const sync::RadioRequest& request) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + deadline_);
  if (!request.token().empty()) context.AddMetadata("authorization", "Bearer " + request.token());
  sync::RadioReply reply;
  grpc::Status status;
  switch (request.call_case()) {
    case sync::RadioRequest::kSignUp:
      status = stub_->SignUp(&context, request.sign_up(), reply.mutable_sign_up());
      break;
    case sync::RadioRequest::kSignIn:
      status = stub_->SignIn(&context, request.sign_in(), reply.mutable_sign_in());
      break;
    case sync::RadioRequest::kSync:
      status = stub_->Sync(&context, request.sync(), reply.mutable_sync());
      break;
    case sync::RadioRequest::kUpload: {
      auto writer = stub_->UploadBlob(&context, reply.mutable_blob_state());
      writer->Write(request.upload());
      writer->WritesDone();
      status = writer->Finish();
      break;
    }
    case sync::RadioRequest::kBlobStatus:
      status = stub_->BlobStatus(&context, request.blob_status(), reply.mutable_blob_state());
      break;
    case sync::RadioRequest::kDownload: {
      sync::BlobQuery query = request.download();
      query.set_max_bytes(query.max_bytes() ? std::min(query.max_bytes(), kChunk) : kChunk);
      auto reader = stub_->DownloadBlob(&context, query);
      sync::BlobChunk chunk;
      bool got = false;
      while (reader->Read(&chunk)) {
        if (!got) *reply.mutable_chunk() = chunk;
        got = true;
      }
      status = reader->Finish();
      break;
    }
    case sync::RadioRequest::CALL_NOT_SET:
      status = grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "the radio request names no call");
      break;
  }
  if (!status.ok()) {
    reply.Clear();
    SetStatus(status, reply);
  }
  return reply;
}

std::string GrpcRadioBridge::Handle(std::string_view bytes) {
  sync::RadioRequest request;
  if (!request.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    sync::RadioReply reply;
    reply.set_code(static_cast<int32_t>(grpc::StatusCode::INVALID_ARGUMENT));
    reply.set_message("the radio request does not parse");
    return reply.SerializeAsString();
  }
  return Call(request).SerializeAsString();
}

}  // namespace swivel::server
