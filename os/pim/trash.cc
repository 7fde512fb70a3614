#include "os/pim/trash.h"

#include <climits>

#include "os/pim/namespaces.h"

namespace swivel::os::pim {
namespace {
constexpr int64_t kTrashKeepUs = std::chrono::duration_cast<hal::Duration>(kTrashKeep).count();
}  // namespace

void StageTrashEntry(uint8_t record_namespace, const storage::Key& key, std::string content,
                     const hal::Clock& clock, std::vector<storage::Change>* out) {
  ::swivel::pim::TrashEntry entry;
  entry.set_record(std::move(content));
  entry.set_deleted_at_us(clock.now().time_since_epoch().count());
  entry.set_deleted_ms(clock.wall_time_ms());
  const size_t size = entry.ByteSizeLong();
  if (size > storage::kMaxValueSize) return;
  storage::Change put{storage::RecordOp::kPut, TrashNamespace(record_namespace), key,
                      std::vector<uint8_t>(size)};
  entry.SerializeToArray(put.value.data(), int(size));
  out->push_back(std::move(put));
}

Status ReadTrashEntry(storage::Store& store, uint8_t record_namespace, const storage::Key& key,
                      ::swivel::pim::TrashEntry* out) {
  out->Clear();
  std::vector<uint8_t> bytes;
  if (const auto s = store.Get(TrashNamespace(record_namespace), key, &bytes); s != storage::Status::kOk)
    return FromStorage(s);
  if (bytes.size() > size_t(INT_MAX) || !out->ParseFromArray(bytes.data(), int(bytes.size()))) {
    out->Clear();
    return Status::kCorrupt;
  }
  return Status::kOk;
}

Status Trash::Purge(size_t* purged) {
  if (purged) *purged = 0;
  const int64_t now_us = clock_.now().time_since_epoch().count();
  Status result = Status::kOk;
  std::vector<storage::Change> changes;
  for (uint8_t ns = kContactsNamespace; ns <= kPhotosNamespace; ++ns) {
    std::vector<storage::Key> keys;  // taken first: the store's ForEach cannot be left early
    store_.ForEach(TrashNamespace(ns), [&](const storage::Key& k, uint32_t) { keys.push_back(k); });
    for (const auto& key : keys) {
      ::swivel::pim::TrashEntry entry;
      const Status s = ReadTrashEntry(store_, ns, key, &entry);
      if (s == Status::kCorrupt) {
        result = s;
        continue;
      }
      if (s != Status::kOk) return s;
      // Written so that it cannot overflow whatever the stored stamp; a stamp ahead of the
      // clock (a clock that restarted) is young.
      if (entry.deleted_at_us() <= now_us - kTrashKeepUs)
        changes.push_back({storage::RecordOp::kErase, TrashNamespace(ns), key, {}});
    }
  }
  if (!changes.empty())
    if (const auto s = store_.Commit(changes); s != storage::Status::kOk) return FromStorage(s);
  if (purged) *purged = changes.size();
  return result;
}

size_t Trash::Count() const {
  size_t n = 0;
  for (uint8_t ns = kContactsNamespace; ns <= kPhotosNamespace; ++ns) n += store_.Count(TrashNamespace(ns));
  return n;
}

}  // namespace swivel::os::pim
