#include "bench/sync/bench_server.h"

#include <chrono>
#include <stdexcept>

namespace swivel::bench {

BenchServer::BenchServer(server::ServerOptions options) : dir_("swivel-bench-syncd") {
  store_ = server::SqliteStore::Open(dir_.path());
  server_ = std::make_unique<server::SyncServer>(*store_, dir_.path(), options);
  service_ = std::make_unique<server::SyncService>(*server_);
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
  server::ApplyLimits(builder, server_->options());
  builder.RegisterService(service_.get());
  grpc_ = builder.BuildAndStart();
  if (!grpc_ || port == 0) throw std::runtime_error("the bench server cannot listen on loopback");
  address_ = "127.0.0.1:" + std::to_string(port);
}

BenchServer::~BenchServer() {
  grpc_->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(5));
  grpc_->Wait();
}

std::shared_ptr<grpc::Channel> BenchServer::Connect() const {
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  args.SetMaxReceiveMessageSize(8 * 1024 * 1024);
  return grpc::CreateCustomChannel(address_, grpc::InsecureChannelCredentials(), args);
}

}  // namespace swivel::bench
