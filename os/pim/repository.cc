#include "os/pim/repository.h"

#include <algorithm>
#include <climits>

#include "base/le.h"

namespace swivel::os::pim {
namespace {

bool ValidId(std::string_view id) { return id.size() == kIdSize; }

storage::Key KeyOf(std::string_view id) {  // id is kIdSize bytes
  storage::Key key;
  std::copy(id.begin(), id.end(), key.begin());
  return key;
}

std::string IdOf(const storage::Key& key) { return std::string(key.begin(), key.end()); }

// Every key of a namespace, taken before reading any value: reads may fail, and the store's
// ForEach cannot be stopped from inside.
std::vector<storage::Key> KeysOf(const storage::Store& store, uint8_t ns) {
  std::vector<storage::Key> keys;
  store.ForEach(ns, [&](const storage::Key& k, uint32_t) { keys.push_back(k); });
  return keys;
}

}  // namespace

template <typename M>
Status Repository<M>::Read(const storage::Key& key, M* out) {
  out->Clear();
  std::vector<uint8_t> bytes;
  if (const auto s = store_.Get(kNamespace, key, &bytes); s != storage::Status::kOk)
    return FromStorage(s);
  // A value that does not parse, or that names another record, is damage (or a bug), and
  // is never handed out as a record.
  if (bytes.size() > size_t(INT_MAX) || !out->ParseFromArray(bytes.data(), int(bytes.size())) ||
      out->meta().id() != IdOf(key)) {
    out->Clear();
    return Status::kCorrupt;
  }
  return Status::kOk;
}

template <typename M>
Status Repository<M>::StoredRevision(const storage::Key& key, uint64_t* revision) {
  *revision = 0;
  M stored;
  const Status s = Read(key, &stored);
  if (s == Status::kNotFound) return Status::kOk;
  if (s == Status::kOk) *revision = stored.meta().revision();
  return s;
}

template <typename M>
Status Repository<M>::NewId(storage::Key* key) {
  // A source reseeded at boot (as a simulator's is) repeats the ids of earlier boots, so a
  // drawn id is checked against both namespaces. Each id in use can cost at most one
  // extra draw from a working source; beyond that the source is broken.
  const size_t tries = store_.Count(kNamespace) + store_.Count(kDirtyNamespace) + 8;
  for (size_t i = 0; i < tries; ++i) {
    random_.fill(*key);
    if (!store_.Contains(kNamespace, *key) && !store_.Contains(kDirtyNamespace, *key))
      return Status::kOk;
  }
  return Status::kNoFreeId;
}

template <typename M>
Status Repository<M>::Stage(const storage::Key& key, const M& record, bool mark_dirty,
                            std::vector<storage::Change>* out) {
  const size_t size = record.ByteSizeLong();
  if (size > storage::kMaxValueSize) return Status::kTooLarge;
  storage::Change put{storage::RecordOp::kPut, kNamespace, key, std::vector<uint8_t>(size)};
  if (!record.SerializeToArray(put.value.data(), int(size))) return Status::kTooLarge;
  // Refuse what Read would refuse. proto3 serializes a string field holding invalid UTF-8
  // (it only logs an error) but will not parse it back: stored, such a record would read
  // as kCorrupt for good, and could then be neither saved over nor removed.
  if (M check; !check.ParseFromArray(put.value.data(), int(size))) return Status::kInvalidRecord;
  out->push_back(std::move(put));
  if (mark_dirty) {
    std::vector<uint8_t> revision(8);
    PutLe64(revision.data(), record.meta().revision());
    out->push_back({storage::RecordOp::kPut, kDirtyNamespace, key, std::move(revision)});
  } else if (store_.Contains(kDirtyNamespace, key)) {
    out->push_back({storage::RecordOp::kErase, kDirtyNamespace, key, {}});
  }
  if (record.meta().deleted()) {
    // A live record becoming a tombstone leaves its content in the trash. One that does
    // not read (kCorrupt) is deleted all the same, with nothing to keep.
    M stored;
    const Status s = store_.Contains(kNamespace, key) ? Read(key, &stored) : Status::kNotFound;
    if (s == Status::kOk && !stored.meta().deleted())
      StageTrashEntry(kNamespace, key, stored.SerializeAsString(), clock_, out);
    else if (s != Status::kOk && s != Status::kNotFound && s != Status::kCorrupt)
      return s;  // power lost, I/O error
    out->push_back({storage::RecordOp::kPut, kRemovedNamespace, key, {}});
  } else {
    if (store_.Contains(kRemovedNamespace, key))
      out->push_back({storage::RecordOp::kErase, kRemovedNamespace, key, {}});
    if (store_.Contains(kTrashNamespace, key))  // alive again: nothing to restore
      out->push_back({storage::RecordOp::kErase, kTrashNamespace, key, {}});
  }
  return Status::kOk;
}

template <typename M>
Status Repository<M>::Write(const storage::Key& key, const M& record, bool mark_dirty) {
  std::vector<storage::Change> changes;
  if (const Status s = Stage(key, record, mark_dirty, &changes); s != Status::kOk) return s;
  return FromStorage(store_.Commit(changes));
}

template <typename M>
Status Repository<M>::Save(M& record) {
  const uint64_t old_revision = record.meta().revision();
  const int64_t old_modified = record.meta().modified_ms();
  std::vector<storage::Change> changes;
  Status s = StageLocal(record, &changes);
  if (s == Status::kOk) s = FromStorage(store_.Commit(changes));
  if (s != Status::kOk) {
    record.mutable_meta()->set_revision(old_revision);
    record.mutable_meta()->set_modified_ms(old_modified);
    return s;
  }
  LocalChangeCommitted();
  return s;
}

template <typename M>
Status Repository<M>::StageLocal(M& record, std::vector<storage::Change>* out) {
  auto& meta = *record.mutable_meta();
  if (meta.deleted()) return Status::kInvalidRecord;
  storage::Key key;
  uint64_t stored_revision = 0;
  if (meta.id().empty()) {
    if (const Status s = NewId(&key); s != Status::kOk) return s;
    meta.set_id(IdOf(key));
  } else {
    if (!ValidId(meta.id())) return Status::kInvalidRecord;
    key = KeyOf(meta.id());
    if (const Status s = StoredRevision(key, &stored_revision); s != Status::kOk) return s;
  }
  meta.set_revision(stored_revision + 1);
  meta.set_modified_ms(clock_.wall_time_ms());
  return Stage(key, record, /*mark_dirty=*/true, out);
}

template <typename M>
Status Repository<M>::Get(std::string_view id, M* out) {
  out->Clear();
  if (!ValidId(id)) return Status::kInvalidRecord;
  return Read(KeyOf(id), out);
}

template <typename M>
Status Repository<M>::Remove(std::string_view id) {
  if (!ValidId(id)) return Status::kInvalidRecord;
  const storage::Key key = KeyOf(id);
  M stored;
  if (const Status s = Read(key, &stored); s != Status::kOk) return s;
  if (stored.meta().deleted()) return Status::kOk;
  M tombstone;
  auto& meta = *tombstone.mutable_meta();
  meta = stored.meta();  // keeps meta's unknown fields: future sync bookkeeping
  meta.set_revision(stored.meta().revision() + 1);
  meta.set_modified_ms(clock_.wall_time_ms());
  meta.set_deleted(true);
  if (const Status s = Write(key, tombstone, /*mark_dirty=*/true); s != Status::kOk) return s;
  LocalChangeCommitted();
  return Status::kOk;
}

template <typename M>
Status Repository<M>::ForEach(const std::function<void(const M&)>& visit, Listing which) {
  Status result = Status::kOk;
  M record;
  for (const auto& key : KeysOf(store_, kNamespace)) {
    const Status s = Read(key, &record);
    if (s == Status::kCorrupt) {
      result = s;
      continue;
    }
    if (s != Status::kOk) return s;
    if (record.meta().deleted() && which == Listing::kLive) continue;
    visit(record);
  }
  return result;
}

template <typename M>
Status Repository<M>::List(std::vector<M>* out, Listing which) {
  out->clear();
  return ForEach([&](const M& r) { out->push_back(r); }, which);
}

template <typename M>
Status Repository<M>::Count(size_t* out) {
  *out = 0;
  return ForEach([&](const M&) { ++*out; }, Listing::kLive);
}

template <typename M>
Status Repository<M>::Dirty(std::vector<DirtyEntry>* out) {
  out->clear();
  Status result = Status::kOk;
  std::vector<uint8_t> value;
  for (const auto& key : KeysOf(store_, kDirtyNamespace)) {
    const Status s = FromStorage(store_.Get(kDirtyNamespace, key, &value));
    if (s == Status::kCorrupt || (s == Status::kOk && value.size() != 8)) {
      result = Status::kCorrupt;
      continue;
    }
    if (s != Status::kOk) return s;
    out->push_back({IdOf(key), GetLe64(value.data())});
  }
  return result;
}

template <typename M>
Status Repository<M>::MarkSynced(std::string_view id, uint64_t revision) {
  if (!ValidId(id)) return Status::kInvalidRecord;
  const storage::Key key = KeyOf(id);
  std::vector<uint8_t> value;
  const Status s = FromStorage(store_.Get(kDirtyNamespace, key, &value));
  if (s == Status::kNotFound) return Status::kOk;
  if (s != Status::kOk) return s;
  if (value.size() != 8) return Status::kCorrupt;
  if (GetLe64(value.data()) != revision) return Status::kStale;
  return FromStorage(store_.Erase(kDirtyNamespace, key));
}

template <typename M>
Status Repository<M>::ApplyRemote(const M& record) {
  std::vector<storage::Change> changes;
  if (const Status s = StageRemote(record, &changes); s != Status::kOk) return s;
  return FromStorage(store_.Commit(changes));
}

template <typename M>
Status Repository<M>::StageRemote(const M& record, std::vector<storage::Change>* out) {
  if (!ValidId(record.meta().id())) return Status::kInvalidRecord;
  return Stage(KeyOf(record.meta().id()), record, /*mark_dirty=*/false, out);
}

template <typename M>
Status Repository<M>::ListTrash(std::vector<Trashed<M>>* out) {
  out->clear();
  Status result = Status::kOk;
  for (const auto& key : KeysOf(store_, kTrashNamespace)) {
    ::swivel::pim::TrashEntry entry;
    Trashed<M> item;
    Status s = ReadTrashEntry(store_, kNamespace, key, &entry);
    if (s == Status::kOk && !item.record.ParseFromString(entry.record())) s = Status::kCorrupt;
    if (s == Status::kCorrupt) {
      result = s;
      continue;
    }
    if (s != Status::kOk) return s;
    item.deleted_at = hal::TimePoint(hal::Duration(entry.deleted_at_us()));
    item.deleted_ms = entry.deleted_ms();
    out->push_back(std::move(item));
  }
  return result;
}

template <typename M>
Status Repository<M>::Restore(std::string_view id, M* restored) {
  if (!ValidId(id)) return Status::kInvalidRecord;
  ::swivel::pim::TrashEntry entry;
  if (const Status s = ReadTrashEntry(store_, kNamespace, KeyOf(id), &entry); s != Status::kOk)
    return s;
  M record;
  if (!record.ParseFromString(entry.record()) || record.meta().id() != id) return Status::kCorrupt;
  record.mutable_meta()->set_deleted(false);
  // Save's own path: the revision goes above the tombstone's, and Stage erases the entry.
  std::vector<storage::Change> changes;
  if (const Status s = StageLocal(record, &changes); s != Status::kOk) return s;
  if (const Status s = FromStorage(store_.Commit(changes)); s != Status::kOk) return s;
  LocalChangeCommitted();
  if (restored) *restored = std::move(record);
  return Status::kOk;
}

template class Repository<::swivel::pim::Contact>;
template class Repository<::swivel::pim::Event>;
template class Repository<::swivel::pim::Task>;
template class Repository<::swivel::pim::Note>;
template class Repository<::swivel::pim::Photo>;

}  // namespace swivel::os::pim
