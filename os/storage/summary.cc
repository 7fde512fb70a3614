#include "os/storage/summary.h"

#include <algorithm>

#include "base/le.h"

namespace swivel::os::storage {
namespace {

constexpr size_t kPageHeader = 4;  // u16 pages, u16 index

size_t ChunkCapacity(size_t page_size) {
  const size_t payload = FramePayloadCapacity(page_size);
  return payload > kPageHeader ? payload - kPageHeader : 0;
}

// Reads fixed-size little-endian fields off a byte span; `ok` turns false when it runs out.
struct Reader {
  std::span<const uint8_t> bytes;
  bool ok = true;
  const uint8_t* Take(size_t n) {
    if (!ok || bytes.size() < n) {
      ok = false;
      return nullptr;
    }
    const uint8_t* p = bytes.data();
    bytes = bytes.subspan(n);
    return p;
  }
  uint8_t U8() { auto p = Take(1); return p ? *p : 0; }
  uint16_t U16() { auto p = Take(2); return p ? GetLe16(p) : 0; }
  uint32_t U32() { auto p = Take(4); return p ? GetLe32(p) : 0; }
  uint64_t U64() { auto p = Take(8); return p ? GetLe64(p) : 0; }
};

template <size_t N, typename Put, typename T>
void Append(std::vector<uint8_t>& out, Put put, T value) {
  uint8_t b[N];
  put(b, value);
  out.insert(out.end(), b, b + N);
}

}  // namespace

std::optional<std::vector<FrameEntry>> EntriesOf(std::span<const uint8_t> payload) {
  const auto records = ParseRecords(payload);
  if (!records) return std::nullopt;
  std::vector<FrameEntry> entries;
  for (const Record& r : *records)
    if (r.op != RecordOp::kPart)
      entries.push_back({r.op, r.ns, r.key, r.value_size,
                         uint32_t(r.bytes.data() - kRecordHeaderSize - payload.data())});
  return entries;
}

size_t SummaryPages(size_t bytes, size_t page_size) {
  const size_t chunk = ChunkCapacity(page_size);
  return chunk == 0 ? SIZE_MAX : (bytes + chunk - 1) / chunk;
}

std::vector<std::vector<uint8_t>> EncodeSummary(std::span<const FrameSummary> frames,
                                                size_t page_size) {
  std::vector<uint8_t> all;
  Append<4>(all, PutLe32, uint32_t(frames.size()));
  for (const FrameSummary& f : frames) {
    Append<2>(all, PutLe16, uint16_t(f.page));
    Append<8>(all, PutLe64, f.header.sequence);
    Append<8>(all, PutLe64, f.header.transaction);
    all.push_back(f.header.commit ? 1 : 0);
    Append<2>(all, PutLe16, uint16_t(f.entries.size()));
    for (const FrameEntry& e : f.entries) {
      all.push_back(uint8_t(e.op));
      all.push_back(e.ns);
      all.insert(all.end(), e.key.begin(), e.key.end());
      Append<4>(all, PutLe32, e.value_size);
      Append<2>(all, PutLe16, uint16_t(e.offset));
    }
  }
  const size_t chunk = ChunkCapacity(page_size);
  const size_t pages = SummaryPages(all.size(), page_size);
  std::vector<std::vector<uint8_t>> out;
  for (size_t i = 0; i < pages; ++i) {
    std::vector<uint8_t> p;
    Append<2>(p, PutLe16, uint16_t(pages));
    Append<2>(p, PutLe16, uint16_t(i));
    const size_t from = i * chunk, to = std::min(all.size(), from + chunk);
    p.insert(p.end(), all.begin() + long(from), all.begin() + long(to));
    out.push_back(std::move(p));
  }
  return out;
}

std::optional<uint16_t> SummaryPageCount(std::span<const uint8_t> last) {
  Reader r{last};
  const uint16_t pages = r.U16(), index = r.U16();
  if (!r.ok || pages == 0 || index + 1 != pages) return std::nullopt;
  return pages;
}

std::optional<std::vector<FrameSummary>> DecodeSummary(
    std::span<const std::span<const uint8_t>> payloads) {
  std::vector<uint8_t> all;
  for (size_t i = 0; i < payloads.size(); ++i) {
    Reader r{payloads[i]};
    if (r.U16() != payloads.size() || r.U16() != i || !r.ok) return std::nullopt;
    all.insert(all.end(), r.bytes.begin(), r.bytes.end());
  }
  Reader r{all};
  // Counts are checked against the bytes there before anything is allocated for them.
  const uint32_t count = r.U32();
  if (!r.ok || count > all.size() / SummaryBytesOf(0)) return std::nullopt;
  std::vector<FrameSummary> frames(count);
  for (FrameSummary& f : frames) {
    f.page = r.U16();
    f.header.sequence = r.U64();
    f.header.transaction = r.U64();
    f.header.commit = r.U8() != 0;
    const uint16_t entries = r.U16();
    if (!r.ok || entries > r.bytes.size() / (SummaryBytesOf(1) - SummaryBytesOf(0)))
      return std::nullopt;
    f.entries.resize(entries);
    for (FrameEntry& e : f.entries) {
      const uint8_t op = r.U8();
      if (op != uint8_t(RecordOp::kPut) && op != uint8_t(RecordOp::kErase) &&
          op != uint8_t(RecordOp::kLargePut))
        return std::nullopt;
      e.op = RecordOp(op);
      e.ns = r.U8();
      if (const uint8_t* k = r.Take(16)) std::copy(k, k + 16, e.key.begin());
      e.value_size = r.U32();
      e.offset = r.U16();
    }
  }
  if (!r.ok || !r.bytes.empty()) return std::nullopt;
  return frames;
}

}  // namespace swivel::os::storage
