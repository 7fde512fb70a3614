#pragma once
// The Sync service over gRPC (proto/sync.proto): reads the device token from the
// "authorization: Bearer TOKEN" metadata, calls SyncServer, and maps its Status to a
// grpc::Status with the same code and message.
#include <grpcpp/grpcpp.h>

#include "proto/sync.grpc.pb.h"
#include "server/sync_server.h"

namespace swivel::server {

grpc::Status ToGrpc(const Status& status);

class SyncService final : public sync::Sync::Service {
 public:
  explicit SyncService(SyncServer& server) : server_(server) {}

  grpc::Status SignUp(grpc::ServerContext* context, const sync::SignUpRequest* request,
                      sync::SignUpReply* reply) override;
  grpc::Status SignIn(grpc::ServerContext* context, const sync::SignInRequest* request,
                      sync::SignInReply* reply) override;
  grpc::Status Sync(grpc::ServerContext* context, const sync::SyncRequest* request,
                    sync::SyncReply* reply) override;
  grpc::Status UploadBlob(grpc::ServerContext* context,
                          grpc::ServerReader<sync::BlobChunk>* reader,
                          sync::BlobState* reply) override;
  grpc::Status BlobStatus(grpc::ServerContext* context, const sync::BlobQuery* request,
                          sync::BlobState* reply) override;
  grpc::Status DownloadBlob(grpc::ServerContext* context, const sync::BlobQuery* request,
                            grpc::ServerWriter<sync::BlobChunk>* writer) override;

 private:
  SyncServer& server_;
};

// Applies the server's message size limit to a builder (requests over it are refused by
// gRPC with RESOURCE_EXHAUSTED before they reach the service).
void ApplyLimits(grpc::ServerBuilder& builder, const ServerOptions& options);

}  // namespace swivel::server
