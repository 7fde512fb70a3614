#pragma once
// SyncServer: the service with no transport. Each call authenticates (token -> device ->
// account), runs the rule it names (auth, sync_logic, blob_store), turns storage failures
// into INTERNAL, and writes one log line saying who did what. The gRPC service (service.h)
// and the radio gateway (radio_gateway.h) are thin adapters over it, so both transports
// behave the same.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "proto/sync.pb.h"
#include "server/auth.h"
#include "server/blob_store.h"
#include "server/status.h"
#include "server/store.h"
#include "server/sync_logic.h"

namespace swivel::server {

struct ServerOptions {
  SyncLimits sync;
  BlobLimits blobs;
  PwhashLimits pwhash = PwhashLimits::Interactive();
  ThrottlePolicy throttle;
  // Largest request or reply message, on either transport.
  size_t max_message_bytes = 8 * 1024 * 1024;
  NowMs now_ms;  // monotonic ms for throttling and durations; default: steady clock
  // Receives one line per call (no trailing newline); default: none.
  std::function<void(std::string_view)> log;
};

class SyncServer {
 public:
  SyncServer(Store& store, const std::filesystem::path& data_dir, ServerOptions options);

  // `peer` says where the call came from, for the log.
  Result<sync::SignUpReply> SignUp(const sync::SignUpRequest& request, std::string_view peer);
  Result<sync::SignInReply> SignIn(const sync::SignInRequest& request, std::string_view peer);
  Result<sync::SyncReply> Sync(std::string_view token, const sync::SyncRequest& request,
                               std::string_view peer);
  Result<sync::BlobState> UploadBlob(std::string_view token,
                                     const std::function<bool(sync::BlobChunk&)>& next,
                                     std::string_view peer);
  Result<sync::BlobState> BlobStatus(std::string_view token, const sync::BlobQuery& query,
                                     std::string_view peer);
  Status DownloadBlob(std::string_view token, const sync::BlobQuery& query, size_t chunk_bytes,
                      const std::function<bool(const sync::BlobChunk&)>& write,
                      std::string_view peer);

  Store& store() { return store_; }
  const ServerOptions& options() const { return options_; }

 private:
  // Runs `body` with storage errors mapped to INTERNAL, then logs `call` with its outcome.
  // `device` is read after `body`, which may fill it in.
  Status Logged(std::string_view call, std::string_view peer, const std::optional<Device>& device,
                const std::function<Status(std::string& details)>& body);
  Status Authenticated(std::string_view token, std::optional<Device>& device);

  Store& store_;
  ServerOptions options_;
  Auth auth_;
  BlobStore blobs_;
};

// The one-line description of a Sync for the log, e.g.
// "pushed contact:2,note:1 stored=2 unchanged=1 conflicts=0 blob_missing=0 pulled contact:5
//  bytes=1234 anchor=10->15".
std::string DescribeSync(const SyncSummary& summary);

}  // namespace swivel::server
