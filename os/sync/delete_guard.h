#pragma once
// DeleteGuard: a sync that would delete more than 20% of a record type (and more than 10
// records of it) on the handset waits for the user to confirm the deletes.
//
// Which deletes: a tombstone from the server (pulled, or the current version answering a
// push) for a record that is live and clean here. A dirty record goes through the merge as
// before (an edit beats a delete); a record not live here has nothing left to lose.
//
// Counting is per type over a whole sync, every round until the session wants no more: a
// mass delete of 500 contacts arrives in pages of 100, each of which alone looks harmless.
// Until the sync's last round such tombstones are held in the holding area (namespace 56 +
// the type's: record id -> the pulled swivel.sync.Record), staged in the same transaction
// as the page they came with and its cursor, so the anchor advances and a power cut loses
// neither. In the last round, per type: when the held deletes trip the guard (more than 10,
// and more than 20% of the type's live records, the held ones included) they stay held and
// the type is marked as awaiting the user (DeviceCursor.deletes_awaiting); otherwise they
// are applied in that round's transaction, as if never held. While a type awaits the user,
// further deletes of it join the held ones.
//
// A held record keeps the base it had before the delete, so an edit made here meanwhile goes
// up, meets the tombstone as a conflict and wins the merge; a newer version from the server
// (the record restored elsewhere) is taken as usual. Either way its hold ends.
//
// The user then, for every awaiting type at once:
// - Confirm: the held tombstones are applied with their bases, in one transaction (each
//   record leaves its content in the trash, os/pim/trash.h). A record edited since is not
//   deleted (as in a merge, the edit wins): its hold ends and the edit goes up.
// - Keep: the held records become local changes again (next revision, dirty) whose base is
//   the tombstone's version, in one transaction: the next sync pushes them over the
//   tombstones and the handsets that deleted them get them back. Nothing is lost.
//
// Held deletes belong to the server history (epoch) they were pulled from: when the cursor
// moves to another epoch (a re-seed, signing in anew) they are dropped and the records stay;
// the re-seed pushes them, and what the server then answers comes through the guard again.
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "os/storage/store.h"
#include "os/sync/records.h"
#include "os/sync/sync_state.h"
#include "proto/sync.pb.h"

namespace swivel::os::sync {

inline constexpr size_t kGuardMinDeletes = 10;  // more than this many records of a type
inline constexpr size_t kGuardPercent = 20;     // and more than this share of them
// True when `deletes` records out of `live` live ones of a type need the user's word.
constexpr bool TripsDeleteGuard(size_t deletes, size_t live) {
  return deletes > kGuardMinDeletes && deletes * 100 > live * kGuardPercent;
}

// Held deletes waiting for the user, per record type (types with none are absent).
using HeldCounts = std::map<swivel::sync::RecordType, size_t>;
size_t Total(const HeldCounts& counts);

// What one Apply decided about deletes, read from the reply; settled at its end.
struct HeldRound {
  // Tombstones this round holds, by record namespace and id.
  std::map<uint8_t, std::map<std::string, swivel::sync::Record>> holds;
  // The reply belongs to another epoch than the cursor: earlier holds are void.
  bool drop_all = false;
};

class DeleteGuard {
 public:
  DeleteGuard(Records records, SyncState& state, storage::Store& store)
      : records_(records), state_(state), store_(store) {}

  // The end of one Apply, before its cursor is staged: stages this round's holds, ends the
  // holds of records written in this transaction (`staged`, namespace and id), and, when
  // `last_round`, applies or keeps holding each type's deletes as above, updating
  // `cursor->deletes_awaiting`. `held` gets the deletes left held.
  pim::Status Settle(const HeldRound& round, const std::set<std::pair<uint8_t, std::string>>& staged,
                     bool last_round, swivel::sync::DeviceCursor* cursor,
                     std::vector<storage::Change>* changes, size_t* held);
  // Stages the end of every hold (a re-seed: the server's history is another one now).
  void StageDropAll(swivel::sync::DeviceCursor* cursor, std::vector<storage::Change>* changes);

  // The deletes awaiting the user (records edited since they were held are not counted).
  pim::Status Held(HeldCounts* out);
  pim::Status Confirm();
  pim::Status Keep();

 private:
  // Stages the tombstone `remote` over the local record and as its base.
  pim::Status StageDelete(uint8_t ns, const swivel::sync::Record& remote,
                          std::vector<storage::Change>* changes);
  // True when the record reads, live, and is not dirty here.
  bool LiveAndClean(uint8_t ns, const std::string& id);
  pim::Status LoadHold(uint8_t ns, const storage::Key& key, swivel::sync::Record* out);
  // One transaction over every awaiting type: `one(ns, hold)` for each of its holds, which
  // all end; the types no longer await.
  template <typename Fn>
  pim::Status Resolve(Fn&& one);

  Records records_;
  SyncState& state_;
  storage::Store& store_;
};

}  // namespace swivel::os::sync
