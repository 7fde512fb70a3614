// Garbage collection: copy the live records of one block forward, then erase it.
//
// Why it never brings deleted data back: copies are new transactions, so they carry newer
// sequences than every stale copy left behind; an erase record that is still the latest
// word on its key is copied like live data, and dropped only from the oldest block of the
// log, where no older put of its key can exist. A cut before the copy commits leaves the
// victim whole; a cut during its erase leaves a block that is either ignored (page 0 no
// longer a frame) or replays only records that newer ones override.
#include <algorithm>

#include "os/storage/frame.h"
#include "os/storage/store.h"

namespace swivel::os::storage {

size_t Store::CopyFrames(uint32_t victim) const {
  const bool oldest = victim == log_order_.front();
  std::vector<uint32_t> sizes;
  for (const IndexKey& key : dependents_[victim]) {
    if (auto put = index_.find(key); put != index_.end()) sizes.push_back(put->second.entry.value_size);
    else if (!oldest) sizes.push_back(0);  // an erase record that must move on
  }
  return CountFrames(sizes, FramePayloadCapacity(flash_.geometry().page_size));
}

Status Store::MakeRoom(uint64_t pages) {
  const auto& g = flash_.geometry();
  while (writer_.free_pages() < pages) {
    // The emptiest blocks first; a block is worth collecting only if moving what depends on
    // it takes fewer pages than it frees.
    std::vector<uint32_t> candidates;
    for (uint32_t b : log_order_)
      if (b != writer_.open_block()) candidates.push_back(b);
    std::sort(candidates.begin(), candidates.end(),
              [&](uint32_t a, uint32_t b) { return live_[a] < live_[b]; });
    const auto victim = std::find_if(candidates.begin(), candidates.end(), [&](uint32_t b) {
      return CopyFrames(b) < g.pages_per_block;
    });
    if (victim == candidates.end()) return Status::kFull;
    if (Status s = Collect(*victim); s != Status::kOk) return s;
  }
  return LevelWear();
}

Status Store::LevelWear() {
  // Static wear levelling: cold data must not pin a little-worn block forever. Moving the
  // oldest block frees nothing, so it is a move of its own, at most one per commit.
  if (log_order_.empty()) return Status::kOk;
  const uint32_t oldest = log_order_.front();
  if (oldest == writer_.open_block()) return Status::kOk;
  uint32_t most_worn = 0;
  for (uint32_t b = 0; b < flash_.geometry().block_count; ++b)
    most_worn = std::max(most_worn, writer_.erase_count(b));
  if (writer_.erase_count(oldest) + options_.wear_threshold >= most_worn) return Status::kOk;
  if (CopyFrames(oldest) > writer_.free_pages(/*include_reserve=*/true)) return Status::kOk;
  return Collect(oldest);
}

Status Store::Collect(uint32_t victim) {
  const bool oldest = victim == log_order_.front();
  std::vector<Change> copies;
  const std::vector<IndexKey> dependents(dependents_[victim].begin(), dependents_[victim].end());
  for (const IndexKey& key : dependents) {
    if (auto put = index_.find(key); put != index_.end()) {
      Change c{RecordOp::kPut, key.first, key.second, {}};
      Status s = Status::kCorrupt;
      for (int attempt = 0; attempt < 3 && s == Status::kCorrupt; ++attempt)  // flips pass
        s = ReadValue(flash_, *put->second.pages, put->second.entry, &c.value);
      if (s == Status::kPowerLost) dead_ = true;
      if (s != Status::kOk) return s;  // never erase a block holding a value we cannot copy
      copies.push_back(std::move(c));
    } else if (auto erased = tombstones_.find(key); erased != tombstones_.end()) {
      if (oldest) {
        Charge(key, erased->second, -1);
        tombstones_.erase(erased);
      } else {
        copies.push_back({RecordOp::kErase, key.first, key.second, {}});
      }
    }
  }
  if (!copies.empty()) {
    uint64_t written = 0;
    if (Status s = Write(copies, /*use_reserve=*/true, &written); s != Status::kOk) return s;
    stats_.gc_frames_written += written;
  }
  const Status s = writer_.Recycle(victim);
  if (s == Status::kPowerLost) dead_ = true;
  if (s != Status::kOk) return s;
  log_order_.erase(std::find(log_order_.begin(), log_order_.end(), victim));
  live_[victim] = 0;
  ++stats_.gc_runs;
  return Status::kOk;
}

}  // namespace swivel::os::storage
