#include "os/storage/log.h"

#include <algorithm>
#include <iterator>
#include <numeric>

#include "os/storage/frame.h"
#include "os/storage/summary.h"

namespace swivel::os::storage {
namespace {

Status FromFlash(hal::FlashStatus s) {
  switch (s) {
    case hal::FlashStatus::kOk: return Status::kOk;
    case hal::FlashStatus::kPowerLost: return Status::kPowerLost;
    default: return Status::kIoError;
  }
}

// A page the writer expected to be erased but that a torn program had already touched
// while leaving it reading blank (each cut right after a resume leaves one more such page
// past the last one in use). The page is skipped, like a torn page.
bool Unusable(hal::FlashStatus s) {
  return s == hal::FlashStatus::kAlreadyProgrammed || s == hal::FlashStatus::kOutOfOrder;
}

struct ScannedFrame {
  FrameHeader header;
  uint64_t page;
  std::vector<FrameEntry> entries;
  bool has_payload = false;  // read from the page itself, not from a summary
  std::vector<uint8_t> payload;
};

// What a scan learned about one log block.
struct BlockState {
  uint32_t last_used = 0;  // index of the last page that is not erased
  bool closed = false;     // it has a whole summary: never written again
};

// A block keeps one page spare beyond its summary, so that after a cut tears the page the
// summary was to start on, a resumed writer (which skips that page) can still close the
// block with a summary. Without it, such a block would be read page by page at every mount.
constexpr uint32_t kSummarySpare = 1;

bool Plausible(const FrameHeader& h) {
  return h.sequence < kMaxSequence && h.transaction <= h.sequence;
}

void AddPageFrame(const DecodedFrame& f, uint64_t page, std::vector<ScannedFrame>& frames) {
  if (!Plausible(f.header)) return;
  auto entries = EntriesOf(f.payload);
  if (!entries) return;  // passed its CRC but does not parse: not written by these rules
  frames.push_back({f.header, page, std::move(*entries), true, {f.payload.begin(), f.payload.end()}});
}

// Appends every data frame of `block` (which starts with `first`) to `frames`. Garbage pages
// (torn programs) are skipped. Reads every page: a resumed block has an erased-looking page
// before its newer frames.
Status ScanBlock(hal::Flash& flash, uint32_t block, const DecodedFrame& first,
                 std::vector<uint8_t>& page, std::vector<ScannedFrame>& frames,
                 uint64_t& pages_read, BlockState& state) {
  const auto& g = flash.geometry();
  const uint64_t base = uint64_t(block) * g.pages_per_block;
  AddPageFrame(first, base, frames);
  for (uint32_t p = 1; p < g.pages_per_block; ++p) {
    const auto s = flash.read(base + p, 0, page);
    if (s != hal::FlashStatus::kOk) return FromFlash(s);
    ++pages_read;
    DecodedFrame f;
    const auto kind = DecodeFrame(page, &f);
    if (kind == PageKind::kErased) continue;
    state.last_used = p;
    if (kind == PageKind::kFrame && !f.header.summary) AddPageFrame(f, base + p, frames);
  }
  return Status::kOk;
}

// Reads the summary of `block` (which starts with `first`) into `frames`. False, with
// nothing added, when the block has no whole summary of its current contents; flash
// errors go to `status`.
bool ReadSummary(hal::Flash& flash, uint32_t block, const DecodedFrame& first,
                 std::vector<uint8_t>& page, std::vector<ScannedFrame>& frames,
                 uint64_t& pages_read, Status& status) {
  const auto& g = flash.geometry();
  const uint64_t base = uint64_t(block) * g.pages_per_block;
  auto read = [&](uint32_t p, DecodedFrame* f) {
    const auto s = flash.read(base + p, 0, page);
    if (s != hal::FlashStatus::kOk) {
      status = FromFlash(s);
      return false;
    }
    ++pages_read;
    return DecodeFrame(page, f) == PageKind::kFrame && f->header.summary;
  };
  // The summary follows the last data frame; the block closed when the next frame and its
  // summary line no longer fitted, which leaves at most a couple of pages unused after it.
  constexpr uint32_t kMostUnused = 3;
  uint32_t end = g.pages_per_block;  // one past the summary's last page
  DecodedFrame last;
  for (;;) {
    if (end <= 1 || g.pages_per_block - end > kMostUnused) return false;
    const auto s = flash.read(base + end - 1, 0, page);
    if (s != hal::FlashStatus::kOk) {
      status = FromFlash(s);
      return false;
    }
    ++pages_read;
    const auto kind = DecodeFrame(page, &last);
    if (kind == PageKind::kErased) {
      --end;
      continue;
    }
    if (kind != PageKind::kFrame || !last.header.summary) return false;
    break;
  }
  const auto count = SummaryPageCount(last.payload);
  if (!count || *count >= end) return false;
  std::vector<std::vector<uint8_t>> payloads(*count);
  payloads.back().assign(last.payload.begin(), last.payload.end());
  const uint32_t start = end - *count;
  for (uint32_t p = start; p + 1 < end; ++p) {
    DecodedFrame f;
    if (!read(p, &f)) return false;
    payloads[p - start].assign(f.payload.begin(), f.payload.end());
  }
  const std::vector<std::span<const uint8_t>> spans(payloads.begin(), payloads.end());
  auto summary = DecodeSummary(spans);
  // It must describe this block as it is now, down to its first frame: a block whose erase
  // was cut short may keep an old summary in pages the erase did not reach.
  if (!summary || summary->empty() || summary->front().page != 0 ||
      summary->front().header.sequence != first.header.sequence ||
      summary->front().header.transaction != first.header.transaction)
    return false;
  for (size_t i = 0; i < summary->size(); ++i) {
    const auto& f = (*summary)[i];
    if (f.page >= start || (i > 0 && f.page <= (*summary)[i - 1].page) || !Plausible(f.header))
      return false;
  }
  for (auto& f : *summary) {
    FrameHeader header = f.header;
    header.erase_count = first.header.erase_count;
    frames.push_back({header, base + f.page, std::move(f.entries), false, {}});
  }
  return true;
}

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
    CommittedTransaction t{id, {}, {}, {}};
    std::vector<std::span<const uint8_t>> payloads;
    bool all_payloads = true;
    for (size_t k = i; k < end; ++k) {
      t.pages.push_back(frames[k].page);
      for (const FrameEntry& e : frames[k].entries)
        t.entries.push_back({e.op, e.ns, e.key, e.value_size, uint32_t(k - i), e.offset});
      all_payloads = all_payloads && frames[k].has_payload;
      payloads.emplace_back(frames[k].payload);
    }
    // Frames read from their pages must assemble: a frame set that passed every CRC but
    // does not was not written by this store's rules, and is not taken as data. (A summary
    // was written by the store itself from frames that did.)
    if (all_payloads) {
      auto changes = AssembleTransaction(payloads);
      if (!changes) {
        i = end;
        continue;
      }
      if (keep_values) t.changes = std::move(*changes);
    }
    out.push_back(std::move(t));
    i = end;
  }
  return out;
}

}  // namespace

