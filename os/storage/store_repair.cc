// Repair after corruption: set a key back to its previous state when that is still on flash.
//
// The newest value of a key failed its checks on every try. Older transactions that wrote
// the key may still sit in blocks garbage collection has not erased yet (and a cut between
// a GC copy and the erase of its victim leaves an identical older copy). The previous state
// is the newest of those entries: an older value if it reads whole, or the key's absence if
// it was an erase. Committing it again makes it current and durable. Why not return it
// from the failing Get: the caller must learn that the newest value is gone (Get says
// kCorrupt); the record's revision tells sync it went back, and the server's copy restores
// the newest one.
#include <cstdint>

#include "os/storage/store.h"

namespace swivel::os::storage {

Status Store::Repair(const IndexKey& key) {
  const auto current = index_.find(key);
  if (current == index_.end() || current->second.entry.op != RecordOp::kPut)
    return Status::kCorrupt;  // chunks of older large values are dropped: nothing to go back to
  const LogScan scan = ScanLog(flash_);  // what a mount would see
  if (scan.status != Status::kOk) {
    if (scan.status == Status::kPowerLost) dead_ = true;
    return scan.status;
  }
  // The current transaction, then the newest entry of the key written before it. (A scan
  // that reads the damaged frame itself drops its transaction: then every one it keeps is
  // older.)
  uint64_t current_id = UINT64_MAX;
  for (const auto& t : scan.transactions)
    if (t.pages == *current->second.pages) current_id = t.id;
  const CommittedTransaction* where = nullptr;
  const Entry* previous = nullptr;
  for (const auto& t : scan.transactions) {
    if (t.id >= current_id) break;  // oldest first
    for (const Entry& e : t.entries)
      if (e.ns == key.first && e.key == key.second) where = &t, previous = &e;
  }
  if (!previous || previous->op == RecordOp::kLargePut) return Status::kCorrupt;
  Change change{previous->op, key.first, key.second, {}};
  if (previous->op == RecordOp::kPut) {
    Status s = Status::kCorrupt;
    for (int attempt = 0; attempt < kReadTries && s == Status::kCorrupt; ++attempt)
      s = ReadValue(flash_, where->pages, *previous, &change.value);
    if (s == Status::kPowerLost) dead_ = true;
    if (s != Status::kOk) return s;
  }
  uint64_t frames = 0;
  const Status s = Write({&change, 1}, /*use_reserve=*/false, &frames);
  if (s != Status::kOk) return s;
  ++stats_.repairs;
  stats_.frames_written += frames;
  return Status::kOk;
}

}  // namespace swivel::os::storage
