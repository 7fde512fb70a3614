#pragma once
// Store: namespaced key/value records on raw flash, in atomic transactions.
//
// Durability contract (so far): a Commit that returned kOk survives any later power cut;
// one that returned anything else is, after the next mount, entirely there or entirely
// absent. After kPowerLost the store refuses every call until it is mounted again.
//
// The index (namespace, key) -> location lives in RAM and is rebuilt at mount from the
// block summaries (and a page-by-page scan of blocks without one). When free space runs
// short, garbage collection copies the live records of the block with the least live data
// forward and erases it (store_gc.cc), at most one block per page a commit needs.
//
// Large values (store_chunks.cc): a value of more than kInlineFrames frames is written as
// chunks of one frame each, each a record of its own in namespace 255 under (version,
// index), before the transaction that commits a small manifest (a kLargePut record) under
// the value's own key. Garbage collection then moves chunks one at a time. Chunks that no
// manifest names (an overwritten value, or a commit cut short) are dropped from the index,
// at once and again at every mount.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <memory>
#include <span>
#include <utility>
#include <vector>

#include "hal/flash.h"
#include "os/storage/log.h"
#include "os/storage/record.h"
#include "os/storage/status.h"

namespace swivel::os::storage {

inline constexpr uint8_t kChunkNamespace = 255;  // the store's own: chunks of large values
inline constexpr uint32_t kInlineFrames = 8;     // larger values are written as chunks
inline constexpr int kReadTries = 3;  // a read failing its checks this often is corruption

struct StoreOptions {
  uint32_t reserve_blocks = 2;  // kept free for garbage collection
  // Static wear levelling: when the oldest block has been erased this many times fewer
  // than the most worn block, it is collected (its cold data moves) instead of the
  // emptiest one.
  uint32_t wear_threshold = 16;
};

// Since mount. Write amplification: pages_programmed() * page size / user_bytes.
struct StoreStats {
  uint64_t commits = 0;
  uint64_t user_bytes = 0;       // value bytes committed
  uint64_t frames_written = 0;   // pages programmed by commits (chunks and repairs too)
  uint64_t mount_pages_read = 0;
  uint64_t gc_runs = 0;
  uint64_t gc_frames_written = 0;  // pages programmed to copy live data forward
  uint64_t wear_moves = 0;         // collections made to move cold data (of gc_runs)
  uint64_t summary_pages = 0;      // block summary pages programmed (since mount)
  uint64_t repairs = 0;            // keys set back to their previous state after corruption
  uint64_t erases = 0;             // blocks erased
  uint64_t pages_programmed() const { return frames_written + gc_frames_written + summary_pages; }
};

class Store {
 public:
  // Mounts the store on `flash`, recovering from whatever a power cut left. Nothing when
  // flash fails during the mount; `status` says why.
  static std::unique_ptr<Store> Mount(hal::Flash& flash, Status* status,
                                      StoreOptions options = {});

  // Applies every change or none. kInvalid for namespace 255.
  Status Commit(std::span<const Change> changes);
  Status Put(uint8_t ns, const Key& key, std::span<const uint8_t> value);
  Status Erase(uint8_t ns, const Key& key);
  // kNotFound, kCorrupt (flash no longer holds what was written: a read error, never data).
  // A read that fails its checks is tried again (read disturbances pass). When it keeps
  // failing, the store also repairs the key (store_repair.cc): if the key's previous state
  // (an older value, or its absence) is still on flash and reads whole, it is committed
  // again, so later reads find it, and sync, comparing revisions, can restore the newest.
  Status Get(uint8_t ns, const Key& key, std::vector<uint8_t>* value);
  bool Contains(uint8_t ns, const Key& key) const;
  // Every key of `ns` in key order, with its value's size.
  void ForEach(uint8_t ns, const std::function<void(const Key&, uint32_t size)>& visit) const;
  // The same, starting after `after` (at the first key when there is none) and stopping
  // when `visit` returns false: a walk that resumes or ends early costs the keys it visits,
  // not the whole namespace (a re-seed pushes a namespace a page at a time).
  void ForEachAfter(uint8_t ns, const std::optional<Key>& after,
                    const std::function<bool(const Key&, uint32_t size)>& visit) const;
  size_t Count(uint8_t ns) const;