std::vector<Entry> LocateEntries(std::span<const std::span<const uint8_t>> payloads) {
  std::vector<Entry> entries;
  for (size_t k = 0; k < payloads.size(); ++k) {
    const auto frame = EntriesOf(payloads[k]).value();  // assembled: they parse
    for (const FrameEntry& e : frame)
      entries.push_back({e.op, e.ns, e.key, e.value_size, uint32_t(k), e.offset});
  }
  return entries;
}

LogScan ScanLog(hal::Flash& flash, bool keep_values) {
  const auto& g = flash.geometry();
  LogScan scan;
  scan.erase_counts.assign(g.block_count, 0);
  std::vector<uint8_t> page(g.page_size);
  std::vector<ScannedFrame> frames;
  std::vector<std::pair<uint64_t, uint32_t>> starts;  // first sequence, block
  std::vector<BlockState> states(g.block_count);

  for (uint32_t b = 0; b < g.block_count; ++b) {
    if (flash.is_bad(b)) continue;
    const auto s = flash.read(uint64_t(b) * g.pages_per_block, 0, page);
    if (s != hal::FlashStatus::kOk) {
      scan.status = FromFlash(s);
      return scan;
    }
    ++scan.pages_read;
    DecodedFrame first;
    if (DecodeFrame(page, &first) != PageKind::kFrame || first.header.summary) {
      scan.free_blocks.push_back(b);
      continue;
    }
    const std::vector<uint8_t> first_page = page;  // `first` points into it
    DecodedFrame f0;
    DecodeFrame(first_page, &f0);
    starts.emplace_back(f0.header.sequence, b);
    scan.erase_counts[b] = f0.header.erase_count;
    Status st = Status::kOk;
    std::vector<ScannedFrame> summarized;
    const bool closed = ReadSummary(flash, b, f0, page, summarized, scan.pages_read, st);
    states[b] = {0, closed};
    // Values are only in the pages themselves: a scan that keeps them reads every page.
    if (closed && !keep_values) {
      std::move(summarized.begin(), summarized.end(), std::back_inserter(frames));
      continue;
    }
    // A block without a whole summary is written on after a mount (if newest), even past a
    // summary cut short: the summary written when it closes is the one a mount finds.
    if (st == Status::kOk) st = ScanBlock(flash, b, f0, page, frames, scan.pages_read, states[b]);
    if (st != Status::kOk) {
      scan.status = st;
      return scan;
    }
  }

  std::sort(starts.begin(), starts.end());
  for (auto [seq, b] : starts) scan.log_blocks.push_back(b);
  // A free block carries no frame, so its erase count is not on flash. Wear levelling keeps
  // every block's count near the others', so it gets their mean: closer than 0, which would
  // make the most worn blocks look like the freshest after every mount.
  if (!starts.empty()) {
    uint64_t sum = 0;
    for (auto [seq, b] : starts) sum += scan.erase_counts[b];
    const auto mean = uint32_t(sum / starts.size());
    for (uint32_t b : scan.free_blocks) scan.erase_counts[b] = mean;
  }
  std::stable_sort(frames.begin(), frames.end(), [](const ScannedFrame& a, const ScannedFrame& b) {
    return a.header.sequence < b.header.sequence;
  });
  if (!starts.empty()) {
    const uint32_t newest = starts.back().second;
    const BlockState& st = states[newest];
    if (!st.closed && st.last_used + 2 < g.pages_per_block) {
      scan.resume = std::pair{newest, st.last_used + 2};
      for (const auto& f : frames)
        if (f.page / g.pages_per_block == newest)
          scan.resume_frames.push_back({uint32_t(f.page % g.pages_per_block), f.header, f.entries});
    }
  }
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
    const RecordOp expected = k == entry.frame ? entry.op : RecordOp::kPart;
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
  if (!scan.resume) return;
  block_frames_ = scan.resume_frames;
  for (const auto& f : block_frames_) summary_bytes_ += SummaryBytesOf(f.entries.size());
  const auto& g = flash.geometry();
  // A block whose summary no longer fits stays as it is (a mount then scans it whole).
  if (scan.resume->second + SummaryPages(summary_bytes_, g.page_size) > g.pages_per_block) {
    block_frames_.clear();
    summary_bytes_ = kSummaryStart;
    return;
  }
  has_open_ = true;
  open_block_ = scan.resume->first;
  next_page_ = scan.resume->second;
}

