#pragma once
// A frame is what one page program writes: a header and a payload of records, with a CRC-32C
// over both. A torn program (a prefix, a random subset of bytes, unstable bits) fails the
// CRC, so a page is either a whole frame or no frame; there is no partly valid state.
//
//   offset  size  field
//   0       4     magic "SWFR"
//   4       1     format version (1)
//   5       1     flags: bit 0 = commit (the last frame of its transaction),
//                 bit 1 = summary (a block summary page, not log data; summary.h)
//   6       2     payload length in bytes
//   8       8     sequence: +1 for every frame the store programs; orders the whole log
//   16      8     transaction: the sequence of the transaction's first frame
//   24      4     erase count of the block holding the frame (wear is tracked on flash)
//   28      4     CRC-32C of bytes 0..27 and the payload
//   32      n     payload; the rest of the page stays 0xFF
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace swivel::os::storage {

inline constexpr uint32_t kFrameMagic = 0x52465753;  // "SWFR" little-endian
inline constexpr uint8_t kFrameVersion = 1;
inline constexpr size_t kFrameHeaderSize = 32;

// Sequences grow by one a page programmed: no device gets near 2^62. A frame claiming more
// (or a transaction that starts after its own frame) was not written by the store, and is
// not taken as log data: it would make the next sequence wrap.
inline constexpr uint64_t kMaxSequence = uint64_t(1) << 62;

struct FrameHeader {
  bool commit = false;
  uint64_t sequence = 0;
  uint64_t transaction = 0;
  uint32_t erase_count = 0;
  bool summary = false;
  bool operator==(const FrameHeader&) const = default;
};

// Largest payload a frame can carry on pages of `page_size` bytes.
constexpr size_t FramePayloadCapacity(size_t page_size) {
  return page_size > kFrameHeaderSize ? page_size - kFrameHeaderSize : 0;
}

// The page image to program: header, payload, then 0xFF to the end of the page.
// `payload` must fit (FramePayloadCapacity).
std::vector<uint8_t> EncodeFrame(const FrameHeader& header, std::span<const uint8_t> payload,
                                 size_t page_size);

enum class PageKind {
  kFrame,   // a whole, checked frame
  kErased,  // every byte 0xFF: never programmed since the last erase
  kGarbage, // anything else: a torn program, a half erase, corruption
};

struct DecodedFrame {
  FrameHeader header;
  std::span<const uint8_t> payload;  // points into the page passed to DecodeFrame
};

// Classifies a page read from flash; fills `out` when it holds a frame.
PageKind DecodeFrame(std::span<const uint8_t> page, DecodedFrame* out);

}  // namespace swivel::os::storage
