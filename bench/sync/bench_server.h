#pragma once
// swivel-syncd in this process: the server/ stack (SqliteStore, SyncServer, SyncService)
// behind a real grpc::Server listening on 127.0.0.1 (a free port), on a data directory of
// its own. Handsets reach it over TCP on loopback, as they would a separate swivel-syncd;
// only the process is shared. Dropping it stops the server; its data directory goes too.
#include <memory>
#include <string>

#include <grpcpp/grpcpp.h>

#include "bench/sync/scratch_dir.h"
#include "server/service.h"
#include "server/sqlite_store.h"
#include "server/sync_server.h"

namespace swivel::bench {

class BenchServer {
 public:
  // `options` as for swivel-syncd's SyncServer; the bench passes the password hashing cost.
  explicit BenchServer(server::ServerOptions options);
  ~BenchServer();
  BenchServer(const BenchServer&) = delete;
  BenchServer& operator=(const BenchServer&) = delete;

  const std::string& address() const { return address_; }
  // A channel with a TCP connection of its own (gRPC would otherwise share one connection
  // between channels to the same address), as each handset has its own link.
  std::shared_ptr<grpc::Channel> Connect() const;

 private:
  ScratchDir dir_;
  std::unique_ptr<server::SqliteStore> store_;
  std::unique_ptr<server::SyncServer> server_;
  std::unique_ptr<server::SyncService> service_;
  std::unique_ptr<grpc::Server> grpc_;
  std::string address_;
};

}  // namespace swivel::bench
