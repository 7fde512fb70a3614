#pragma once
// Where the PIM repositories keep their records in the store (os/storage). Namespaces are
// part of the on-flash format: never renumber or reuse one.
//
//   ns     holds                       key          value
//   1..5   records of one type         record id    the serialized message (tombstones too)
//   17..21 merge bases of that type    record id    the last version both sides agreed on:
//                                                   a swivel.sync.Record (os/sync)
//   32     drafts (os/kernel/drafts.h) app id       what the user was typing, app-defined
//   40     sync state (os/sync)        fixed keys   DeviceAccount, DeviceCursor
//   44     photo bytes (blob_store.h)  sha256[0..12) a part of 64 KiB, or (index 0xFFFFFFFF)
//                                      + part index  the header: sha256, size; held = header
//   45     photo bytes to download     sha256[0..16) sha256 (32 bytes), size (8 bytes LE):
//          (os/sync/blob_ledger.h)                  a pulled photo names them, not held here
//   46     photos to push again        photo id     empty: the server lacked their bytes
//          (os/sync/blob_ledger.h)                  (BLOB_MISSING) and they are not dirty
//   49..53 trash of that type          record id    swivel.pim.TrashEntry: the last live
//          (os/pim/trash.h)                         version of a deleted record and when it
//                                                   was deleted, kept 30 days to restore it
//   57..61 held deletes of that type   record id    a pulled tombstone (swivel.sync.Record)
//          (os/sync/delete_guard.h)                 for a record still live here, waiting
//                                                   for the user to confirm a mass delete
//   65..69 dirty set of that type      record id    revision to sync, 8 bytes little-endian
//   129..133 removed records of a type record id    empty: marks the record as a tombstone,
//                                                   so counts need no record reads
//   255    the store's own (chunks of large values)
//
// A dirty mark lives in a namespace of its own (record ns + 0x40) rather than inside the
// record, so that the sync agent can list what to send without reading every record, and
// clear a mark without rewriting the record. Both are written in the same transaction.
// So are a tombstone, its removed marker and its trash entry (and, when the record is
// saved live again, the erasure of the marker and the entry).
#include <cstdint>

namespace swivel::os::pim {

inline constexpr uint8_t kContactsNamespace = 1;
inline constexpr uint8_t kEventsNamespace = 2;
inline constexpr uint8_t kTasksNamespace = 3;
inline constexpr uint8_t kNotesNamespace = 4;
inline constexpr uint8_t kPhotosNamespace = 5;

inline constexpr uint8_t kDraftsNamespace = 32;
inline constexpr uint8_t kSyncStateNamespace = 40;
inline constexpr uint8_t kBlobsNamespace = 44;
inline constexpr uint8_t kWantedBlobsNamespace = 45;
inline constexpr uint8_t kRepushNamespace = 46;
inline constexpr uint8_t kBaseNamespaceOffset = 16;
constexpr uint8_t BaseNamespace(uint8_t record_namespace) {
  return uint8_t(record_namespace + kBaseNamespaceOffset);
}
inline constexpr uint8_t kTrashNamespaceOffset = 48;
constexpr uint8_t TrashNamespace(uint8_t record_namespace) {
  return uint8_t(record_namespace + kTrashNamespaceOffset);
}
inline constexpr uint8_t kHeldNamespaceOffset = 56;
constexpr uint8_t HeldNamespace(uint8_t record_namespace) {
  return uint8_t(record_namespace + kHeldNamespaceOffset);
}
inline constexpr uint8_t kDirtyNamespaceOffset = 0x40;
constexpr uint8_t DirtyNamespace(uint8_t record_namespace) {
  return uint8_t(record_namespace + kDirtyNamespaceOffset);
}
inline constexpr uint8_t kRemovedNamespaceOffset = 0x80;
constexpr uint8_t RemovedNamespace(uint8_t record_namespace) {
  return uint8_t(record_namespace + kRemovedNamespaceOffset);
}

}  // namespace swivel::os::pim
