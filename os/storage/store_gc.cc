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

std::optional<uint32_t> Store::PickVictim() const {
  const auto open = writer_.open_block();
  std::optional<uint32_t> best;
  for (uint32_t b : log_order_)
    if (b != open && (!best || live_[b] < live_[*best])) best = b;
  return best;
}

Status Store::MakeRoom(uint64_t pages) {
  const auto& g = flash_.geometry();
  for (uint32_t round = 0; writer_.free_pages() < pages; ++round) {
    const auto victim = PickVictim();
    if (!victim || round > g.block_count) return Status::kFull;
    if (Status s = Collect(*victim, /*require_gain=*/true); s != Status::kOk) return s;
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
  const Status s = Collect(oldest, /*require_gain=*/false);
  return s == Status::kFull ? Status::kOk : s;  // no room to move it now: try next time
}

Status Store::Collect(uint32_t victim, bool require_gain) {
  const auto& g = flash_.geometry();
  const bool oldest = victim == log_order_.front();
  std::vector<Change> copies;
  for (const auto& [key, slot] : index_) {
    if (!Touches(slot, victim)) continue;
    Change c{RecordOp::kPut, key.first, key.second, {}};
    Status s = Status::kCorrupt;
    for (int attempt = 0; attempt < 3 && s == Status::kCorrupt; ++attempt)  // read flips pass
      s = ReadValue(flash_, *slot.pages, slot.entry, &c.value);
    if (s == Status::kPowerLost) dead_ = true;
    if (s != Status::kOk) return s;  // never erase a block holding a value we cannot copy
    copies.push_back(std::move(c));
  }
  for (auto it = tombstones_.begin(); it != tombstones_.end();) {
    if (!Touches(it->second, victim)) {
      ++it;
    } else if (oldest) {
      Charge(it->second, -1);
      it = tombstones_.erase(it);
    } else {
      copies.push_back({RecordOp::kErase, it->first.first, it->first.second, {}});
      ++it;
    }
  }
  // Making room is worth it only if the copies take fewer pages than the victim frees.
  const auto frames = PackTransaction(copies, FramePayloadCapacity(g.page_size)).size();
  if (require_gain && frames >= g.pages_per_block) return Status::kFull;
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
