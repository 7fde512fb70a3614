#include "os/sync/delete_guard.h"

#include <algorithm>

#include "os/pim/namespaces.h"

namespace swivel::os::sync {
namespace {

using swivel::sync::DeviceCursor;
using swivel::sync::Record;
using swivel::sync::RecordType;

storage::Key KeyOf(const std::string& id) {
  storage::Key k{};
  std::copy_n(id.begin(), std::min(id.size(), k.size()), k.begin());
  return k;
}

std::string IdOf(const storage::Key& key) { return std::string(key.begin(), key.end()); }

std::vector<storage::Key> HeldKeys(const storage::Store& store, uint8_t ns) {
  std::vector<storage::Key> keys;
  store.ForEach(pim::HeldNamespace(ns), [&](const storage::Key& k, uint32_t) { keys.push_back(k); });
  return keys;
}

storage::Change PutHold(uint8_t ns, const Record& tombstone) {
  storage::Change c{storage::RecordOp::kPut, pim::HeldNamespace(ns), KeyOf(tombstone.id()),
                    std::vector<uint8_t>(tombstone.ByteSizeLong())};
  tombstone.SerializeToArray(c.value.data(), int(c.value.size()));
  return c;
}

storage::Change EraseHold(uint8_t ns, const storage::Key& key) {
  return {storage::RecordOp::kErase, pim::HeldNamespace(ns), key, {}};
}

bool Awaits(const DeviceCursor& cursor, uint8_t ns) {
  const auto& types = cursor.deletes_awaiting();
  return std::find(types.begin(), types.end(), int(ns)) != types.end();
}

void SetAwaits(DeviceCursor* cursor, uint8_t ns, bool awaits) {
  if (Awaits(*cursor, ns) == awaits) return;
  auto* types = cursor->mutable_deletes_awaiting();
  if (awaits) {
    types->Add(int(ns));
    std::sort(types->begin(), types->end());
  } else {
    types->erase(std::remove(types->begin(), types->end(), int(ns)), types->end());
  }
}

}  // namespace

size_t Total(const HeldCounts& counts) {
  size_t n = 0;
  for (const auto& [type, count] : counts) n += count;
  return n;
}

bool DeleteGuard::LiveAndClean(uint8_t ns, const std::string& id) {
  if (store_.Contains(pim::DirtyNamespace(ns), KeyOf(id))) return false;
  bool live = false;
  WithRepository(records_, ns, [&](auto& repo) {
    RecordOfT<decltype(repo)> mine;
    live = repo.Get(id, &mine) == pim::Status::kOk && !mine.meta().deleted();
    return pim::Status::kOk;
  });
  return live;
}

pim::Status DeleteGuard::LoadHold(uint8_t ns, const storage::Key& key, Record* out) {
  out->Clear();
  std::vector<uint8_t> raw;
  if (const auto s = store_.Get(pim::HeldNamespace(ns), key, &raw); s != storage::Status::kOk)
    return pim::FromStorage(s);
  if (!out->ParseFromArray(raw.data(), int(raw.size())) || out->id() != IdOf(key))
    return pim::Status::kCorrupt;
  return pim::Status::kOk;
}

pim::Status DeleteGuard::StageDelete(uint8_t ns, const Record& remote,
                                     std::vector<storage::Change>* changes) {
  const pim::Status s = WithRepository(records_, ns, [&](auto& repo) {
    RecordOfT<decltype(repo)> theirs;
    if (!theirs.ParseFromString(remote.payload()) || theirs.meta().id() != remote.id())
      return pim::Status::kCorrupt;
    return repo.StageRemote(theirs, changes);
  });
  if (s != pim::Status::kOk) return s;
  return state_.StageBase(ns, remote, changes);
}

pim::Status DeleteGuard::Settle(const HeldRound& round,
                                const std::set<std::pair<uint8_t, std::string>>& staged,
                                bool last_round, DeviceCursor* cursor,
                                std::vector<storage::Change>* changes, size_t* held) {
  *held = 0;
  if (round.drop_all) cursor->clear_deletes_awaiting();
  const std::map<std::string, Record> none;
  for (uint8_t ns = pim::kContactsNamespace; ns <= pim::kPhotosNamespace; ++ns) {
    const auto found = round.holds.find(ns);
    const auto& holds = found == round.holds.end() ? none : found->second;
    // Earlier holds still standing: not void, and their record not written this round
    // (a newer word on it, or held again with a newer tombstone).
    std::vector<storage::Key> standing;
    for (const auto& key : HeldKeys(store_, ns)) {
      const std::string id = IdOf(key);
      if (holds.count(id)) continue;  // overwritten below
      if (round.drop_all || staged.count({ns, id})) changes->push_back(EraseHold(ns, key));
      else standing.push_back(key);
    }
    if (holds.empty() && standing.empty()) {
      SetAwaits(cursor, ns, false);  // every hold ended another way
      continue;
    }
    bool keep_holding = Awaits(*cursor, ns) || !last_round;
    if (!keep_holding) {
      // The sync's last round: count every delete it brought, then decide for the type.
      size_t deletes = holds.size();
      for (const auto& key : standing) deletes += LiveAndClean(ns, IdOf(key)) ? 1 : 0;
      size_t live = 0;
      WithRepository(records_, ns, [&](auto& repo) {
        live = repo.LiveCount();  // before this round's writes: they are only staged
        return pim::Status::kOk;
      });
      keep_holding = TripsDeleteGuard(deletes, live);
      SetAwaits(cursor, ns, keep_holding);
    }
    if (keep_holding) {
      for (const auto& [id, tombstone] : holds) changes->push_back(PutHold(ns, tombstone));
      *held += holds.size() + standing.size();
      continue;
    }
    for (const auto& [id, tombstone] : holds) {
      if (const auto s = StageDelete(ns, tombstone, changes); s != pim::Status::kOk) return s;
      if (store_.Contains(pim::HeldNamespace(ns), KeyOf(id))) changes->push_back(EraseHold(ns, KeyOf(id)));
    }
    for (const auto& key : standing) {
      Record tombstone;
      const pim::Status s = LoadHold(ns, key, &tombstone);
      if (s != pim::Status::kOk && s != pim::Status::kCorrupt) return s;
      // Edited or deleted here since it was held: the merge decides when it goes up.
      if (s == pim::Status::kOk && LiveAndClean(ns, tombstone.id()))
        if (const auto d = StageDelete(ns, tombstone, changes); d != pim::Status::kOk) return d;
      changes->push_back(EraseHold(ns, key));
    }
  }
  return pim::Status::kOk;
}

void DeleteGuard::StageDropAll(DeviceCursor* cursor, std::vector<storage::Change>* changes) {
  for (uint8_t ns = pim::kContactsNamespace; ns <= pim::kPhotosNamespace; ++ns)
    for (const auto& key : HeldKeys(store_, ns)) changes->push_back(EraseHold(ns, key));
  cursor->clear_deletes_awaiting();
}

pim::Status DeleteGuard::Held(HeldCounts* out) {
  out->clear();
  DeviceCursor cursor;
  if (const auto s = state_.LoadCursor(&cursor); s != pim::Status::kOk) return s;
  for (const int type : cursor.deletes_awaiting()) {
    const auto ns = uint8_t(type);
    size_t n = 0;
    for (const auto& key : HeldKeys(store_, ns))
      n += store_.Contains(pim::DirtyNamespace(ns), key) ? 0 : 1;
    if (n > 0) (*out)[RecordType(type)] = n;
  }
  return pim::Status::kOk;
}

template <typename Fn>
pim::Status DeleteGuard::Resolve(Fn&& one) {
  DeviceCursor cursor;
  if (const auto s = state_.LoadCursor(&cursor); s != pim::Status::kOk) return s;
  std::vector<storage::Change> changes;
  for (const int type : cursor.deletes_awaiting()) {
    const auto ns = uint8_t(type);
    for (const auto& key : HeldKeys(store_, ns)) {
      Record tombstone;
      const pim::Status s = LoadHold(ns, key, &tombstone);
      if (s == pim::Status::kOk) {
        if (const auto o = one(ns, tombstone, &changes); o != pim::Status::kOk) return o;
      } else if (s != pim::Status::kCorrupt) {
        return s;  // an unreadable hold only ends
      }
      changes.push_back(EraseHold(ns, key));
    }
  }
  cursor.clear_deletes_awaiting();
  state_.StageCursor(cursor, &changes);
  return pim::FromStorage(store_.Commit(changes));
}

pim::Status DeleteGuard::Confirm() {
  return Resolve([&](uint8_t ns, const Record& tombstone, std::vector<storage::Change>* changes) {
    if (!LiveAndClean(ns, tombstone.id())) return pim::Status::kOk;  // edited since: kept
    return StageDelete(ns, tombstone, changes);
  });
}

pim::Status DeleteGuard::Keep() {
  return Resolve([&](uint8_t ns, const Record& tombstone, std::vector<storage::Change>* changes) {
    bool kept = false;
    const pim::Status s = WithRepository(records_, ns, [&](auto& repo) {
      RecordOfT<decltype(repo)> mine;
      const pim::Status got = repo.Get(tombstone.id(), &mine);
      // Deleted here since, or unreadable: nothing to keep.
      if (got == pim::Status::kNotFound || got == pim::Status::kCorrupt ||
          (got == pim::Status::kOk && mine.meta().deleted()))
        return pim::Status::kOk;
      if (got != pim::Status::kOk) return got;
      kept = true;
      return repo.StageLocal(mine, changes);
    });
    if (s != pim::Status::kOk || !kept) return s;
    // Made from the tombstone's version, so the server stores it over the tombstone.
    return state_.StageBase(ns, tombstone, changes);
  });
}

}  // namespace swivel::os::sync