uint64_t LogWriter::free_pages(bool include_reserve) const {
  const auto& g = flash_.geometry();
  const int64_t open =
      has_open_ ? std::max<int64_t>(0, int64_t(g.pages_per_block) - int64_t(next_page_) -
                                           int64_t(SummaryPages(summary_bytes_, g.page_size)) -
                                           int64_t(kSummarySpare))
                : 0;
  // A reserve that garbage collection dipped into (a power cut mid-collection) counts
  // against the open block: ordinary writes wait until collections have restored it.
  const int64_t spare = int64_t(free_.size()) - int64_t(include_reserve ? 0 : reserve_);
  return uint64_t(std::max<int64_t>(0, open + spare * int64_t(g.pages_per_block)));
}

uint64_t LogWriter::PagesFor(std::span<const std::vector<uint8_t>> payloads) const {
  const auto& g = flash_.geometry();
  size_t bytes = 0;
  for (const auto& p : payloads) bytes += SummaryBytesOf(EntriesOf(p).value_or(std::vector<FrameEntry>{}).size());
  // Each block spanned may waste a page where the next frame's summary share no longer fit.
  const uint64_t blocks = 1 + payloads.size() / g.pages_per_block;
  return payloads.size() + SummaryPages(bytes, g.page_size) + blocks;
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
  if (has_open_ && block == open_block_) {
    has_open_ = false;
    block_frames_.clear();
    summary_bytes_ = kSummaryStart;
  }
  const auto s = flash_.erase(block);
  if (s == hal::FlashStatus::kBadBlock) return Status::kOk;  // worn out: retired for good
  if (s != hal::FlashStatus::kOk) return FromFlash(s);
  ++erase_counts_[block];
  ++erases_;
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
      ++erases_;
    }
    clean_[block] = false;
    has_open_ = true;
    open_block_ = block;
    next_page_ = 0;
    block_frames_.clear();
    summary_bytes_ = kSummaryStart;
    return Status::kOk;
  }
  return Status::kFull;
}

