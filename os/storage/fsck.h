#pragma once
// fsck: a read-only check of a record store on flash, built on the public API only
// (ScanLog, DecodeFrame, Store::Mount, ForEach, Get).
//
// What it checks: the log scans; every page of every good block (frame, erased, garbage);
// the store mounts; every live record of every namespace (0..255) reads back with kOk and
// the size ForEach reported.
//
// Problems (clean() is false) are states the store does not produce by design, or that lose
// or hide data:
// - flash fails a read, or the log scan or the mount fails;
// - a live record whose Get is not kOk or whose value has another size than ForEach said;
// - a damaged frame: a garbage page right before another frame. The writer never programs
//   the page after a torn one (a writer resuming after a power cut skips it), so the page
//   held a frame that was written whole: the transaction it belonged to is no longer
//   applied, and its keys may read an older value or none;
// - a block whose page 0 is garbage while later pages hold frames: page 0 of a log block
//   was damaged, so mount takes the whole block as free and ignores its frames;
// - block summaries (what a mount reads) that disagree with the pages they describe;
// - a log frame whose sequence is 2^62 or more, or below its transaction id: not written
//   by the store (a huge sequence makes the store's next sequence wrap);
// - anything trying to program, erase or mark a block bad (fsck refuses and says so).
// Notes (reported, clean() stays true) are leftovers that recovery handles by design:
// - a garbage page not followed by a frame: a program torn by a power cut (or,
//   indistinguishably, damage to the frame written last before it);
// - frames of transactions that never committed: the one in flight at a power cut, or
//   ones whose other frames garbage collection has since erased;
// - a free block holding frames after an erased page 0: an erase cut by power loss;
//   a free block whose page 0 is garbage with nothing after it: a torn first program or a
//   torn erase; bad (retired) blocks.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "hal/flash.h"
#include "os/storage/record.h"
#include "os/storage/status.h"

namespace swivel::os::storage {

// Forwards reads to `flash` and refuses every program, erase and mark_bad with kPowerLost
// (so a store on it stops at once), counting the attempts. For tools and checks that must
// never change what they look at.
class ReadOnlyFlash final : public hal::Flash {
 public:
  explicit ReadOnlyFlash(hal::Flash& flash) : flash_(flash) {}
  const hal::FlashGeometry& geometry() const override { return flash_.geometry(); }
  hal::FlashStatus read(uint64_t page, uint32_t offset, std::span<uint8_t> out) override {
    return flash_.read(page, offset, out);
  }
  hal::FlashStatus program(uint64_t, std::span<const uint8_t>) override;
  hal::FlashStatus erase(uint32_t) override;
  bool is_bad(uint32_t block) const override { return flash_.is_bad(block); }
  hal::FlashStatus mark_bad(uint32_t) override;

  uint64_t refused_writes() const { return refused_; }

 private:
  hal::Flash& flash_;
  uint64_t refused_ = 0;
};

enum class FsckBlockState { kLog, kFree, kBad };

struct FsckBlock {
  FsckBlockState state = FsckBlockState::kFree;
  uint32_t erase_count = 0;  // from its frames (what the store knows); 0 when it has none
  uint32_t frames = 0;       // valid frames anywhere in the block
  uint32_t committed_frames = 0;  // of those, frames of committed transactions
  uint32_t garbage_pages = 0;     // neither a frame nor erased
  uint32_t erased_pages = 0;
};

struct FsckNamespace {
  uint64_t records = 0;
  uint64_t bytes = 0;  // value bytes
};

struct FsckReport {
  hal::FlashGeometry geometry;
  Status scan_status = Status::kOk;
  Status mount_status = Status::kOk;
  bool mounted = false;
  std::vector<FsckBlock> blocks;  // empty when the scan failed
  uint32_t log_blocks = 0, free_blocks = 0, bad_blocks = 0;
  uint64_t frames = 0, garbage_pages = 0, uncommitted_frames = 0;
  uint64_t transactions = 0;  // committed
  uint64_t records = 0, record_bytes = 0;
  std::map<uint8_t, FsckNamespace> namespaces;  // only namespaces holding records
  std::vector<std::string> problems;  // each names a block/page or a namespace/key
  std::vector<std::string> notes;
  bool clean() const { return problems.empty(); }
};

// Checks the store on `flash`. Never programs or erases (everything goes through a
// ReadOnlyFlash). Reads every page of every good block.
FsckReport Fsck(hal::Flash& flash);

// The report as text: a summary, one line per non-empty block, the namespaces, the notes
// and the problems, and a last line "clean" or "N problem(s)".
std::string FormatFsckReport(const FsckReport& report);

// 32 lowercase hex digits.
std::string KeyHex(const Key& key);

}  // namespace swivel::os::storage
