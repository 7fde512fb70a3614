#include "os/storage/store.h"

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
    : flash_(flash), writer_(flash, scan, options.reserve_blocks) {}

void Store::Apply(const std::shared_ptr<const std::vector<uint64_t>>& pages,
                  std::span<const Entry> entries) {
  for (const Entry& e : entries) {
    const IndexKey key{e.ns, e.key};
    if (e.op == RecordOp::kErase) index_.erase(key);
    else index_[key] = Slot{pages, e};
  }
}

Status Store::Commit(std::span<const Change> changes) {
  if (dead_) return Status::kPowerLost;
  uint64_t bytes = 0;
  for (const Change& c : changes) {
    if (c.value.size() > kMaxValueSize) return Status::kTooLarge;
    bytes += c.value.size();
  }
  const auto payloads = PackTransaction(changes, FramePayloadCapacity(flash_.geometry().page_size));
  std::vector<uint64_t> pages;
  const Status s = writer_.Append(payloads, &pages);
  if (s == Status::kPowerLost) dead_ = true;
  if (s != Status::kOk) return s;

  const std::vector<std::span<const uint8_t>> spans(payloads.begin(), payloads.end());
  Apply(std::make_shared<const std::vector<uint64_t>>(std::move(pages)), LocateEntries(spans));
  ++stats_.commits;
  stats_.user_bytes += bytes;
  stats_.frames_written += payloads.size();
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