Status LogWriter::CloseBlock() {
  has_open_ = false;
  const auto& g = flash_.geometry();
  const auto pages = EncodeSummary(block_frames_, g.page_size);
  block_frames_.clear();
  summary_bytes_ = kSummaryStart;
  // Right after the last data frame, not at the end of the block: a cut while writing it
  // then leaves its torn page where a resumed writer skips it (one past the last used page).
  const uint64_t base = uint64_t(open_block_) * g.pages_per_block;
  uint32_t at = next_page_;
  for (size_t i = 0; i < pages.size();) {
    // No room left past unusable pages: the block stays without a summary (scanned whole).
    if (at + (pages.size() - i) > g.pages_per_block) return Status::kOk;
    const FrameHeader header{false, next_sequence_, 0, erase_counts_[open_block_], true};
    const auto s = flash_.program(base + at, EncodeFrame(header, pages[i], g.page_size));
    ++at;
    if (Unusable(s)) {
      i = 0;  // the summary's pages must be contiguous: start it again after this page
      continue;
    }
    // A block gone bad keeps its frames readable; without a summary it is scanned whole.
    if (s == hal::FlashStatus::kBadBlock) return Status::kOk;
    if (s != hal::FlashStatus::kOk) return FromFlash(s);
    ++summary_pages_written_;
    ++i;
  }
  return Status::kOk;
}

Status LogWriter::Append(std::span<const std::vector<uint8_t>> payloads,
                         std::vector<uint64_t>* pages, bool use_reserve, bool cold) {
  if (payloads.size() > free_pages(use_reserve)) return Status::kFull;
  const auto& g = flash_.geometry();
  const uint64_t transaction = next_sequence_;
  for (size_t k = 0; k < payloads.size(); ++k) {
    auto entries = EntriesOf(payloads[k]).value_or(std::vector<FrameEntry>{});
    for (;;) {
      // Running out mid-transaction leaves frames without a commit frame: they never count.
      if (!has_open_)
        if (auto s = OpenBlock(use_reserve, cold); s != Status::kOk) return s;
      const size_t grown = summary_bytes_ + SummaryBytesOf(entries.size());
      if (next_page_ + 1 + SummaryPages(grown, g.page_size) + kSummarySpare > g.pages_per_block) {
        if (next_page_ == 0) return Status::kIoError;  // pages too small for one frame  // pages too small for one frame
        if (auto s = CloseBlock(); s != Status::kOk) return s;
        continue;
      }
      const FrameHeader header{k + 1 == payloads.size(), next_sequence_, transaction,
                               erase_counts_[open_block_]};
      const uint32_t index = next_page_++;
      const uint64_t page = uint64_t(open_block_) * g.pages_per_block + index;
      const auto s = flash_.program(page, EncodeFrame(header, payloads[k], g.page_size));
      if (s == hal::FlashStatus::kOk) {
        block_frames_.push_back(FrameSummary{index, header, std::move(entries)});
        summary_bytes_ = grown;
        ++next_sequence_;
        if (pages) pages->push_back(page);
        break;
      }
      if (Unusable(s)) continue;  // a page an earlier cut left programmed but blank
      if (s != hal::FlashStatus::kBadBlock) return FromFlash(s);
      // The block went bad: the same frame goes to a fresh block. What the bad block holds
      // stays readable, and a mount scans it whole.
      has_open_ = false;
      block_frames_.clear();
      summary_bytes_ = kSummaryStart;
    }
  }
  return Status::kOk;
}

}  // namespace swivel::os::storage
