#include "os/storage/store.h"

#include <algorithm>

#include "os/storage/frame.h"

namespace swivel::os::storage {

std::unique_ptr<Store> Store::Mount(hal::Flash& flash, Status* status, StoreOptions options) {
  LogScan scan = ScanLog(flash);
  *status = scan.status;
  if (scan.status != Status::kOk) return nullptr;
  auto store = std::unique_ptr<Store>(new Store(flash, scan, options));
  for (const auto& t : scan.transactions)
    store->Apply(std::make_shared<const std::vector<uint64_t>>(t.pages), t.entries);
  *status = store->LoadManifests();
  if (*status != Status::kOk) return nullptr;
  store->stats_.mount_pages_read = scan.pages_read;
  return store;
}

Store::Store(hal::Flash& flash, const LogScan& scan, StoreOptions options)
    : flash_(flash), options_(options), writer_(flash, scan, options.reserve_blocks),
      log_order_(scan.log_blocks), live_(flash.geometry().block_count, 0),
      dependents_(flash.geometry().block_count) {}

// Calls visit(page, bytes) for each frame a slot's record occupies, with the bytes of the
// record in that frame (its header and the value bytes there).
template <typename Visit>
void ForEachFrameOf(const std::vector<uint64_t>& pages, const Entry& e, size_t page_size,
                    Visit visit) {
  const int64_t capacity = int64_t(FramePayloadCapacity(page_size));
  const int64_t header = int64_t(kRecordHeaderSize);
  int64_t left = e.value_size;
  int64_t room = capacity - int64_t(e.offset) - header;  // the first frame: after the offset
  for (size_t k = e.frame; k < pages.size(); ++k) {
    const int64_t bytes = std::min(left, room);
    visit(pages[k], header + bytes);
    left -= bytes;
    if (left <= 0) return;
    room = capacity - header;
  }
}

void Store::Charge(const IndexKey& key, const Slot& slot, int sign) {
  const auto& g = flash_.geometry();
  ForEachFrameOf(*slot.pages, slot.entry, g.page_size, [&](uint64_t page, int64_t bytes) {
    live_[page / g.pages_per_block] += sign * bytes;
  });
  for (uint64_t page : *slot.pages) {
    auto& keys = dependents_[page / g.pages_per_block];
    if (sign > 0) keys.insert(key);
    else keys.erase(key);
  }
}

void Store::Apply(const std::shared_ptr<const std::vector<uint64_t>>& pages,
                  std::span<const Entry> entries, bool copy) {
  const auto ppb = flash_.geometry().pages_per_block;
  for (uint64_t p : *pages) {
    const auto block = uint32_t(p / ppb);
    if (std::find(log_order_.rbegin(), log_order_.rend(), block) == log_order_.rend())
      log_order_.push_back(block);  // a block the writer just opened
  }
  for (const Entry& e : entries) {
    const IndexKey key{e.ns, e.key};
    auto& own = e.op == RecordOp::kErase ? tombstones_ : index_;
    auto& other = e.op == RecordOp::kErase ? index_ : tombstones_;
    if (auto it = other.find(key); it != other.end()) {
      Charge(key, it->second, -1);
      other.erase(it);
    }
    if (auto it = own.find(key); it != own.end()) Charge(key, it->second, -1);
    if (!copy)
      if (auto large = large_.find(key); large != large_.end()) {
        DropChunks(large->second.version);
        large_.erase(large);
      }
    const Slot slot{pages, e};
    Charge(key, slot, +1);
    own[key] = slot;
  }
}

Status Store::Commit(std::span<const Change> changes) {
  if (dead_) return Status::kPowerLost;
  uint64_t bytes = 0;
  for (const Change& c : changes) {
    if (c.value.size() > kMaxValueSize) return Status::kTooLarge;
    if (c.ns == kChunkNamespace || !(c.op == RecordOp::kPut || c.op == RecordOp::kErase))
      return Status::kInvalid;
    bytes += c.value.size();
  }
  // Large values first go out as chunks; the transaction then carries their manifests.
  std::vector<Change> staged(changes.begin(), changes.end());
  std::vector<std::pair<size_t, Large>> large;  // staged index, what it will name
  auto undo = [&] {  // chunks nobody will name
    for (const auto& [i, l] : large) DropChunks(l.version);
  };
  for (size_t i = 0; i < staged.size(); ++i) {
    if (staged[i].op != RecordOp::kPut || !IsLarge(staged[i].value.size())) continue;
    const auto size = uint32_t(staged[i].value.size());
    uint64_t version = 0;
    if (Status s = WriteChunks(staged[i], &version); s != Status::kOk) {
      DropChunks(version);
      undo();
      return s;
    }
    large.emplace_back(i, Large{version, size});
  }
  uint64_t frames = 0;
  if (Status s = Write(staged, /*use_reserve=*/false, &frames); s != Status::kOk) {
    undo();
    return s;
  }
  // A large value counts only if its manifest is the last word on its key in this
  // transaction; otherwise its chunks were superseded as soon as they were written.
  for (const auto& [i, l] : large) {
    const IndexKey key{staged[i].ns, staged[i].key};
    bool last = true;
    for (size_t j = i + 1; j < staged.size(); ++j)
      last = last && !(staged[j].ns == key.first && staged[j].key == key.second);
    if (last) large_[key] = l;
    else DropChunks(l.version);
  }
  ++stats_.commits;
  stats_.user_bytes += bytes;
  stats_.frames_written += frames;  // (WriteChunks counted the chunks' frames)
  return Status::kOk;
}

Status Store::Write(std::span<const Change> changes, bool use_reserve, uint64_t* frames,
                    bool cold) {
  const auto payloads = PackTransaction(changes, FramePayloadCapacity(flash_.geometry().page_size));
  *frames = payloads.size();
  if (!use_reserve)
    if (Status s = MakeRoom(writer_.PagesFor(payloads)); s != Status::kOk) return s;
  std::vector<uint64_t> pages;
  const Status s = writer_.Append(payloads, &pages, use_reserve, cold);
  if (s == Status::kPowerLost) dead_ = true;
  if (s != Status::kOk) return s;
  const std::vector<std::span<const uint8_t>> spans(payloads.begin(), payloads.end());
  Apply(std::make_shared<const std::vector<uint64_t>>(std::move(pages)), LocateEntries(spans),
        /*copy=*/use_reserve);
  return Status::kOk;
}

Status Store::Put(uint8_t ns, const Key& key, std::span<const uint8_t> value) {
  const Change c{RecordOp::kPut, ns, key, {value.begin(), value.end()}};
  return Commit({&c, 1});
}

Status Store::Erase(uint8_t ns, const Key& key) {
  if (dead_) return Status::kPowerLost;
  // Nothing to erase: an erase record would only be carried by GC for a while.
  if (ns != kChunkNamespace && !index_.count({ns, key})) return Status::kOk;
  const Change c{RecordOp::kErase, ns, key, {}};
  return Commit({&c, 1});
}

Status Store::Get(uint8_t ns, const Key& key, std::vector<uint8_t>* value) {
  if (dead_) return Status::kPowerLost;
  const auto it = index_.find({ns, key});
  if (ns == kChunkNamespace || it == index_.end()) return Status::kNotFound;
  Status s = Status::kCorrupt;
  for (int attempt = 0; attempt < kReadTries && s == Status::kCorrupt; ++attempt)
    s = it->second.entry.op == RecordOp::kLargePut
            ? ReadLarge(it->second, value)
            : ReadValue(flash_, *it->second.pages, it->second.entry, value);
  if (s == Status::kCorrupt && Repair(it->first) == Status::kPowerLost) return Status::kPowerLost;
  if (s == Status::kPowerLost) dead_ = true;
  return s;
}

bool Store::Contains(uint8_t ns, const Key& key) const {
  return ns != kChunkNamespace && index_.count({ns, key}) > 0;
}

void Store::ForEach(uint8_t ns,
                    const std::function<void(const Key&, uint32_t size)>& visit) const {
  ForEachAfter(ns, std::nullopt, [&](const Key& key, uint32_t size) {
    visit(key, size);
    return true;
  });
}

void Store::ForEachAfter(uint8_t ns, const std::optional<Key>& after,
                         const std::function<bool(const Key&, uint32_t size)>& visit) const {
  if (ns == kChunkNamespace) return;
  auto it = after ? index_.upper_bound({ns, *after}) : index_.lower_bound({ns, Key{}});
  for (; it != index_.end() && it->first.first == ns; ++it) {
    const auto large = large_.find(it->first);
    if (!visit(it->first.second,
               large != large_.end() ? large->second.size : it->second.entry.value_size))
      return;
  }
}

size_t Store::Count(uint8_t ns) const {
  size_t n = 0;
  ForEach(ns, [&](const Key&, uint32_t) { ++n; });
  return n;
}

}  // namespace swivel::os::storage
