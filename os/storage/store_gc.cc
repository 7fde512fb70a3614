// Garbage collection: copy the live records of one block forward, then erase it.
//
// Why it never brings deleted data back: copies are new transactions, so they carry newer
// sequences than every stale copy left behind; an erase record that is still the latest
// word on its key is copied like live data, and dropped only from the oldest block of the
// log, where no older put of its key can exist. A cut before the copy commits leaves the
// victim whole; a cut during its erase leaves a block that is either ignored (page 0 no
// longer a frame) or replays only records that newer ones override.
#include <algorithm>
#include <span>
#include <vector>

#include "os/storage/frame.h"
#include "os/storage/store.h"
#include "os/storage/summary.h"

namespace swivel::os::storage {
namespace {

// Splits copies (by value size, in order) into transactions of one frame each; a value too
// large for one frame gets a transaction of its own. Why not one transaction for the whole
// collection: a transaction counts only while all its frames exist, so collecting any block
// a copy batch landed in would have to move the whole batch again. Batches spanning blocks
// snowball that way and glue cold data to hot blocks, which defeats wear levelling.
// Returns where each batch ends; `frames` gets the pages they take in all.
std::vector<size_t> CopyBatches(std::span<const uint32_t> sizes, size_t capacity,
                                size_t* frames) {
  std::vector<size_t> ends;
  *frames = 0;
  size_t begin = 0;
  for (size_t i = 0; i < sizes.size(); ++i) {
    if (i > begin && CountFrames(sizes.subspan(begin, i + 1 - begin), capacity) > 1) {
      ends.push_back(i);
      *frames += CountFrames(sizes.subspan(begin, i - begin), capacity);
      begin = i;
    }
  }
  if (begin < sizes.size()) {
    ends.push_back(sizes.size());
    *frames += CountFrames(sizes.subspan(begin), capacity);
  }
  return ends;
}

}  // namespace

size_t Store::CopyFrames(uint32_t victim) const {
  const bool oldest = victim == log_order_.front();
  std::vector<uint32_t> sizes;
  for (const IndexKey& key : dependents_[victim]) {
    if (auto put = index_.find(key); put != index_.end()) sizes.push_back(put->second.entry.value_size);
    else if (!oldest) sizes.push_back(0);  // an erase record that must move on
  }
  const auto& g = flash_.geometry();
  size_t frames = 0;
  const auto ends = CopyBatches(sizes, FramePayloadCapacity(g.page_size), &frames);
  // Their share of block summaries: one frame line per frame, one entry line per record.
  const size_t summary = frames * SummaryBytesOf(0) + sizes.size() * (SummaryBytesOf(1) - SummaryBytesOf(0));
  return frames + SummaryPages(summary, g.page_size) + (ends.empty() ? 0 : 1);
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
  // Static wear levelling: cold data must not pin a little-worn block forever. The least
  // worn block holding data is moved onto the most worn free block, where the cold data
  // lets it rest, once the two differ by the threshold. Moving it to any less worn block
  // would only pin that one instead. It frees nothing, so it is a move of its own, at most
  // one per commit.
  const auto dest = writer_.most_worn_free();
  if (!dest) return Status::kOk;
  std::optional<uint32_t> victim;
  for (uint32_t b : log_order_)
    if (b != writer_.open_block() && (!victim || writer_.erase_count(b) < writer_.erase_count(*victim)))
      victim = b;
  if (!victim || writer_.erase_count(*victim) + options_.wear_threshold >= writer_.erase_count(*dest))
    return Status::kOk;
  if (CopyFrames(*victim) > writer_.free_pages(/*include_reserve=*/true)) return Status::kOk;
  ++stats_.wear_moves;
  return Collect(*victim, /*cold=*/true);
}

Status Store::Collect(uint32_t victim, bool cold) {
  const bool oldest = victim == log_order_.front();
  std::vector<Change> copies;
  const std::vector<IndexKey> dependents(dependents_[victim].begin(), dependents_[victim].end());
  for (const IndexKey& key : dependents) {
    if (auto put = index_.find(key); put != index_.end()) {
      Change c{put->second.entry.op, key.first, key.second, {}};  // a manifest stays one
      Status s = Status::kCorrupt;
      for (int attempt = 0; attempt < kReadTries && s == Status::kCorrupt; ++attempt)
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
  std::vector<uint32_t> sizes;
  for (const Change& c : copies) sizes.push_back(uint32_t(c.value.size()));
  size_t frames = 0, begin = 0;
  for (size_t end : CopyBatches(sizes, FramePayloadCapacity(flash_.geometry().page_size), &frames)) {
    uint64_t written = 0;
    const std::span batch(copies.data() + begin, end - begin);
    if (Status s = Write(batch, /*use_reserve=*/true, &written, cold); s != Status::kOk) return s;
    stats_.gc_frames_written += written;
    begin = end;
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
