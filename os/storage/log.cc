#include "os/storage/log.h"

#include <algorithm>
#include <numeric>

#include "os/storage/frame.h"

namespace swivel::os::storage {
namespace {

Status FromFlash(hal::FlashStatus s) {
  switch (s) {
    case hal::FlashStatus::kOk: return Status::kOk;
    case hal::FlashStatus::kPowerLost: return Status::kPowerLost;
    default: return Status::kIoError;
  }
}

struct ScannedFrame {
  FrameHeader header;
  uint64_t page;
  std::vector<uint8_t> payload;
};

// Appends every frame of `block` (which starts with `first`) to `frames`. Garbage pages
// (torn programs) are skipped. Reads every page: a resumed block has an erased-looking page
// before its newer frames. `last_used` gets the index of the last page that is not erased.
Status ScanBlock(hal::Flash& flash, uint32_t block, const DecodedFrame& first,
                 std::vector<uint8_t>& page, std::vector<ScannedFrame>& frames,
                 uint64_t& pages_read, uint32_t& last_used) {
  const auto& g = flash.geometry();
  const uint64_t base = uint64_t(block) * g.pages_per_block;
  frames.push_back({first.header, base, {first.payload.begin(), first.payload.end()}});
  for (uint32_t p = 1; p < g.pages_per_block; ++p) {
    const auto s = flash.read(base + p, 0, page);
    if (s != hal::FlashStatus::kOk) return FromFlash(s);
    ++pages_read;
    DecodedFrame f;
    const auto kind = DecodeFrame(page, &f);
    if (kind == PageKind::kErased) continue;
    last_used = p;
    if (kind == PageKind::kFrame)
      frames.push_back({f.header, base + p, {f.payload.begin(), f.payload.end()}});
  }
  return Status::kOk;
}

}  // namespace

std::vector<Entry> LocateEntries(std::span<const std::span<const uint8_t>> payloads) {
  std::vector<Entry> entries;
  for (size_t k = 0; k < payloads.size(); ++k) {
    const auto records = ParseRecords(payloads[k]);  // assembled: every payload parses
    for (const Record& r : records.value())
      if (r.op != RecordOp::kPart)
        entries.push_back({r.op, r.ns, r.key, r.value_size, uint32_t(k),
                           uint32_t(r.bytes.data() - kRecordHeaderSize - payloads[k].data())});
  }
  return entries;
}

namespace {

// Finds the committed transactions among frames sorted by sequence.
std::vector<CommittedTransaction> Committed(const std::vector<ScannedFrame>& frames,
                                            bool keep_values) {
  std::vector<CommittedTransaction> out;
  for (size_t i = 0; i < frames.size();) {
    const uint64_t id = frames[i].header.transaction;
    size_t end = i;  // one past the transaction's last consecutive frame
    bool committed = false;
    if (frames[i].header.sequence == id) {
      while (end < frames.size() && frames[end].header.transaction == id &&
             frames[end].header.sequence == id + (end - i)) {
        committed = frames[end++].header.commit;
        if (committed) break;
      }
    }
    if (!committed) {
      i = std::max(end, i + 1);
      continue;
    }
    std::vector<std::span<const uint8_t>> payloads;
    CommittedTransaction t{id, {}, {}, {}};
    for (size_t k = i; k < end; ++k) {
      payloads.emplace_back(frames[k].payload);
      t.pages.push_back(frames[k].page);
    }
    // A frame set that passed every CRC but does not assemble was not written by this
    // store's rules: it is not taken as data.
    if (auto changes = AssembleTransaction(payloads)) {
      t.entries = LocateEntries(payloads);
      if (keep_values) t.changes = std::move(*changes);
      out.push_back(std::move(t));
    }
    i = end;
  }
  return out;
}

}  // namespace

LogScan ScanLog(hal::Flash& flash, bool keep_values) {
  const auto& g = flash.geometry();
  LogScan scan;
  scan.erase_counts.assign(g.block_count, 0);
  std::vector<uint8_t> page(g.page_size);
  std::vector<ScannedFrame> frames;
  std::vector<std::pair<uint64_t, uint32_t>> starts;  // first sequence, block
  std::vector<uint32_t> last_used(g.block_count, 0);

  for (uint32_t b = 0; b < g.block_count; ++b) {
    if (flash.is_bad(b)) continue;
    const auto s = flash.read(uint64_t(b) * g.pages_per_block, 0, page);
    if (s != hal::FlashStatus::kOk) {
      scan.status = FromFlash(s);
      return scan;
    }
    ++scan.pages_read;
    DecodedFrame first;
    if (DecodeFrame(page, &first) != PageKind::kFrame) {
      scan.free_blocks.push_back(b);
      continue;
    }
    starts.emplace_back(first.header.sequence, b);
    scan.erase_counts[b] = first.header.erase_count;
    if (auto st = ScanBlock(flash, b, first, page, frames, scan.pages_read, last_used[b]);
        st != Status::kOk) {
      scan.status = st;
      return scan;
    }
  }

  std::sort(starts.begin(), starts.end());
  for (auto [seq, b] : starts) scan.log_blocks.push_back(b);
  if (!starts.empty()) {
    const uint32_t newest = starts.back().second;
    if (last_used[newest] + 2 < g.pages_per_block)
      scan.resume = std::pair{newest, last_used[newest] + 2};
  }
  std::sort(frames.begin(), frames.end(), [](const ScannedFrame& a, const ScannedFrame& b) {
    return a.header.sequence < b.header.sequence;
  });
  // Skip one sequence past the highest seen: the frame after it may have been torn, and a
  // torn page must never share a sequence with a new one.
  if (!frames.empty()) scan.next_sequence = frames.back().header.sequence + 2;
  scan.transactions = Committed(frames, keep_values);
  return scan;
}

Status ReadValue(hal::Flash& flash, std::span<const uint64_t> pages, const Entry& entry,
                 std::vector<uint8_t>* value) {
  std::vector<uint8_t> page(flash.geometry().page_size);
  value->clear();
  for (uint32_t k = entry.frame; k < pages.size(); ++k) {
    if (auto s = flash.read(pages[k], 0, page); s != hal::FlashStatus::kOk) return FromFlash(s);
    DecodedFrame f;
    if (DecodeFrame(page, &f) != PageKind::kFrame) return Status::kCorrupt;
    const size_t at = k == entry.frame ? entry.offset : 0;
    if (at > f.payload.size()) return Status::kCorrupt;
    const auto records = ParseRecords(f.payload.subspan(at));
    if (!records || records->empty()) return Status::kCorrupt;
    const Record& r = records->front();
    const RecordOp expected = k == entry.frame ? RecordOp::kPut : RecordOp::kPart;
    if (r.op != expected || r.ns != entry.ns || r.key != entry.key ||
        r.value_size != entry.value_size || r.offset != value->size())
      return Status::kCorrupt;
    value->insert(value->end(), r.bytes.begin(), r.bytes.end());
    if (value->size() == entry.value_size) return Status::kOk;
  }
  return Status::kCorrupt;  // the transaction ended before the value did
}

LogWriter::LogWriter(hal::Flash& flash, const LogScan& scan, uint32_t reserve_blocks)
    : flash_(flash), reserve_(reserve_blocks), next_sequence_(scan.next_sequence),
      free_(scan.free_blocks), clean_(flash.geometry().block_count, false),
      erase_counts_(scan.erase_counts) {
  if (scan.resume) {
    has_open_ = true;
    open_block_ = scan.resume->first;
    next_page_ = scan.resume->second;
  }
}

uint64_t LogWriter::free_pages(bool include_reserve) const {
  const auto& g = flash_.geometry();
  const int64_t open = has_open_ ? g.pages_per_block - next_page_ : 0;
  // A reserve that garbage collection dipped into (a power cut mid-collection) counts
  // against the open block: ordinary writes wait until collections have restored it.
  const int64_t spare = int64_t(free_.size()) - int64_t(include_reserve ? 0 : reserve_);
  return uint64_t(std::max<int64_t>(0, open + spare * int64_t(g.pages_per_block)));
}

std::optional<uint32_t> LogWriter::open_block() const {
  if (!has_open_) return std::nullopt;
  return open_block_;
}

std::optional<uint32_t> LogWriter::most_worn_free() const {
  if (free_.empty()) return std::nullopt;
  return *std::max_element(free_.begin(), free_.end(), [&](uint32_t a, uint32_t b) {
    return erase_counts_[a] < erase_counts_[b];
  });
}

Status LogWriter::Recycle(uint32_t block) {
  if (has_open_ && block == open_block_) has_open_ = false;
  const auto s = flash_.erase(block);
  if (s == hal::FlashStatus::kBadBlock) return Status::kOk;  // worn out: retired for good
  if (s != hal::FlashStatus::kOk) return FromFlash(s);
  ++erase_counts_[block];
  clean_[block] = true;
  free_.push_back(block);
  return Status::kOk;
}

Status LogWriter::OpenBlock(bool use_reserve, bool cold) {
  while (free_.size() > (use_reserve ? 0 : reserve_)) {
    // Dynamic wear levelling: the least worn free block goes first, unless the data is cold.
    const auto by_wear = [&](uint32_t a, uint32_t b) { return erase_counts_[a] < erase_counts_[b]; };
    auto it = cold ? std::find(free_.begin(), free_.end(), *most_worn_free())
                   : std::min_element(free_.begin(), free_.end(), by_wear);
    const uint32_t block = *it;
    free_.erase(it);
    if (!clean_[block]) {
      const auto s = flash_.erase(block);
      if (s == hal::FlashStatus::kBadBlock) continue;  // worn out: retired, try another
      if (s != hal::FlashStatus::kOk) return FromFlash(s);
      ++erase_counts_[block];
    }
    clean_[block] = false;
    has_open_ = true;
    open_block_ = block;
    next_page_ = 0;
    return Status::kOk;
  }
  return Status::kFull;
}

Status LogWriter::Append(std::span<const std::vector<uint8_t>> payloads,
                         std::vector<uint64_t>* pages, bool use_reserve, bool cold) {
  if (payloads.size() > free_pages(use_reserve)) return Status::kFull;
  const auto& g = flash_.geometry();
  const uint64_t transaction = next_sequence_;
  for (size_t k = 0; k < payloads.size(); ++k) {
    for (;;) {
      if (!has_open_ || next_page_ == g.pages_per_block) {
        // Ran out mid-transaction only if blocks went bad on the way: the frames written
        // so far have no commit frame, so they never count.
        if (auto s = OpenBlock(use_reserve, cold); s != Status::kOk) return s;
      }
      const FrameHeader header{k + 1 == payloads.size(), next_sequence_, transaction,
                               erase_counts_[open_block_]};
      const uint64_t page = uint64_t(open_block_) * g.pages_per_block + next_page_++;
      const auto s = flash_.program(page, EncodeFrame(header, payloads[k], g.page_size));
      if (s == hal::FlashStatus::kOk) {
        ++next_sequence_;
        if (pages) pages->push_back(page);
        break;
      }
      if (s != hal::FlashStatus::kBadBlock) return FromFlash(s);
      has_open_ = false;  // the block went bad: the same frame goes to a fresh block
    }
  }
  return Status::kOk;
}

}  // namespace swivel::os::storage
