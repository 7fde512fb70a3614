#include "os/sync/blob_ledger.h"

#include <algorithm>
#include <set>

#include "base/le.h"
#include "os/pim/namespaces.h"
#include "os/pim/repository.h"
#include "os/pim/sha256.h"
#include "proto/pim.pb.h"

namespace swivel::os::sync {
namespace {

constexpr size_t kWantedSize = pim::kSha256Size + 8;  // the hash, the size (LE)

storage::Key KeyOf(std::string_view bytes) {  // the first 16 bytes of an id or a hash
  storage::Key key{};
  std::copy_n(bytes.begin(), std::min(bytes.size(), key.size()), key.begin());
  return key;
}

// The blob a live photo names, if it names one properly.
std::optional<BlobRef> BlobOf(const swivel::pim::Photo& photo) {
  if (photo.meta().deleted() || photo.sha256().size() != pim::kSha256Size) return std::nullopt;
  return BlobRef{photo.sha256(), photo.byte_size()};
}

}  // namespace

std::optional<BlobRef> BlobLedger::StageBlobMissing(const swivel::sync::Record& pushed,
                                                    std::vector<storage::Change>* out) {
  swivel::pim::Photo photo;
  if (pushed.type() != swivel::sync::RECORD_TYPE_PHOTO || pushed.id().size() != pim::kIdSize ||
      !photo.ParseFromString(pushed.payload()))
    return std::nullopt;
  const storage::Key key = KeyOf(pushed.id());
  if (!store_.Contains(pim::DirtyNamespace(pim::kPhotosNamespace), key) &&
      !store_.Contains(pim::kRepushNamespace, key))
    out->push_back({storage::RecordOp::kPut, pim::kRepushNamespace, key, {}});
  return BlobOf(photo);
}

void BlobLedger::StagePushed(const swivel::sync::Record& pushed, std::vector<storage::Change>* out) {
  if (pushed.type() != swivel::sync::RECORD_TYPE_PHOTO || pushed.id().size() != pim::kIdSize) return;
  const storage::Key key = KeyOf(pushed.id());
  if (store_.Contains(pim::kRepushNamespace, key))
    out->push_back({storage::RecordOp::kErase, pim::kRepushNamespace, key, {}});
}

size_t BlobLedger::StageWanted(std::vector<storage::Change>* changes) {
  std::set<std::string> added;
  const size_t n = changes->size();
  for (size_t i = 0; i < n; ++i) {
    const storage::Change& c = (*changes)[i];
    if (c.op != storage::RecordOp::kPut || c.ns != pim::kPhotosNamespace) continue;
    swivel::pim::Photo photo;
    if (!photo.ParseFromArray(c.value.data(), int(c.value.size()))) continue;
    const auto blob = BlobOf(photo);
    if (!blob || added.count(blob->sha256) || blobs_.Has(blob->sha256) ||
        store_.Contains(pim::kWantedBlobsNamespace, KeyOf(blob->sha256)))
      continue;
    std::vector<uint8_t> value(kWantedSize);
    std::copy(blob->sha256.begin(), blob->sha256.end(), value.begin());
    PutLe64(value.data() + pim::kSha256Size, blob->size);
    changes->push_back({storage::RecordOp::kPut, pim::kWantedBlobsNamespace, KeyOf(blob->sha256),
                        std::move(value)});
    added.insert(blob->sha256);
  }
  return added.size();
}

std::vector<std::string> BlobLedger::Repushes() const {
  std::vector<std::string> ids;
  store_.ForEach(pim::kRepushNamespace, [&](const storage::Key& key, uint32_t) {
    ids.emplace_back(key.begin(), key.end());
  });
  return ids;
}

pim::Status BlobLedger::Wanted(std::vector<BlobRef>* out) {
  out->clear();
  std::vector<storage::Key> keys;
  store_.ForEach(pim::kWantedBlobsNamespace,
                 [&](const storage::Key& key, uint32_t) { keys.push_back(key); });
  pim::Status result = pim::Status::kOk;
  std::vector<uint8_t> value;
  for (const auto& key : keys) {
    const auto s = pim::FromStorage(store_.Get(pim::kWantedBlobsNamespace, key, &value));
    if (s == pim::Status::kCorrupt || (s == pim::Status::kOk && value.size() != kWantedSize)) {
      result = pim::Status::kCorrupt;
      continue;
    }
    if (s != pim::Status::kOk) return s;
    out->push_back({std::string(value.begin(), value.begin() + pim::kSha256Size),
                    GetLe64(value.data() + pim::kSha256Size)});
  }
  return result;
}

void BlobLedger::StageGot(std::string_view sha256, std::vector<storage::Change>* out) const {
  const storage::Key key = KeyOf(sha256);
  if (store_.Contains(pim::kWantedBlobsNamespace, key))
    out->push_back({storage::RecordOp::kErase, pim::kWantedBlobsNamespace, key, {}});
}

}  // namespace swivel::os::sync
