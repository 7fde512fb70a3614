// Large values as chunks. Why: garbage collection moves what depends on a block, and a value
// stored inline across many frames depends on all of them, so one block holding its tail
// would cost the whole value to collect (for a 16 MiB photo, more than the flash can spare).
// A chunk is one frame and one record of its own, so it moves alone.
//
// Atomicity is kept by ordering, not by one transaction: chunks are written (and indexed)
// first, under a version no manifest names yet, so they are invisible; the user's
// transaction then commits the manifest with the rest of its changes. A cut before that
// commit leaves chunks that no manifest names; they are dropped at mount, and the space goes
// back to garbage collection. Chunk keys are (version, index) big-endian, so one version's
// chunks are a contiguous range of the index.
#include <algorithm>
#include <set>

#include "base/le.h"
#include "os/storage/frame.h"
#include "os/storage/store.h"

namespace swivel::os::storage {
namespace {

constexpr uint32_t kManifestMagic = 0x4b4e4843;  // "CHNK"
constexpr size_t kManifestSize = 24;  // magic, version, size, chunk size, chunks

Key ChunkKey(uint64_t version, uint32_t index) {
  Key k{};
  for (int i = 0; i < 8; ++i) k[i] = uint8_t(version >> (56 - 8 * i));
  for (int i = 0; i < 4; ++i) k[8 + i] = uint8_t(index >> (24 - 8 * i));
  return k;
}

struct Manifest {
  uint64_t version = 0;
  uint32_t size = 0, chunk = 0, chunks = 0;
};

std::vector<uint8_t> EncodeManifest(const Manifest& m) {
  std::vector<uint8_t> v(kManifestSize);
  PutLe32(v.data(), kManifestMagic);
  PutLe64(v.data() + 4, m.version);
  PutLe32(v.data() + 12, m.size);
  PutLe32(v.data() + 16, m.chunk);
  PutLe32(v.data() + 20, m.chunks);
  return v;
}

std::optional<Manifest> DecodeManifest(std::span<const uint8_t> v) {
  if (v.size() != kManifestSize || GetLe32(v.data()) != kManifestMagic) return std::nullopt;
  Manifest m{GetLe64(v.data() + 4), GetLe32(v.data() + 12), GetLe32(v.data() + 16),
             GetLe32(v.data() + 20)};
  if (m.chunk == 0 || m.size > kMaxValueSize || m.chunks != (m.size + m.chunk - 1) / m.chunk)
    return std::nullopt;
  return m;
}

}  // namespace

bool Store::IsLarge(size_t size) const {
  return size > kInlineFrames * FramePayloadCapacity(flash_.geometry().page_size);
}

Status Store::WriteChunks(Change& change, uint64_t* version) {
  // Sequences are never reused, so the next one is a version no chunk has had.
  *version = writer_.next_sequence();
  const auto chunk = uint32_t(FramePayloadCapacity(flash_.geometry().page_size) - kRecordHeaderSize);
  const Manifest m{*version, uint32_t(change.value.size()), chunk,
                   uint32_t((change.value.size() + chunk - 1) / chunk)};
  for (uint32_t i = 0; i < m.chunks; ++i) {
    const size_t from = size_t(i) * chunk, to = std::min<size_t>(m.size, from + chunk);
    const Change c{RecordOp::kPut, kChunkNamespace, ChunkKey(m.version, i),
                   {change.value.begin() + long(from), change.value.begin() + long(to)}};
    uint64_t frames = 0;
    if (Status s = Write({&c, 1}, /*use_reserve=*/false, &frames); s != Status::kOk) return s;
    stats_.frames_written += frames;
  }
  change.op = RecordOp::kLargePut;
  change.value = EncodeManifest(m);
  return Status::kOk;
}

void Store::DropChunks(uint64_t version) {
  const IndexKey from{kChunkNamespace, ChunkKey(version, 0)};
  for (auto it = index_.lower_bound(from); it != index_.end() && it->first.first == kChunkNamespace;) {
    if (!std::equal(it->first.second.begin(), it->first.second.begin() + 8, from.second.begin()))
      break;
    Charge(it->first, it->second, -1);
    it = index_.erase(it);
  }
}

Status Store::ReadLarge(const Slot& slot, std::vector<uint8_t>* value) {
  std::vector<uint8_t> bytes;
  if (Status s = ReadValue(flash_, *slot.pages, slot.entry, &bytes); s != Status::kOk) return s;
  const auto m = DecodeManifest(bytes);
  if (!m) return Status::kCorrupt;
  value->clear();
  value->reserve(m->size);
  for (uint32_t i = 0; i < m->chunks; ++i) {
    const auto it = index_.find({kChunkNamespace, ChunkKey(m->version, i)});
    if (it == index_.end()) return Status::kCorrupt;
    if (Status s = ReadValue(flash_, *it->second.pages, it->second.entry, &bytes); s != Status::kOk)
      return s;
    value->insert(value->end(), bytes.begin(), bytes.end());
  }
  if (value->size() != m->size) return Status::kCorrupt;
  return Status::kOk;
}

Status Store::LoadManifests() {
  std::set<uint64_t> named;
  bool all_read = true;
  std::vector<uint8_t> bytes;
  for (const auto& [key, slot] : index_) {
    if (slot.entry.op != RecordOp::kLargePut) continue;
    const Status s = ReadValue(flash_, *slot.pages, slot.entry, &bytes);
    if (s == Status::kPowerLost || s == Status::kIoError) return s;
    const auto m = s == Status::kOk ? DecodeManifest(bytes) : std::nullopt;
    if (!m) {
      all_read = false;  // Get will say kCorrupt; its chunks must not be judged orphans
      continue;
    }
    named.insert(m->version);
    large_[key] = {m->version, m->size};
  }
  if (!all_read) return Status::kOk;
  std::set<uint64_t> orphans;
  for (auto it = index_.lower_bound({kChunkNamespace, Key{}}); it != index_.end(); ++it) {
    uint64_t version = 0;
    for (int i = 0; i < 8; ++i) version = version << 8 | it->first.second[i];
    if (!named.count(version)) orphans.insert(version);
  }
  for (uint64_t v : orphans) DropChunks(v);
  return Status::kOk;
}

}  // namespace swivel::os::storage
