#include "server/service.h"

#include <string>

namespace swivel::server {

namespace {

std::string Token(const grpc::ServerContext* context) {
  const auto& metadata = context->client_metadata();
  auto it = metadata.find("authorization");
  if (it == metadata.end()) return {};
  const std::string value(it->second.data(), it->second.size());
  constexpr std::string_view kBearer = "Bearer ";
  if (value.size() <= kBearer.size() || value.compare(0, kBearer.size(), kBearer) != 0)
    return {};
  return value.substr(kBearer.size());
}

template <typename T>
grpc::Status Answer(Result<T> result, T* reply) {
  if (!result.ok()) return ToGrpc(result.status());
  *reply = std::move(result.value());
  return grpc::Status::OK;
}

}  // namespace

grpc::Status ToGrpc(const Status& status) {
  if (status.ok()) return grpc::Status::OK;
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()), status.message());
}

grpc::Status SyncService::SignUp(grpc::ServerContext* context, const sync::SignUpRequest* request,
                                 sync::SignUpReply* reply) {
  return Answer(server_.SignUp(*request, context->peer()), reply);
}

grpc::Status SyncService::SignIn(grpc::ServerContext* context, const sync::SignInRequest* request,
                                 sync::SignInReply* reply) {
  return Answer(server_.SignIn(*request, context->peer()), reply);
}

grpc::Status SyncService::Sync(grpc::ServerContext* context, const sync::SyncRequest* request,
                               sync::SyncReply* reply) {
  return Answer(server_.Sync(Token(context), *request, context->peer()), reply);
}

grpc::Status SyncService::UploadBlob(grpc::ServerContext* context,
                                     grpc::ServerReader<sync::BlobChunk>* reader,
                                     sync::BlobState* reply) {
  return Answer(server_.UploadBlob(
                    Token(context),
                    [&](sync::BlobChunk& chunk) { return reader->Read(&chunk); },
                    context->peer()),
                reply);
}

grpc::Status SyncService::BlobStatus(grpc::ServerContext* context, const sync::BlobQuery* request,
                                     sync::BlobState* reply) {
  return Answer(server_.BlobStatus(Token(context), *request, context->peer()), reply);
}

grpc::Status SyncService::DownloadBlob(grpc::ServerContext* context,
                                       const sync::BlobQuery* request,
                                       grpc::ServerWriter<sync::BlobChunk>* writer) {
  return ToGrpc(server_.DownloadBlob(
      Token(context), *request, 0,
      [&](const sync::BlobChunk& chunk) { return writer->Write(chunk); }, context->peer()));
}

void ApplyLimits(grpc::ServerBuilder& builder, const ServerOptions& options) {
  builder.SetMaxReceiveMessageSize(static_cast<int>(options.max_message_bytes));
}

}  // namespace swivel::server
