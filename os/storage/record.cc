#include "os/storage/record.h"

#include <algorithm>

#include "base/le.h"

namespace swivel::os::storage {

void AppendRecord(std::vector<uint8_t>& payload, const Record& r) {
  const size_t at = payload.size();
  payload.resize(at + kRecordHeaderSize + r.bytes.size());
  uint8_t* p = payload.data() + at;
  p[0] = uint8_t(r.op);
  p[1] = r.ns;
  std::copy(r.key.begin(), r.key.end(), p + 2);
  PutLe32(p + 18, r.value_size);
  PutLe32(p + 22, r.offset);
  PutLe16(p + 26, uint16_t(r.bytes.size()));
  std::copy(r.bytes.begin(), r.bytes.end(), p + kRecordHeaderSize);
}

std::optional<std::vector<Record>> ParseRecords(std::span<const uint8_t> payload) {
  std::vector<Record> records;
  size_t at = 0;
  while (at < payload.size()) {
    if (payload.size() - at < kRecordHeaderSize) return std::nullopt;
    const uint8_t* p = payload.data() + at;
    Record r;
    r.op = RecordOp(p[0]);
    r.ns = p[1];
    std::copy(p + 2, p + 18, r.key.begin());
    r.value_size = GetLe32(p + 18);
    r.offset = GetLe32(p + 22);
    const size_t n = GetLe16(p + 26);
    if (payload.size() - at - kRecordHeaderSize < n) return std::nullopt;
    r.bytes = payload.subspan(at + kRecordHeaderSize, n);
    const bool fits = r.value_size <= kMaxValueSize && uint64_t(r.offset) + n <= r.value_size;
    switch (r.op) {
      case RecordOp::kPut:
      case RecordOp::kLargePut:
        if (!fits || r.offset != 0) return std::nullopt;
        break;
      case RecordOp::kErase:
        if (r.value_size != 0 || r.offset != 0 || n != 0) return std::nullopt;
        break;
      case RecordOp::kPart:
        if (!fits || r.offset == 0 || n == 0) return std::nullopt;
        break;
      default:
        return std::nullopt;
    }
    records.push_back(r);
    at += kRecordHeaderSize + n;
  }
  return records;
}

std::vector<std::vector<uint8_t>> PackTransaction(std::span<const Change> changes,
                                                  size_t capacity) {
  std::vector<std::vector<uint8_t>> frames;
  if (changes.empty()) return frames;
  frames.emplace_back();
  // Room for one more record with at least one value byte (or none, for an erase).
  auto room = [&](size_t bytes) { return frames.back().size() + kRecordHeaderSize + bytes <= capacity; };
  for (const Change& c : changes) {
    const uint32_t size = IsPut(c.op) ? uint32_t(c.value.size()) : 0;
    uint32_t offset = 0;
    do {
      // A record header with no value byte is only useful for an empty value or erase.
      const size_t min_bytes = size - offset > 0 ? 1 : 0;
      if (!room(min_bytes)) frames.emplace_back();
      const size_t space = capacity - frames.back().size() - kRecordHeaderSize;
      const auto n = uint32_t(std::min<size_t>(size - offset, space));
      Record r{offset == 0 ? c.op : RecordOp::kPart, c.ns, c.key, size, offset,
               std::span(c.value).subspan(offset, n)};
      AppendRecord(frames.back(), r);
      offset += n;
    } while (offset < size);
  }
  return frames;
}

size_t CountFrames(std::span<const uint32_t> value_sizes, size_t capacity) {
  if (value_sizes.empty()) return 0;
  size_t frames = 1, used = 0;
  for (const uint32_t size : value_sizes) {  // PackTransaction's loop, on sizes only
    uint32_t offset = 0;
    do {
      const size_t min_bytes = size - offset > 0 ? 1 : 0;
      if (used + kRecordHeaderSize + min_bytes > capacity) ++frames, used = 0;
      const auto n = uint32_t(std::min<size_t>(size - offset, capacity - used - kRecordHeaderSize));
      used += kRecordHeaderSize + n;
      offset += n;
    } while (offset < size);
  }
  return frames;
}

std::optional<std::vector<Change>> AssembleTransaction(
    std::span<const std::span<const uint8_t>> payloads) {
  std::vector<Change> changes;
  uint32_t total = 0;  // size of the last put's whole value
  for (auto payload : payloads) {
    auto records = ParseRecords(payload);
    if (!records) return std::nullopt;
    for (const Record& r : *records) {
      if (r.op == RecordOp::kPart) {
        // A part must continue the put right before it, at exactly where it left off.
        if (changes.empty()) return std::nullopt;
        Change& last = changes.back();
        if (!IsPut(last.op) || last.value.size() >= total || last.ns != r.ns ||
            last.key != r.key || r.value_size != total || r.offset != last.value.size())
          return std::nullopt;
        last.value.insert(last.value.end(), r.bytes.begin(), r.bytes.end());
        continue;
      }
      if (!changes.empty() && IsPut(changes.back().op) && changes.back().value.size() != total)
        return std::nullopt;  // the previous put's parts are missing
      Change c{r.op, r.ns, r.key, {}};
      if (IsPut(r.op)) {
        total = r.value_size;
        c.value.reserve(total);
        c.value.assign(r.bytes.begin(), r.bytes.end());
      }
      changes.push_back(std::move(c));
    }
  }
  if (!changes.empty() && IsPut(changes.back().op) && changes.back().value.size() != total)
    return std::nullopt;
  return changes;
}

}  // namespace swivel::os::storage
