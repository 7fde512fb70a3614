#pragma once
// The push and pull rules of proto/sync.proto as functions over the Store interface, with no
// transport: validation, the push decision, the pull page and the re-seed signal. One Sync
// request runs in one store transaction, and a request that fails validation (or names a
// record of another account) writes nothing.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "proto/sync.pb.h"
#include "server/status.h"
#include "server/store.h"

namespace swivel::server {

struct SyncLimits {
  size_t max_push_records = 1000;         // records in one push
  size_t max_payload_bytes = 256 * 1024;  // one record's payload
  // Pull page bounds: a request's max_records / max_bytes (0: the default) are capped here.
  uint32_t default_page_records = 500;
  uint32_t max_page_records = 1000;
  uint32_t default_page_bytes = 512 * 1024;
  // Under gRPC's default 4 MiB client receive limit, with room for push results.
  uint32_t max_page_bytes = 2 * 1024 * 1024;
  // Feed entries one pull looks at, counting the requesting device's own (skipped) changes,
  // so a pull after a large push of one's own costs a bounded amount too.
  size_t max_feed_scan = 10000;
};

// What one Sync did, for the server's log line.
struct SyncSummary {
  std::map<int, int> pushed_by_type;  // RecordType -> count
  std::map<int, int> pulled_by_type;
  int stored = 0, unchanged = 0, conflicts = 0, blob_missing = 0;
  size_t pulled_bytes = 0;
  size_t scanned = 0;  // feed entries looked at
  bool reseed = false;
  uint64_t anchor = 0, next_anchor = 0;
};

// "contact", "event", ... ("unknown" otherwise).
std::string_view RecordTypeName(int type);

// Checks one pushed record on its own: known type, 16-byte id, a base stamp that is empty or
// has a 16-byte epoch (and is there when base_unchanged is set), payload within limits that parses as the type's pim message with
// meta.id == id and meta.deleted == deleted, and a 32-byte sha256 on a live photo (returned
// in `photo_sha256`). `where` prefixes the error message.
Status ValidateRecord(const sync::Record& record, const SyncLimits& limits,
                      std::string_view where, std::string* photo_sha256);

// Checks a whole request before anything is read or written: the epoch (empty or 16 bytes,
// and an anchor only with an epoch), the push size, every record, and no id twice.
Status ValidateSyncRequest(const sync::SyncRequest& request, const SyncLimits& limits);

// Stamp A is an ancestor of (or equal to) B: same epoch and A.sequence <= B.sequence.
bool IsAncestorOrEqual(const Stamp& a, const Stamp& b);

// The push rule for one record that passed validation. `current` is the server's version
// (if any), `blob_complete` whether a live photo's blob is whole (true for other records).
sync::PushResult::Outcome DecidePush(const std::optional<StoredRecord>& current,
                                     const sync::Record& pushed, bool blob_complete);

// Whether a record that DecidePush stores keeps its base stamp instead of taking a new one:
// pushed with base_unchanged, its base from an epoch other than `epoch` (the server's), and
// the server's version missing or strictly older in that lineage.
bool KeepsBaseStamp(const sync::Record& pushed, std::string_view epoch,
                    const std::optional<StoredRecord>& current);

// Whether the request's epoch and anchor are not this server's (the device must re-seed).
bool ReseedNeeded(const sync::SyncRequest& request, std::string_view epoch, uint64_t sequence);

// The wire form of a stored record.
sync::Record ToWire(const StoredRecord& record);

// Runs one Sync for `device` of `account`: validate, then in one transaction push every
// record (unless a re-seed is needed) and read one pull page. Errors: INVALID_ARGUMENT for
// a malformed request, PERMISSION_DENIED for an id that belongs to another account; either
// way nothing is written. StoreError propagates.
Result<sync::SyncReply> RunSync(Store& store, AccountId account, std::string_view device,
                                const sync::SyncRequest& request, const SyncLimits& limits,
                                SyncSummary* summary = nullptr);

}  // namespace swivel::server
