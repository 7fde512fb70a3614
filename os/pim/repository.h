#pragma once
// Repository<M>: the records of one PIM type (Contact, Event, Task, Note, Photo) in the
// store, with the change tracking sync needs.
//
// - A record lives under its 16-byte id (meta.id) in its type's namespace, serialized as
//   the protobuf message, unknown fields included.
// - Every local change (Save, Remove) bumps meta.revision and puts a dirty mark (id ->
//   that revision) in the same store transaction as the record, so after any power cut
//   the record and its mark agree: never a new record without its mark, or the reverse.
// - Remove keeps a tombstone (meta only, deleted = true) so the delete itself can sync.
//   Get returns a tombstone as it is (kOk, meta.deleted set); listings skip tombstones
//   unless asked for them.
// - The sync agent reads Dirty(), sends, then calls MarkSynced(id, revision), which clears
//   a mark only if the record was not changed again meanwhile. Records from the server go
//   in with ApplyRemote, which neither bumps the revision nor marks the record dirty.
//
// - A record that goes from live to a tombstone (Remove, or a tombstone from the server)
//   leaves its last live version in the trash (trash.h), in the same transaction; Restore
//   brings it back as a local change. ListTrash lists the trash of the type.
//
// Revisions are owned by the repository: Save sets stored revision + 1 and ignores the
// revision in the caller's copy, so two saves made from the same (stale) copy never share
// a revision. Timestamps (meta.modified_ms) come from the RTC and are for display only.
//
// After kPowerLost the store must be mounted again and the repository built anew on it.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "hal/clock.h"
#include "hal/random.h"
#include "os/pim/namespaces.h"
#include "os/pim/status.h"
#include "os/pim/trash.h"
#include "os/storage/store.h"
#include "proto/pim.pb.h"

namespace swivel::os::pim {

inline constexpr size_t kIdSize = 16;

// A record waiting to be sent: its id and the revision that made it dirty.
struct DirtyEntry {
  std::string id;
  uint64_t revision = 0;
  bool operator==(const DirtyEntry&) const = default;
};

enum class Listing { kLive, kWithDeleted };

// A deleted record in the trash (trash.h).
template <typename M>
struct Trashed {
  M record;                  // its last live version, meta as it was then
  hal::TimePoint deleted_at;  // device time: the trash keeps it kTrashKeep from here
  int64_t deleted_ms = 0;    // the RTC then, for display
};

// The namespace of each record type (see namespaces.h).
template <typename M> struct RecordTraits;
template <> struct RecordTraits<::swivel::pim::Contact> {
  static constexpr uint8_t kNamespace = kContactsNamespace;
};
template <> struct RecordTraits<::swivel::pim::Event> {
  static constexpr uint8_t kNamespace = kEventsNamespace;
};
template <> struct RecordTraits<::swivel::pim::Task> {
  static constexpr uint8_t kNamespace = kTasksNamespace;
};
template <> struct RecordTraits<::swivel::pim::Note> {
  static constexpr uint8_t kNamespace = kNotesNamespace;
};
template <> struct RecordTraits<::swivel::pim::Photo> {
  static constexpr uint8_t kNamespace = kPhotosNamespace;
};

template <typename M>
class Repository {
 public:
  using Message = M;
  static constexpr uint8_t kNamespace = RecordTraits<M>::kNamespace;
  static constexpr uint8_t kDirtyNamespace = DirtyNamespace(kNamespace);
  static constexpr uint8_t kRemovedNamespace = RemovedNamespace(kNamespace);
  static constexpr uint8_t kTrashNamespace = TrashNamespace(kNamespace);

  // `random` makes new ids; `clock` stamps meta.modified_ms. All three must outlive this.
  Repository(storage::Store& store, const hal::Clock& clock, hal::Random& random)
      : store_(store), clock_(clock), random_(random) {}

  // Stores `record` as a local change. An empty meta.id gets a fresh random one. On kOk,
  // meta.revision and meta.modified_ms hold what was stored. On failure they are put back
  // as they were, but an id assigned here stays, so retrying after a power cut updates
  // the record if the first attempt did land instead of creating a second one.
  // Saving under the id of a removed record brings it back, above the tombstone's revision.
  // kInvalidRecord: an id of another length than 16, meta.deleted set, or a record that
  // would not parse back (a string field holding invalid UTF-8).
  // kCorrupt: the stored record with this id cannot be read, so its revision is unknown.
  Status Save(M& record);

  // kNotFound, kCorrupt, kInvalidRecord (id not 16 bytes). A tombstone is returned with
  // kOk and meta.deleted set. `out` is left empty unless kOk.
  Status Get(std::string_view id, M* out);

