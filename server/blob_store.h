#pragma once
// Photo blobs: bytes in files under DIR/blobs named by the hex SHA-256 of their content,
// indexed per account in the Store. An upload goes to DIR/blobs/partial/<account>-<hex>.part
// (one per account, so accounts never write into each other's uploads), resumes where the
// file ends, and becomes DIR/blobs/<hex> only when the SHA-256 of all its bytes matches its
// name. A complete file is never changed again, so one file serves every account that
// uploaded the same bytes; each account still has to upload them itself, so knowing a hash
// is never enough to read another account's photo.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>

#include "proto/sync.pb.h"
#include "server/status.h"
#include "server/store.h"

namespace swivel::server {

struct BlobLimits {
  uint64_t max_blob_bytes = 64ull * 1024 * 1024;
  size_t max_chunk_bytes = 256 * 1024;  // BlobChunk.data, up and down
};

class BlobStore {
 public:
  BlobStore(Store& store, std::filesystem::path data_dir, BlobLimits limits = {});

  // One upload call: takes chunks from `next` until it returns false. Each chunk names the
  // same blob and total size; its offset may repeat bytes already received (a retry) but not
  // skip any. `received` counts the new bytes written.
  Result<sync::BlobState> Upload(AccountId account,
                                 const std::function<bool(sync::BlobChunk&)>& next,
                                 uint64_t* received = nullptr);
  Result<sync::BlobState> State(AccountId account, const sync::BlobQuery& query);
  // Sends a complete blob from query.offset in chunks of at most `chunk_bytes` (and
  // max_chunk_bytes), stopping after query.max_bytes when it is set, or when `write` fails.
  Status Download(AccountId account, const sync::BlobQuery& query, size_t chunk_bytes,
                  const std::function<bool(const sync::BlobChunk&)>& write,
                  uint64_t* sent = nullptr);

  std::filesystem::path BlobPath(std::string_view sha256) const;
  std::filesystem::path PartPath(AccountId account, std::string_view sha256) const;
  const BlobLimits& limits() const { return limits_; }

 private:
  Status Append(AccountId account, const sync::BlobChunk& chunk, sync::BlobState& state,
                uint64_t& received);
  Status Finish(AccountId account, const std::string& sha256, uint64_t size);

  Store& store_;
  std::filesystem::path dir_;
  BlobLimits limits_;
  std::mutex mutex_;  // uploads are written one chunk at a time
};

}  // namespace swivel::server
