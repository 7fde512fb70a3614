#pragma once
// The log: transactions appended as frames across erase blocks, and the scan that finds
// every committed transaction again after any power cut.
//
// Rules that make recovery simple:
// - A block holds log data only if its page 0 is a valid frame: the writer always starts a
//   block at page 0. Blocks whose page 0 is erased or garbage are free, and are erased
//   before reuse, so leftovers of a half-finished erase are never read as data.
// - A transaction is committed iff all its frames are valid, their sequences run
//   consecutively from the transaction id, and the last one carries the commit mark.
// - After a mount the writer goes on in the newest block (unless it is closed), one page
//   past the last page that is not erased: the page after it may have been torn while
//   reading blank, so it is never programmed (and a page flash reports as already
//   programmed is skipped too: each cut right after a resume leaves one more). Abandoning
//   the block instead would leak free space at every power cut, and enough cuts in a row
//   would leave garbage collection no room to run. A scan therefore reads past
//   erased-looking pages. Sequences continue past any frame that might have been torn, so
//   no sequence is ever used twice.
// - A block is closed by a summary of its frames (summary.h) right after its last data
//   frame; a scan reads a closed block's summary instead of its pages.
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "hal/flash.h"
#include "os/storage/record.h"
#include "os/storage/status.h"
#include "os/storage/summary.h"

namespace swivel::os::storage {

// Where one put or erase of a committed transaction sits: in frame `frame` of the
// transaction, `offset` bytes into its payload. A put's value continues in parts at the
// start of the following frames.
struct Entry {
  RecordOp op = RecordOp::kPut;
  uint8_t ns = 0;
  Key key{};
  uint32_t value_size = 0;
  uint32_t frame = 0;
  uint32_t offset = 0;
};

// Where each put and erase is among a transaction's frame payloads (which must parse).
std::vector<Entry> LocateEntries(std::span<const std::span<const uint8_t>> payloads);

struct CommittedTransaction {
  uint64_t id = 0;  // the sequence of its first frame
  std::vector<uint64_t> pages;  // where its frames are, in order
  std::vector<Entry> entries;   // in the order they were written; later ones win
  std::vector<Change> changes;  // the values too, only when the scan was asked to keep them
};

// What a scan found: the committed transactions (oldest first) and where the log stands.
struct LogScan {
  Status status = Status::kOk;
  std::vector<CommittedTransaction> transactions;
  uint64_t next_sequence = 1;
  std::vector<uint32_t> log_blocks;   // blocks holding frames, oldest first
  std::vector<uint32_t> free_blocks;  // usable after an erase
  // Per block, from its frames; a free block (no frame) gets the mean of the log blocks'.
  std::vector<uint32_t> erase_counts;
  // Where the writer may go on: the newest log block and the first page it may program.
  std::optional<std::pair<uint32_t, uint32_t>> resume;
  std::vector<FrameSummary> resume_frames;  // the data frames already in that block
  uint64_t pages_read = 0;
};

// Reads the log: the summary of each closed block, every page of the others. Fails only
// when flash does (kPowerLost, kIoError). Values are kept in memory only with `keep_values`
// (tests, tools), which reads every page; a mount reads values on demand.
LogScan ScanLog(hal::Flash& flash, bool keep_values = false);

// Reads the value of a put `entry` of the transaction whose frames are at `pages`. Every
// frame is checked again: a page that no longer holds the frame it held is kCorrupt.
Status ReadValue(hal::Flash& flash, std::span<const uint64_t> pages, const Entry& entry,
                 std::vector<uint8_t>* value);

class LogWriter {
 public:
  // Continues the log `scan` found. Keeps `reserve_blocks` free blocks untouched (room
  // for garbage collection to always run).
  LogWriter(hal::Flash& flash, const LogScan& scan, uint32_t reserve_blocks = 1);

  // Programs one transaction's frames (payloads from PackTransaction). kOk means it is
  // durable; kFull means nothing was written; kPowerLost means it may or may not be.
  // Only garbage collection may `use_reserve`. A block opened for `cold` data (static wear
  // levelling moving data nobody rewrites) is the most worn free one, so that it rests
  // under the cold data; any other write opens the least worn.
  Status Append(std::span<const std::vector<uint8_t>> payloads,
                std::vector<uint64_t>* pages = nullptr, bool use_reserve = false,
                bool cold = false);
  // Erases a block whose data is all stale or copied elsewhere and makes it free.
  Status Recycle(uint32_t block);

  uint64_t next_sequence() const { return next_sequence_; }
  size_t free_blocks() const { return free_.size(); }
  // Pages the log can still take before it is full, and the pages `payloads` take with
  // their share of block summaries (an upper bound).
  uint64_t free_pages(bool include_reserve = false) const;
  uint64_t PagesFor(std::span<const std::vector<uint8_t>> payloads) const;
  // The block being written, if any (garbage collection never picks it).
  std::optional<uint32_t> open_block() const;
  uint32_t erase_count(uint32_t block) const { return erase_counts_[block]; }
  std::optional<uint32_t> most_worn_free() const;
  uint64_t summary_pages_written() const { return summary_pages_written_; }
  uint64_t erases() const { return erases_; }

 private:
  Status OpenBlock(bool use_reserve, bool cold);  // erases a free block to write next
  Status CloseBlock();  // programs the open block's summary into its last pages

  hal::Flash& flash_;
  uint32_t reserve_;
  uint64_t next_sequence_;
  std::vector<uint32_t> free_;
  // Erased in this session, so opening it needs no new erase. Free blocks found at mount
  // are erased again before use: a cut may have left them half erased.
  std::vector<bool> clean_;
  std::vector<uint32_t> erase_counts_;
  bool has_open_ = false;
  uint32_t open_block_ = 0;
  uint32_t next_page_ = 0;           // in the open block
  std::vector<FrameSummary> block_frames_;  // the open block's data frames so far
  size_t summary_bytes_ = kSummaryStart;    // what their summary takes
  uint64_t summary_pages_written_ = 0;
  uint64_t erases_ = 0;
};

}  // namespace swivel::os::storage
