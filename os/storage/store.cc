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
                  std::span<const Entry> entries) {
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
    bytes += c.value.size();
  }
  uint64_t frames = 0;
  const Status s = Write(changes, /*use_reserve=*/false, &frames);
  if (s != Status::kOk) return s;
  ++stats_.commits;
  stats_.user_bytes += bytes;
  stats_.frames_written += frames;
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
  Apply(std::make_shared<const std::vector<uint64_t>>(std::move(pages)), LocateEntries(spans));
  return Status::kOk;
}

Status Store::Put(uint8_t ns, const Key& key, std::span<const uint8_t> value) {
  const Change c{RecordOp::kPut, ns, key, {value.begin(), value.end()}};
  return Commit({&c, 1});
}

Status Store::Erase(uint8_t ns, const Key& key) {
  const Change c{RecordOp::kErase, ns, key, {}};
  return Commit({&c, 1});
}

Status Store::Get(uint8_t ns, const Key& key, std::vector<uint8_t>* value) {
  if (dead_) return Status::kPowerLost;
  const auto it = index_.find({ns, key});
  if (it == index_.end()) return Status::kNotFound;
  const Status s = ReadValue(flash_, *it->second.pages, it->second.entry, value);
  if (s == Status::kPowerLost) dead_ = true;
  return s;
}

bool Store::Contains(uint8_t ns, const Key& key) const { return index_.count({ns, key}) > 0; }

void Store::ForEach(uint8_t ns,
                    const std::function<void(const Key&, uint32_t size)>& visit) const {
  for (auto it = index_.lower_bound({ns, Key{}}); it != index_.end() && it->first.first == ns; ++it)
    visit(it->first.second, it->second.entry.value_size);
}

size_t Store::Count(uint8_t ns) const {
  size_t n = 0;
  ForEach(ns, [&](const Key&, uint32_t) { ++n; });
  return n;
}

}  // namespace swivel::os::storage
