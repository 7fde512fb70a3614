#pragma once
// Records inside a frame's payload, and how a transaction maps onto frames.
//
//   offset  size  field
//   0       1     op: 1 put, 2 erase, 3 part (the next bytes of a put's value),
//                 4 large put (the value is a manifest of chunks; see store.h)
//   1       1     namespace (one per record type: contacts, events, ...)
//   2       16    key
//   18      4     size of the whole value (0 for erase)
//   22      4     offset of these bytes in the value (0 for put, > 0 for part)
//   26      2     n, bytes of value in this record
//   28      n     value bytes
//
// A value too large for one frame (photos, up to 16 MiB) is a put with its first bytes
// followed by parts in the transaction's next frames; parts repeat the key so a frame can
// be checked on its own. A transaction becomes visible only with its commit frame.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace swivel::os::storage {

using Key = std::array<uint8_t, 16>;

// kLargePut: a put whose value is a manifest naming the chunks of a large value, each its
// own record (store_chunks.cc). Stored and moved exactly like a put.
enum class RecordOp : uint8_t { kPut = 1, kErase = 2, kPart = 3, kLargePut = 4 };
constexpr bool IsPut(RecordOp op) { return op == RecordOp::kPut || op == RecordOp::kLargePut; }
inline constexpr size_t kRecordHeaderSize = 28;
inline constexpr uint32_t kMaxValueSize = 16u << 20;  // 16 MiB

struct Record {
  RecordOp op = RecordOp::kPut;
  uint8_t ns = 0;
  Key key{};
  uint32_t value_size = 0;
  uint32_t offset = 0;
  std::span<const uint8_t> bytes;
};

void AppendRecord(std::vector<uint8_t>& payload, const Record& record);
// Nothing when the payload is malformed in any way. A frame whose CRC passed but whose
// records do not parse was written by a bug or crafted: it is never taken as data.
std::optional<std::vector<Record>> ParseRecords(std::span<const uint8_t> payload);

// One change in a transaction, as the store's caller states it.
struct Change {
  RecordOp op = RecordOp::kPut;  // kPut or kErase (kLargePut: the store's own)
  uint8_t ns = 0;
  Key key{};
  std::vector<uint8_t> value;  // for kPut
  bool operator==(const Change&) const = default;
};

// Packs a transaction's changes into frame payloads of at most `capacity` bytes, in order,
// splitting large values into parts. Empty when the transaction has no changes.
std::vector<std::vector<uint8_t>> PackTransaction(std::span<const Change> changes,
                                                  size_t capacity);

// How many frames PackTransaction makes for changes of these value sizes (an erase counts
// as size 0), without needing the values themselves.
size_t CountFrames(std::span<const uint32_t> value_sizes, size_t capacity);

// Rebuilds the changes of one transaction from its frames' payloads, in order. Nothing when
// they are not a complete, consistent transaction (a missing part, a part of another key).
std::optional<std::vector<Change>> AssembleTransaction(
    std::span<const std::span<const uint8_t>> payloads);

}  // namespace swivel::os::storage
