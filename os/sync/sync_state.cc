#include "os/sync/sync_state.h"

#include <algorithm>

#include "os/pim/namespaces.h"

namespace swivel::os::sync {
namespace {

// Fixed keys in the sync state namespace.
storage::Key StateKey(uint8_t which) {
  storage::Key k{};
  k[0] = which;
  return k;
}
constexpr uint8_t kAccountKey = 1, kCursorKey = 2;

storage::Change Put(uint8_t ns, const storage::Key& key, const google::protobuf::Message& m) {
  storage::Change c{storage::RecordOp::kPut, ns, key, std::vector<uint8_t>(m.ByteSizeLong())};
  m.SerializeToArray(c.value.data(), int(c.value.size()));
  return c;
}

}  // namespace

pim::Status SyncState::LoadMessage(uint8_t ns, const storage::Key& key, google::protobuf::Message* out) {
  out->Clear();
  std::vector<uint8_t> raw;
  if (const auto s = store_.Get(ns, key, &raw); s != storage::Status::kOk) return pim::FromStorage(s);
  if (!out->ParseFromArray(raw.data(), int(raw.size()))) return pim::Status::kCorrupt;
  return pim::Status::kOk;
}

pim::Status SyncState::LoadAccount(swivel::sync::DeviceAccount* out) {
  return LoadMessage(pim::kSyncStateNamespace, StateKey(kAccountKey), out);
}

pim::Status SyncState::SaveAccount(const swivel::sync::DeviceAccount& account) {
  std::vector<storage::Change> changes;
  StageAccount(account, &changes);
  return pim::FromStorage(store_.Commit(changes));
}

void SyncState::StageAccount(const swivel::sync::DeviceAccount& account, std::vector<storage::Change>* out) {
  out->push_back(Put(pim::kSyncStateNamespace, StateKey(kAccountKey), account));
}

pim::Status SyncState::LoadCursor(swivel::sync::DeviceCursor* out) {
  const pim::Status s = LoadMessage(pim::kSyncStateNamespace, StateKey(kCursorKey), out);
  return s == pim::Status::kNotFound ? pim::Status::kOk : s;
}

void SyncState::StageCursor(const swivel::sync::DeviceCursor& cursor, std::vector<storage::Change>* out) {
  out->push_back(Put(pim::kSyncStateNamespace, StateKey(kCursorKey), cursor));
}

pim::Status SyncState::LoadBase(uint8_t record_namespace, std::string_view id, swivel::sync::Record* out) {
  if (id.size() != sizeof(storage::Key)) return pim::Status::kInvalidRecord;
  storage::Key key;
  std::copy(id.begin(), id.end(), key.begin());
  return LoadMessage(pim::BaseNamespace(record_namespace), key, out);
}

pim::Status SyncState::StageBase(uint8_t record_namespace, const swivel::sync::Record& base,
                                 std::vector<storage::Change>* out) {
  if (base.id().size() != sizeof(storage::Key)) return pim::Status::kInvalidRecord;
  storage::Key key;
  std::copy(base.id().begin(), base.id().end(), key.begin());
  out->push_back(Put(pim::BaseNamespace(record_namespace), key, base));
  return pim::Status::kOk;
}

size_t SyncState::CountBases(uint8_t record_namespace) const {
  return store_.Count(pim::BaseNamespace(record_namespace));
}

}  // namespace swivel::os::sync
