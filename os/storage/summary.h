#pragma once
// Block summaries: when the writer closes a block, it programs into the block's last pages a
// list of the block's data frames (header fields) and of the puts and erases in each. A
// mount reads a closed block's summary instead of every page, so mount time grows with the
// size of the flash, not with how much was ever written. A block without a whole summary
// (the one open at a power cut) is scanned page by page, as before.
//
// Summary bytes, split over k pages (each a frame with the summary flag, payload starting
// with u16 k and u16 index of the page among them, right after the block's last data frame):
//   u32 frames; per frame: u16 page in block, u64 sequence, u64 transaction, u8 commit,
//   u16 entries; per entry: u8 op, u8 namespace, 16 key, u32 value size, u16 offset in the
//   frame's payload.
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "os/storage/frame.h"
#include "os/storage/record.h"

namespace swivel::os::storage {

// A put or erase as a frame holds it (parts of a large value are not listed).
struct FrameEntry {
  RecordOp op = RecordOp::kPut;
  uint8_t ns = 0;
  Key key{};
  uint32_t value_size = 0;
  uint32_t offset = 0;  // of its record in the frame's payload
  bool operator==(const FrameEntry&) const = default;
};

struct FrameSummary {
  uint32_t page = 0;  // index in its block
  FrameHeader header;
  std::vector<FrameEntry> entries;
  bool operator==(const FrameSummary&) const = default;
};

// The puts and erases of a data frame's payload; nothing when it does not parse.
std::optional<std::vector<FrameEntry>> EntriesOf(std::span<const uint8_t> payload);

// Summary bytes one frame adds, and what an empty summary starts with.
inline constexpr size_t kSummaryStart = 4;
constexpr size_t SummaryBytesOf(size_t entries) { return 21 + 24 * entries; }
// Pages a summary of `bytes` takes on pages of `page_size`.
size_t SummaryPages(size_t bytes, size_t page_size);

// Page payloads of the summary of `frames`.
std::vector<std::vector<uint8_t>> EncodeSummary(std::span<const FrameSummary> frames,
                                                size_t page_size);
// How many pages the summary ending in `last` says it has (its index must be the last).
std::optional<uint16_t> SummaryPageCount(std::span<const uint8_t> last);
// Nothing unless the payloads are a whole summary, in order.
std::optional<std::vector<FrameSummary>> DecodeSummary(
    std::span<const std::span<const uint8_t>> payloads);

}  // namespace swivel::os::storage
