#include "os/sync/cache_only.h"

#include <vector>

#include "os/pim/namespaces.h"
#include "os/sync/sync_state.h"

namespace swivel::os::sync {

pim::Status DropLocalCopy(storage::Store& store) {
  SyncState state(store);
  swivel::sync::DeviceAccount account;
  if (const auto s = state.LoadAccount(&account); s != pim::Status::kOk)
    return s == pim::Status::kNotFound ? pim::Status::kOk : s;
  std::vector<storage::Change> changes;
  // Every namespace the OS uses but the sync state, whatever a later issue adds.
  for (int ns = 1; ns < storage::kChunkNamespace; ++ns) {
    if (ns == pim::kSyncStateNamespace) continue;
    store.ForEach(uint8_t(ns), [&](const storage::Key& key, uint32_t) {
      storage::Change erase;
      erase.op = storage::RecordOp::kErase;
      erase.ns = uint8_t(ns);
      erase.key = key;
      changes.push_back(std::move(erase));
    });
  }
  state.StageCursor(swivel::sync::DeviceCursor{}, &changes);
  return pim::FromStorage(store.Commit(changes));
}

}  // namespace swivel::os::sync