  const StoreStats& stats() const {
    stats_.summary_pages = writer_.summary_pages_written();
    stats_.erases = writer_.erases();
    return stats_;
  }
  // Erase count of every block as the store knows it (from its frames; see ScanLog).
  uint32_t erase_count(uint32_t block) const { return writer_.erase_count(block); }

 private:
  struct Slot {
    std::shared_ptr<const std::vector<uint64_t>> pages;  // the transaction's frames
    Entry entry;
  };
  using IndexKey = std::pair<uint8_t, Key>;

  Store(hal::Flash& flash, const LogScan& scan, StoreOptions options);
  // Writes one transaction and indexes it; makes room first unless it is a GC copy
  // (`use_reserve`), which may dip into the reserve.
  Status Write(std::span<const Change> changes, bool use_reserve, uint64_t* frames,
               bool cold = false);
  // Indexes committed entries. A replaced large value's chunks are dropped, unless the
  // replacement is a GC copy of the same manifest (`copy`).
  void Apply(const std::shared_ptr<const std::vector<uint64_t>>& pages,
             std::span<const Entry> entries, bool copy = false);
  // Adds (sign +1) or removes (-1) a slot's bytes from the live count of its blocks, and
  // `key` from the dependents of every block holding a frame of its transaction.
  void Charge(const IndexKey& key, const Slot& slot, int sign);

  // Large values (store_chunks.cc).
  struct Large {
    uint64_t version = 0;  // names its chunks
    uint32_t size = 0;     // of the whole value
  };
  bool IsLarge(size_t size) const;
  // Writes the chunks of `change` (a large put) and turns it into its manifest.
  Status WriteChunks(Change& change, uint64_t* version);
  void DropChunks(uint64_t version);
  Status ReadLarge(const Slot& slot, std::vector<uint8_t>* value);
  // After replay: learns every manifest's version and drops chunks none names.
  Status LoadManifests();

  // Commits the newest older state of `key` found on flash, if it reads whole (see Get).
  Status Repair(const IndexKey& key);

  // Garbage collection (store_gc.cc).
  Status MakeRoom(uint64_t pages);       // collects until `pages` are free, then LevelWear
  Status LevelWear();
  // Pages needed to move everything that depends on `victim` (read from sizes only).
  size_t CopyFrames(uint32_t victim) const;
  // Copies what depends on the victim forward and erases it. `cold`: see LogWriter::Append.
  Status Collect(uint32_t victim, bool cold = false);

  hal::Flash& flash_;
  StoreOptions options_;
  LogWriter writer_;
  std::map<IndexKey, Slot> index_;
  // Erase records that are still the latest word on their key. A put of the key may sit
  // in an older block, so an erase record is copied forward by GC like live data, and
  // dropped only when its block is the oldest in the log.
  std::map<IndexKey, Slot> tombstones_;
  std::vector<uint32_t> log_order_;  // blocks holding the log, oldest first
  std::vector<int64_t> live_;        // per block: bytes of records still needed
  // Per block: keys (in index_ or tombstones_) whose transaction has a frame there. All of
  // them move when the block is collected, not only those whose bytes lie in it: a
  // transaction counts only while all its frames exist. Also keeps a collection's work
  // proportional to the victim, not to the store.
  std::vector<std::set<IndexKey>> dependents_;
  std::map<IndexKey, Large> large_;  // the large values, by their own key
  mutable StoreStats stats_;
  bool dead_ = false;  // power was lost: remount before use
};

}  // namespace swivel::os::storage