  // Replaces the record with a tombstone: its meta with the revision bumped, modified_ms
  // now and deleted set; all other fields go. Removing a tombstone again is kOk and writes
  // nothing. kNotFound, kCorrupt, kInvalidRecord as for Get.
  Status Remove(std::string_view id);

  // Visits records in id order. Every readable record is visited; a record that cannot be
  // read is skipped and the call then returns kCorrupt. Stops at kPowerLost.
  Status ForEach(const std::function<void(const M&)>& visit, Listing which = Listing::kLive);
  Status List(std::vector<M>* out, Listing which = Listing::kLive);
  // Live (not deleted) records. Reads every record, as tombstones are only known by content.
  Status Count(size_t* out);
  // The same from the store's index alone (tombstones carry a marker written with them):
  // no record is read, so it is cheap enough for the Jump screen, but it cannot see
  // records that no longer read.
  size_t LiveCount() const {
    return store_.Count(kNamespace) - store_.Count(kRemovedNamespace);
  }

  // The dirty set in id order. Errors as for ForEach (an unreadable mark is skipped).
  Status Dirty(std::vector<DirtyEntry>* out);
  // Sync sent `revision` of record `id`: clears its dirty mark if that is still the
  // revision marked. kStale (the mark stays) when the record changed since; kOk when no
  // mark is left, including when there was none (an acknowledgement that arrived twice).
  Status MarkSynced(std::string_view id, uint64_t revision);
  // Stores a record as the server sent it: revision and modified_ms untouched, and the
  // record clean afterwards (any dirty mark is erased in the same transaction). The caller
  // has already resolved conflicts; a dirty local record is overwritten.
  // kInvalidRecord: an id that is not 16 bytes, or a record that would not parse back.
  Status ApplyRemote(const M& record);

  // The same two operations staged: what Save and ApplyRemote would commit is appended to
  // `out` instead, for the sync agent to commit in one transaction with its own state (a
  // pulled page and its anchor). StageLocal sets meta (id, revision, modified_ms) as Save
  // does; if the commit then fails, the caller drops `record`. Stage each record once per
  // transaction: the revision read here is the one stored before the commit.
  Status StageLocal(M& record, std::vector<storage::Change>* out);
  Status StageRemote(const M& record, std::vector<storage::Change>* out);

  // The trash of this type in id order. Errors as for ForEach (an entry that cannot be read
  // is skipped).
  Status ListTrash(std::vector<Trashed<M>>* out);
  // Brings a deleted record back from the trash as a local change: its last live version is
  // saved over its tombstone as Save would (the next revision, modified now, dirty, so it
  // syncs back up) and its trash entry erased, in one transaction. `restored` (optional)
  // gets what was stored. kNotFound when the trash holds nothing under `id`; kCorrupt when
  // the entry cannot be read.
  Status Restore(std::string_view id, M* restored = nullptr);

  // Runs after every local change is committed (Save, Remove, Restore, and a photo saved
  // with its bytes), never for records from the server: the device starts a sync with it.
  void set_on_local_change(std::function<void()> run) { on_local_change_ = std::move(run); }
  void LocalChangeCommitted() const {
    if (on_local_change_) on_local_change_();
  }
  // Records waiting to be sent, from the index alone (no record is read).
  size_t DirtyCount() const { return store_.Count(kDirtyNamespace); }

 private:
  // The stored record, checked: it parses and carries the id it is stored under.
  Status Read(const storage::Key& key, M* out);
  // Revision of the stored record (0 when there is none).
  Status StoredRevision(const storage::Key& key, uint64_t* revision);
  Status NewId(storage::Key* key);
  // One transaction: the record, and either a dirty mark with its revision or (for a
  // record from the server) the erasure of any mark; its removed marker and trash entry
  // follow whether it is a tombstone.
  Status Write(const storage::Key& key, const M& record, bool mark_dirty);
  Status Stage(const storage::Key& key, const M& record, bool mark_dirty,
               std::vector<storage::Change>* out);

  storage::Store& store_;
  const hal::Clock& clock_;
  hal::Random& random_;
  std::function<void()> on_local_change_;
};

extern template class Repository<::swivel::pim::Contact>;
extern template class Repository<::swivel::pim::Event>;
extern template class Repository<::swivel::pim::Task>;
extern template class Repository<::swivel::pim::Note>;
extern template class Repository<::swivel::pim::Photo>;

using ContactRepository = Repository<::swivel::pim::Contact>;
using EventRepository = Repository<::swivel::pim::Event>;
using TaskRepository = Repository<::swivel::pim::Task>;
using NoteRepository = Repository<::swivel::pim::Note>;
using PhotoRepository = Repository<::swivel::pim::Photo>;

}  // namespace swivel::os::pim
