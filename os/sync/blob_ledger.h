#pragma once
// BlobLedger: what sync remembers on flash about photo bytes between rounds and across
// battery pulls (layout in os/pim/namespaces.h):
//   - namespace 45, blobs wanted here: a pulled photo names bytes this handset does not hold.
//     The entry (the SHA-256 and the size) is staged in the transaction that stores the
//     photo record, so a record never lands without its download being remembered; the
//     transfer (blob_transfer.h) erases it once the bytes are in and checked.
//   - namespace 46, photos to push again: a push the server answered BLOB_MISSING for a
//     photo that is not dirty (a re-seed pushes clean records too). Nothing else would send
//     it again, so it is pushed again every round until the server takes it.
// A dirty photo needs no entry: it stays dirty, and goes up again, until the server takes it.
//
// Holds no state beyond the store; writes are staged for the session's transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "os/pim/blob_store.h"
#include "os/pim/status.h"
#include "os/storage/store.h"
#include "proto/sync.pb.h"

namespace swivel::os::sync {

// One blob by name and size.
struct BlobRef {
  std::string sha256;  // 32 bytes
  uint64_t size = 0;
  bool operator==(const BlobRef&) const = default;
};

class BlobLedger {
 public:
  explicit BlobLedger(storage::Store& store) : store_(store), blobs_(store) {}

  // The server answered BLOB_MISSING for `pushed`: the blob to upload (nothing unless the
  // payload is a live photo naming a 32-byte SHA-256). A photo that is not dirty gets a
  // mark to be pushed again.
  std::optional<BlobRef> StageBlobMissing(const swivel::sync::Record& pushed,
                                          std::vector<storage::Change>* out);
  // The server took `pushed`: its mark to be pushed again, if any, goes.
  void StagePushed(const swivel::sync::Record& pushed, std::vector<storage::Change>* out);
  // For each live photo that `changes` puts and whose bytes are neither held here nor
  // wanted already, appends a wanted entry to `changes`. Returns how many it added.
  size_t StageWanted(std::vector<storage::Change>* changes);

  // Ids of the photos marked to be pushed again, in id order.
  std::vector<std::string> Repushes() const;
  // The blobs wanted here, in key order. An unreadable entry is skipped (kCorrupt after).
  pim::Status Wanted(std::vector<BlobRef>* out);
  void StageGot(std::string_view sha256, std::vector<storage::Change>* out) const;

 private:
  storage::Store& store_;
  pim::BlobStore blobs_;
};

}  // namespace swivel::os::sync
