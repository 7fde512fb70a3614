#pragma once
// Store: namespaced key/value records on raw flash, in atomic transactions.
//
// Durability contract (so far): a Commit that returned kOk survives any later power cut;
// one that returned anything else is, after the next mount, entirely there or entirely
// absent. After kPowerLost the store refuses every call until it is mounted again.
//
// The index (namespace, key) -> location lives in RAM and is rebuilt by scanning the log
// at mount. Not yet built: garbage collection (a full store stays full), the checkpoint
// that bounds mount time, fsck.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <utility>
#include <vector>

#include "hal/flash.h"
#include "os/storage/log.h"
#include "os/storage/record.h"
#include "os/storage/status.h"

namespace swivel::os::storage {

struct StoreOptions {
  uint32_t reserve_blocks = 2;  // kept free for garbage collection
};

struct StoreStats {
  uint64_t commits = 0;
  uint64_t user_bytes = 0;       // value bytes committed
  uint64_t frames_written = 0;   // pages programmed by commits
  uint64_t mount_pages_read = 0;
};

class Store {
 public:
  // Mounts the store on `flash`, recovering from whatever a power cut left. Nothing when
  // flash fails during the mount; `status` says why.
  static std::unique_ptr<Store> Mount(hal::Flash& flash, Status* status,
                                      StoreOptions options = {});

  // Applies every change or none.
  Status Commit(std::span<const Change> changes);
  Status Put(uint8_t ns, const Key& key, std::span<const uint8_t> value);
  Status Erase(uint8_t ns, const Key& key);
  // kNotFound, kCorrupt (flash no longer holds what was written: a read error, never data).
  Status Get(uint8_t ns, const Key& key, std::vector<uint8_t>* value);
  bool Contains(uint8_t ns, const Key& key) const;
  // Every key of `ns` in key order, with its value's size.
  void ForEach(uint8_t ns, const std::function<void(const Key&, uint32_t size)>& visit) const;
  size_t Count(uint8_t ns) const;

  const StoreStats& stats() const { return stats_; }
  uint64_t free_pages() const { return writer_.free_pages(); }

 private:
  struct Slot {
    std::shared_ptr<const std::vector<uint64_t>> pages;  // the transaction's frames
    Entry entry;
  };
  using IndexKey = std::pair<uint8_t, Key>;

  Store(hal::Flash& flash, const LogScan& scan, StoreOptions options);
  void Apply(const std::shared_ptr<const std::vector<uint64_t>>& pages,
             std::span<const Entry> entries);

  hal::Flash& flash_;
  LogWriter writer_;
  std::map<IndexKey, Slot> index_;
  StoreStats stats_;
  bool dead_ = false;  // power was lost: remount before use
};

}  // namespace swivel::os::storage
