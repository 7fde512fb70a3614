#include "os/sync/sync_session.h"

#include <google/protobuf/util/message_differencer.h>

#include <algorithm>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "os/pim/namespaces.h"
#include "os/sync/merge.h"

namespace swivel::os::sync {
namespace {

using swivel::sync::DeviceCursor;
using swivel::sync::PushResult;
using swivel::sync::Record;
using swivel::sync::SyncReply;
using swivel::sync::SyncRequest;

storage::Key KeyOf(const std::string& id) {
  storage::Key k{};
  std::copy_n(id.begin(), std::min(id.size(), k.size()), k.begin());
  return k;
}

// Record types and record namespaces share their numbers (1 contacts .. 5 photos).
uint8_t NamespaceOf(swivel::sync::RecordType type) { return uint8_t(type); }

template <typename M>
Record ToWire(uint8_t ns, const M& record) {
  Record r;
  r.set_type(swivel::sync::RecordType(ns));
  r.set_id(record.meta().id());
  r.set_deleted(record.meta().deleted());
  r.set_payload(record.SerializeAsString());
  return r;
}

}  // namespace

pim::Status SyncSession::Build(SyncRequest* out) {
  out->Clear();
  DeviceCursor cursor;
  if (const auto s = state_.LoadCursor(&cursor); s != pim::Status::kOk) return s;
  out->set_epoch(cursor.epoch());
  out->set_anchor(cursor.anchor());
  out->set_max_records(kPullRecords);
  out->set_max_bytes(kPullBytes);

  if (cursor.reseed_pending()) {
    // Everything held, tombstones included, in store order from where the re-seed got to.
    // Keys come from the index, read from that point and only as far as this round takes
    // (walking the whole namespace every round made a re-seed quadratic in the records
    // held); only the records pushed are read.
    const auto s = ForEachType(records_, [&](auto& repo, uint8_t ns) {
      using M = RecordOfT<decltype(repo)>;
      if (ns < cursor.reseed_type()) return pim::Status::kOk;
      std::optional<storage::Key> after;
      if (ns == cursor.reseed_type() && !cursor.reseed_after().empty())
        after = KeyOf(cursor.reseed_after());
      std::vector<std::string> ids;
      store_.ForEachAfter(ns, after, [&](const storage::Key& key, uint32_t) {
        if (size_t(out->push_size()) + ids.size() >= kPushLimit) return false;
        ids.emplace_back(key.begin(), key.end());
        return true;
      });
      for (const auto& id : ids) {
        M r;
        if (repo.Get(id, &r) != pim::Status::kOk) continue;  // unreadable: not sent
        Record& wire = *out->add_push() = ToWire(ns, r);
        if (Record base; state_.LoadBase(ns, id, &base) == pim::Status::kOk) {
          *wire.mutable_stamp() = base.stamp();
          wire.set_base_unchanged(!store_.Contains(pim::DirtyNamespace(ns), KeyOf(id)));
        }
      }
      return pim::Status::kOk;
    });
    if (s != pim::Status::kOk) return s;
    if (out->push_size() > 0) return pim::Status::kOk;
    // The re-seed is done: from now on only changes go up.
    cursor.set_reseed_pending(false);
    cursor.clear_reseed_type();
    cursor.clear_reseed_after();
    std::vector<storage::Change> changes;
    state_.StageCursor(cursor, &changes);
    if (const auto c = store_.Commit(changes); c != storage::Status::kOk) return pim::FromStorage(c);
  }

  const auto changed = ForEachType(records_, [&](auto& repo, uint8_t ns) {
    using M = RecordOfT<decltype(repo)>;
    std::vector<pim::DirtyEntry> dirty;
    if (const auto s = repo.Dirty(&dirty); s != pim::Status::kOk) return s;
    for (const auto& entry : dirty) {
      if (size_t(out->push_size()) >= kPushLimit) break;
      M record;
      if (repo.Get(entry.id, &record) != pim::Status::kOk) continue;  // unreadable: not sent
      Record& wire = *out->add_push() = ToWire(ns, record);
      if (Record base; state_.LoadBase(ns, entry.id, &base) == pim::Status::kOk)
        *wire.mutable_stamp() = base.stamp();
    }
    return pim::Status::kOk;
  });
  if (changed != pim::Status::kOk) return changed;
  return PushAgain(out);
}

pim::Status SyncSession::PushAgain(SyncRequest* out) {
  std::set<std::string> sent;
  for (const Record& r : out->push())
    if (r.type() == swivel::sync::RECORD_TYPE_PHOTO) sent.insert(r.id());
  for (const auto& id : ledger_.Repushes()) {
    if (size_t(out->push_size()) >= kPushLimit) break;
    if (sent.count(id)) continue;
    swivel::pim::Photo photo;
    if (records_.photos.Get(id, &photo) != pim::Status::kOk) continue;  // unreadable: not sent
    Record& wire = *out->add_push() = ToWire(pim::kPhotosNamespace, photo);
    if (Record base; state_.LoadBase(pim::kPhotosNamespace, id, &base) == pim::Status::kOk) {
      *wire.mutable_stamp() = base.stamp();
      // Clean (else it went up above as dirty): exactly the version its base names.
      wire.set_base_unchanged(true);
    }
  }
  return pim::Status::kOk;
}

pim::Status SyncSession::Apply(const SyncRequest& sent, const SyncReply& reply, bool* again,
                               RoundStats* stats) {
  *again = false;
  *stats = {};
  DeviceCursor cursor;
  if (const auto s = state_.LoadCursor(&cursor); s != pim::Status::kOk) return s;
  std::vector<storage::Change> changes;

  if (reply.reseed_needed()) {
    // The server lost data or was restored. Nothing here is deleted for it: everything goes
    // up again, and pulls start over in its new epoch.
    cursor.set_epoch(reply.epoch());
    cursor.set_anchor(0);
    cursor.set_reseed_pending(true);
    cursor.clear_reseed_type();
    cursor.clear_reseed_after();
    guard_.StageDropAll(&cursor, &changes);  // pulled from the history the server lost
    state_.StageCursor(cursor, &changes);
    stats->reseed_started = true;
    *again = true;
    return pim::FromStorage(store_.Commit(changes));
  }
  if (reply.pushed_size() != sent.push_size()) return pim::Status::kCorrupt;

  std::set<std::pair<uint8_t, std::string>> staged;  // one write per record per transaction
  struct Ack {
    uint8_t ns;
    std::string id;
    uint64_t revision;
  };
  std::vector<Ack> acks;
  HeldRound round;  // deletes for the guard to decide on at the end (delete_guard.h)
  round.drop_all = cursor.epoch() != reply.epoch();  // a new sign-in: earlier holds are void

  // Takes the server's version `remote` of a record: as it is when the local record is
  // clean, merged when it is dirty; its base becomes that version.
  auto take = [&](const Record& remote) -> pim::Status {
    const uint8_t ns = NamespaceOf(remote.type());
    if (!staged.insert({ns, remote.id()}).second) return pim::Status::kOk;
    auto one = [&](auto& repo) -> pim::Status {
      using M = RecordOfT<decltype(repo)>;
      M theirs;
      if (!theirs.ParseFromString(remote.payload()) || theirs.meta().id() != remote.id())
        return pim::Status::kOk;  // not a record of that type: nothing changes for it
      M mine;
      const pim::Status got = repo.Get(remote.id(), &mine);
      const bool dirty = store_.Contains(pim::DirtyNamespace(ns), KeyOf(remote.id()));
      if (theirs.meta().deleted() && got == pim::Status::kOk && !mine.meta().deleted() && !dirty) {
        round.holds[ns][remote.id()] = remote;  // the base moves if and when it is applied
        return pim::Status::kOk;
      }
      if (got != pim::Status::kOk || !dirty) {
        if (const auto s = repo.StageRemote(theirs, &changes); s != pim::Status::kOk) return s;
      } else {
        Record base_wire;
        M base;
        const bool has_base = state_.LoadBase(ns, remote.id(), &base_wire) == pim::Status::kOk &&
                              base.ParseFromString(base_wire.payload());
        MergeResult m = Merge(has_base ? &base : nullptr, mine, theirs);
        if (!m.merged) return pim::Status::kCorrupt;
        ++stats->merged;
        M& merged = static_cast<M&>(*m.merged);
        if (google::protobuf::util::MessageDifferencer::Equals(merged, theirs)) {
          if (const auto s = repo.StageRemote(theirs, &changes); s != pim::Status::kOk) return s;
        } else if (!merged.meta().deleted()) {
          if (const auto s = repo.StageLocal(merged, &changes); s != pim::Status::kOk) return s;
        }  // else: the local tombstone stands, and goes up next round on the new base
        if (m.conflict_copy) {
          ++stats->conflict_copies;
          M& copy = static_cast<M&>(*m.conflict_copy);
          if (const auto s = repo.StageLocal(copy, &changes); s != pim::Status::kOk) return s;
        }
      }
      return state_.StageBase(ns, remote, &changes);
    };
    return WithRepository(records_, ns, one);
  };

  for (int i = 0; i < sent.push_size(); ++i) {
    const Record& pushed = sent.push(i);
    const PushResult& result = reply.pushed(i);
    ++stats->pushed;
    switch (result.outcome()) {
      case PushResult::OUTCOME_STORED:
      case PushResult::OUTCOME_UNCHANGED: {
        ++stats->stored;
        Record base = pushed;
        *base.mutable_stamp() = result.stamp();
        base.clear_base_unchanged();
        const uint8_t ns = NamespaceOf(pushed.type());
        staged.insert({ns, pushed.id()});
        if (const auto s = state_.StageBase(ns, base, &changes); s != pim::Status::kOk) return s;
        // The revision it carried: what its dirty mark is cleared for.
        uint64_t revision = 0;
        WithRepository(records_, ns, [&](auto& repo) {
          RecordOfT<decltype(repo)> sent_record;
          if (sent_record.ParseFromString(pushed.payload())) revision = sent_record.meta().revision();
          return pim::Status::kOk;
        });
        acks.push_back({ns, pushed.id(), revision});
        ledger_.StagePushed(pushed, &changes);
        break;
      }
      case PushResult::OUTCOME_CONFLICT:
        ++stats->conflicts;
        if (const auto s = take(result.current()); s != pim::Status::kOk) return s;
        break;
      case PushResult::OUTCOME_BLOB_MISSING:
        // Not synced until its photo's bytes are up: it stays dirty (or is marked to be
        // pushed again), and the agent uploads the blob.
        ++stats->waiting_for_blob;
        if (auto blob = ledger_.StageBlobMissing(pushed, &changes))
          stats->blobs_missing_on_server.push_back(std::move(*blob));
        break;
      default:
        break;  // an outcome this handset does not know: the record stays dirty
    }
  }
  for (const Record& remote : reply.pulled()) {
    ++stats->pulled;
    if (const auto s = take(remote); s != pim::Status::kOk) return s;
  }
  cursor.set_epoch(reply.epoch());
  cursor.set_anchor(reply.next_anchor());
  if (clock_) cursor.set_last_sync_ms(clock_->wall_time_ms());
  if (cursor.reseed_pending() && sent.push_size() > 0) {  // a re-seed round: it got this far
    const Record& last = sent.push(sent.push_size() - 1);
    cursor.set_reseed_type(uint32_t(last.type()));
    cursor.set_reseed_after(last.id());
  }
  // A full push whose every record waits for its bytes would go again exactly as it was:
  // the agent uploads those bytes first.
  const bool more_to_push = size_t(sent.push_size()) >= kPushLimit &&
                            stats->waiting_for_blob < size_t(sent.push_size());
  const bool more_rounds = reply.more() || more_to_push || stats->conflicts > 0 ||
                           stats->merged > 0 || (cursor.reseed_pending() && sent.push_size() > 0);
  if (const auto s = guard_.Settle(round, staged, /*last_round=*/!more_rounds, &cursor, &changes,
                                   &stats->held);
      s != pim::Status::kOk)
    return s;
  state_.StageCursor(cursor, &changes);
  stats->blobs_wanted = ledger_.StageWanted(&changes);  // with the records that name them
  if (const auto c = store_.Commit(changes); c != storage::Status::kOk) return pim::FromStorage(c);

  for (const Ack& a : acks) {
    const pim::Status s =
        WithRepository(records_, a.ns, [&](auto& repo) { return repo.MarkSynced(a.id, a.revision); });
    // kStale: edited while this round was under way; it goes up next round.
    if (s != pim::Status::kOk && s != pim::Status::kStale) return s;
  }
  *again = more_rounds;
  return pim::Status::kOk;
}

pim::Status SyncSession::HeldDeletes(HeldCounts* out) { return guard_.Held(out); }
pim::Status SyncSession::ConfirmDeletes() { return guard_.Confirm(); }
pim::Status SyncSession::KeepRecords() { return guard_.Keep(); }

}  // namespace swivel::os::sync
