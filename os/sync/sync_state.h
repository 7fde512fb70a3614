#pragma once
// SyncState: what the sync agent keeps on flash besides the records: the account it syncs
// with, its cursor in the server's history (epoch, anchor, a re-seed under way), and per
// record the merge base: the last version both sides agreed on, with the server's stamp.
// Layout in os/pim/namespaces.h (namespaces 17..21 and 40).
//
// Reads go to the store at once; writes are staged, so the agent commits a pulled page,
// the bases it moves and the new cursor in one transaction (a power cut leaves all of it
// old or all of it new). Holds no state of its own beyond the store.
#include <string>
#include <string_view>
#include <vector>

#include "os/pim/status.h"
#include "os/storage/store.h"
#include "proto/sync.pb.h"

namespace swivel::os::sync {

class SyncState {
 public:
  explicit SyncState(storage::Store& store) : store_(store) {}

  // kNotFound before the handset was ever signed in / synced.
  pim::Status LoadAccount(swivel::sync::DeviceAccount* out);
  pim::Status SaveAccount(const swivel::sync::DeviceAccount& account);
  void StageAccount(const swivel::sync::DeviceAccount& account, std::vector<storage::Change>* out);
  // A cursor never written reads as the empty one (no epoch, anchor 0): a first sync.
  pim::Status LoadCursor(swivel::sync::DeviceCursor* out);
  void StageCursor(const swivel::sync::DeviceCursor& cursor, std::vector<storage::Change>* out);

  // The merge base of record `id` of the type stored in `record_namespace` (1..5).
  // kNotFound when the server has never acknowledged the record.
  pim::Status LoadBase(uint8_t record_namespace, std::string_view id, swivel::sync::Record* out);
  // kInvalidRecord for an id that is not 16 bytes.
  pim::Status StageBase(uint8_t record_namespace, const swivel::sync::Record& base,
                        std::vector<storage::Change>* out);
  // How many records of a type have a base.
  size_t CountBases(uint8_t record_namespace) const;

 private:
  pim::Status LoadMessage(uint8_t ns, const storage::Key& key, google::protobuf::Message* out);

  storage::Store& store_;
};

}  // namespace swivel::os::sync
