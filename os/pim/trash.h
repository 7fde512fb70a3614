#pragma once
// The trash: the last live version of each record deleted on the handset, kept for 30 days
// of device time so that the user can bring it back.
//
// An entry (swivel.pim.TrashEntry, under the record's id in its type's trash namespace, see
// namespaces.h) is staged by the repository in the same store transaction as the tombstone
// that replaces a live record, however it was deleted: Repository::Remove, a pulled
// tombstone applied by sync, a mass delete the user confirmed (os/sync/delete_guard.h).
// Storing the record live again (Repository::Restore, a save under its id, a live version
// pulled from the server) erases the entry in the same transaction, so an entry exists only
// while the record is a tombstone, and holds what it was just before.
//
// Typed access (listing, restoring) is on Repository<M>; this file holds the entry format
// and the purge, which needs no type.
//
// Age is counted on the monotonic device clock (hal::Clock::now()), never on the RTC: an
// RTC reset to 2001 by a battery pull and then set right would make every entry look 25
// years old and empty the trash at once. (A device clock behind an entry's stamp, as in an
// emulator started afresh on a kept flash image, only keeps the entry longer.)
//
// Who purges: the Device, at boot and once a day of device time (os/kernel/device.h).
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "hal/clock.h"
#include "os/pim/status.h"
#include "os/storage/store.h"
#include "proto/pim.pb.h"

namespace swivel::os::pim {

inline constexpr hal::Duration kTrashKeep = std::chrono::hours(24 * 30);

// Appends the entry for `content` (the serialized last live version of the record stored
// under `key` in `record_namespace`), deleted now. Nothing when the entry would be too large
// to store: the delete then goes ahead without it rather than failing.
void StageTrashEntry(uint8_t record_namespace, const storage::Key& key, std::string content,
                     const hal::Clock& clock, std::vector<storage::Change>* out);

// kNotFound; kCorrupt when the stored entry does not parse.
Status ReadTrashEntry(storage::Store& store, uint8_t record_namespace, const storage::Key& key,
                      ::swivel::pim::TrashEntry* out);

class Trash {
 public:
  Trash(storage::Store& store, const hal::Clock& clock) : store_(store), clock_(clock) {}

  // Erases, in one transaction, every entry of every type deleted at least kTrashKeep ago.
  // `purged` (optional) gets how many went. An entry that cannot be read is left alone and
  // the call returns kCorrupt once the others are purged.
  Status Purge(size_t* purged = nullptr);
  // Entries of every type, from the store's index (nothing is read).
  size_t Count() const;

 private:
  storage::Store& store_;
  const hal::Clock& clock_;
};

}  // namespace swivel::os::pim
