#pragma once
// SyncSession: one round of sync at a time, as data: Build() makes the next SyncRequest from
// the store, Apply() takes the server's reply. The agent carries requests and replies over
// the radio (radio_call.h); tests can hand them to an in-process server directly.
//
// Build pushes the dirty records (at most kPushLimit a round) with their merge bases'
// stamps. During a re-seed (the server lost data or was restored: its reply said
// reseed_needed) it pushes every record it holds, tombstones included, in store order,
// resuming after the last one the cursor says went up (so a power cut mid-re-seed carries
// on); an unchanged one goes with base_unchanged. Then it goes back to pushing changes.
//
// Apply, for each pushed record: stored (or already there) -> its base becomes that
// version; conflict -> three-way merge (merge.h) of the base, the device's record and the
// server's, saved as a local change to push next round with the server's version as its
// base, plus a conflict copy when one is made. For each pulled record: a clean local record
// takes the server's version; a dirty one is merged the same way; a tombstone for a clean
// live record goes to the delete guard, which applies it at the sync's end or holds it for
// the user. Every record write, every base, the guard's holds and the new cursor go in ONE
// store transaction, so a power cut leaves the page applied with its anchor or not at all;
// the dirty marks of acknowledged pushes are cleared after it (a cut in between only
// re-pushes, which the server answers as unchanged).
//
// Nothing the server says deletes a record here, except a pulled tombstone for it, and a
// sync that would delete many records of a type waits for the user's word (the delete
// guard, delete_guard.h): HeldDeletes, then ConfirmDeletes or KeepRecords.
//
// Photo bytes (blob_ledger.h): a photo the server answered BLOB_MISSING stays unsynced and
// Apply names its blob in RoundStats for the agent to upload; one that is not dirty is
// marked to be pushed again (Build pushes those after the dirty records). A pulled photo
// whose bytes are not here is stored all the same, and its blob is remembered as wanted in
// the same transaction, for the agent to download after the round.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "os/pim/repository.h"
#include "os/storage/store.h"
#include "os/sync/blob_ledger.h"
#include "os/sync/delete_guard.h"
#include "os/sync/records.h"
#include "os/sync/sync_state.h"
#include "proto/sync.pb.h"

namespace swivel::os::sync {

// What a round did, for logs and the status line.
struct RoundStats {
  size_t pushed = 0, stored = 0, conflicts = 0, conflict_copies = 0, waiting_for_blob = 0;
  size_t pulled = 0, merged = 0;
  size_t held = 0;  // deletes from the server held for the user after this round
  bool reseed_started = false;
  std::vector<BlobRef> blobs_missing_on_server;  // pushes answered BLOB_MISSING: upload these
  size_t blobs_wanted = 0;  // pulled photos whose bytes are not here: newly remembered
};

class SyncSession {
 public:
  static constexpr size_t kPushLimit = 100;
  static constexpr uint32_t kPullRecords = 100;
  static constexpr uint32_t kPullBytes = 128 * 1024;

  // `clock` (optional) stamps the cursor's last_sync_ms at every answered round.
  SyncSession(Records records, SyncState& state, storage::Store& store,
              const hal::Clock* clock = nullptr)
      : records_(records), state_(state), store_(store), clock_(clock),
        guard_(records, state, store), ledger_(store) {}

  pim::Status Build(swivel::sync::SyncRequest* out);
  storage::Store& store() { return store_; }
  BlobLedger& ledger() { return ledger_; }
  // `again`: another round is wanted at once (more to push or to pull, merges to send).
  pim::Status Apply(const swivel::sync::SyncRequest& sent, const swivel::sync::SyncReply& reply,
                    bool* again, RoundStats* stats);

  // Deletes from the server waiting for the user, per record type (empty: none).
  pim::Status HeldDeletes(HeldCounts* out);
  // The user agreed: the held deletes are applied, in one transaction.
  pim::Status ConfirmDeletes();
  // The user refused: the held records become local changes again, in one transaction, so
  // the next sync pushes them back over the server's tombstones.
  pim::Status KeepRecords();

 private:
  // Appends the photos marked to be pushed again that `out` does not carry yet.
  pim::Status PushAgain(swivel::sync::SyncRequest* out);

  Records records_;
  SyncState& state_;
  storage::Store& store_;
  const hal::Clock* clock_;
  DeleteGuard guard_;
  BlobLedger ledger_;
};

}  // namespace swivel::os::sync
