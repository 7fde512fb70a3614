#include "os/pim/blob_store.h"

#include <algorithm>

#include "base/le.h"
#include "os/pim/namespaces.h"
#include "os/pim/sha256.h"

namespace swivel::os::pim {
namespace {

constexpr size_t kKeyPrefix = 12;                // bytes of the hash in a key
constexpr uint32_t kHeaderIndex = 0xFFFFFFFF;     // the part index that names the header
constexpr size_t kHeaderSize = kSha256Size + 8;  // the whole hash, the size (LE)

storage::Key KeyOf(std::string_view sha256, uint32_t index) {
  storage::Key key{};
  std::copy_n(sha256.begin(), kKeyPrefix, key.begin());
  for (int i = 0; i < 4; ++i) key[kKeyPrefix + size_t(i)] = uint8_t(index >> (24 - 8 * i));
  return key;
}

std::vector<uint8_t> Bytes(std::string_view s) { return {s.begin(), s.end()}; }

}  // namespace

uint32_t BlobStore::PartSize(uint64_t size, uint32_t index) {
  const uint64_t from = uint64_t(index) * kBlobPartBytes;
  return from >= size ? 0 : uint32_t(std::min<uint64_t>(kBlobPartBytes, size - from));
}

Status BlobStore::ReadHeader(std::string_view sha256, std::string* named, uint64_t* size) {
  std::vector<uint8_t> value;
  const auto s = store_.Get(kBlobsNamespace, KeyOf(sha256, kHeaderIndex), &value);
  if (s != storage::Status::kOk) return FromStorage(s);
  if (value.size() != kHeaderSize) return Status::kCorrupt;
  named->assign(value.begin(), value.begin() + kSha256Size);
  *size = GetLe64(value.data() + kSha256Size);
  if (*size > kMaxBlobBytes) return Status::kCorrupt;
  return Status::kOk;
}

bool BlobStore::Has(std::string_view sha256, uint64_t* size) {
  if (sha256.size() != kSha256Size) return false;
  std::string named;
  uint64_t held = 0;
  if (ReadHeader(sha256, &named, &held) != Status::kOk || named != sha256) return false;
  if (size) *size = held;
  return true;
}

bool BlobStore::KeyTaken(std::string_view sha256) {
  std::string named;
  uint64_t size = 0;
  return sha256.size() == kSha256Size && ReadHeader(sha256, &named, &size) == Status::kOk &&
         named != sha256;
}

Status BlobStore::CheckParts(std::string_view sha256, uint64_t size,
                             const std::function<void(std::string_view part)>& visit) {
  Sha256 hash;
  std::string part;
  for (uint32_t i = 0; i < PartCount(size); ++i) {
    const Status s = ReadPart(sha256, i, &part);
    if (s == Status::kNotFound) return Status::kCorrupt;  // a part of it is gone
    if (s != Status::kOk) return s;
    if (part.size() != PartSize(size, i)) return Status::kCorrupt;
    hash.Update(part);
    if (visit) visit(part);
  }
  return hash.Finish() == sha256 ? Status::kOk : Status::kCorrupt;
}

Status BlobStore::Verify(std::string_view sha256,
                         const std::function<void(std::string_view part)>& visit) {
  if (sha256.size() != kSha256Size) return Status::kInvalidRecord;
  std::string named;
  uint64_t size = 0;
  if (const Status s = ReadHeader(sha256, &named, &size); s != Status::kOk) return s;
  if (named != sha256) return Status::kNotFound;  // another blob shares the key prefix
  return CheckParts(sha256, size, visit);
}

Status BlobStore::Read(std::string_view sha256, std::string* bytes) {
  bytes->clear();
  const Status s = Verify(sha256, [&](std::string_view part) { bytes->append(part); });
  if (s != Status::kOk) bytes->clear();  // bytes that failed the check are never data
  return s;
}

Status BlobStore::ReadPart(std::string_view sha256, uint32_t index, std::string* bytes) {
  bytes->clear();
  if (sha256.size() != kSha256Size || index == kHeaderIndex) return Status::kInvalidRecord;
  std::vector<uint8_t> value;
  const auto s = store_.Get(kBlobsNamespace, KeyOf(sha256, index), &value);
  if (s != storage::Status::kOk) return FromStorage(s);
  bytes->assign(value.begin(), value.end());
  return Status::kOk;
}

Status BlobStore::StageWhole(std::string_view sha256, std::string_view bytes,
                             std::vector<storage::Change>* out) {
  if (sha256.size() != kSha256Size) return Status::kInvalidRecord;
  if (bytes.size() > kMaxBlobBytes) return Status::kTooLarge;
  std::string named;
  uint64_t size = 0;
  const Status header = ReadHeader(sha256, &named, &size);
  if (header == Status::kPowerLost || header == Status::kIoError) return header;
  if (header == Status::kOk && named != sha256) return Status::kInvalidRecord;
  if (header == Status::kOk && size == bytes.size()) return Status::kOk;  // held already
  // Not held (or its header no longer reads): every part, then the header, so a reader
  // that finds the header finds the parts.
  for (uint32_t i = 0; i < PartCount(bytes.size()); ++i)
    StagePart(sha256, i, bytes.substr(size_t(i) * kBlobPartBytes, PartSize(bytes.size(), i)), out);
  std::vector<uint8_t> value(kHeaderSize);
  std::copy(sha256.begin(), sha256.end(), value.begin());
  PutLe64(value.data() + kSha256Size, bytes.size());
  out->push_back({storage::RecordOp::kPut, kBlobsNamespace, KeyOf(sha256, kHeaderIndex),
                  std::move(value)});
  return Status::kOk;
}

uint32_t BlobStore::PartsHeld(std::string_view sha256, uint64_t size) const {
  if (sha256.size() != kSha256Size) return 0;
  uint32_t held = 0;
  while (held < PartCount(size) && store_.Contains(kBlobsNamespace, KeyOf(sha256, held))) ++held;
  return held;
}

void BlobStore::StagePart(std::string_view sha256, uint32_t index, std::string_view bytes,
                          std::vector<storage::Change>* out) const {
  out->push_back({storage::RecordOp::kPut, kBlobsNamespace, KeyOf(sha256, index), Bytes(bytes)});
}

Status BlobStore::StageComplete(std::string_view sha256, uint64_t size,
                                std::vector<storage::Change>* out) {
  if (sha256.size() != kSha256Size) return Status::kInvalidRecord;
  if (size > kMaxBlobBytes) return Status::kTooLarge;
  if (KeyTaken(sha256)) return Status::kInvalidRecord;
  if (const Status s = CheckParts(sha256, size, nullptr); s != Status::kOk) return s;
  std::vector<uint8_t> value(kHeaderSize);
  std::copy(sha256.begin(), sha256.end(), value.begin());
  PutLe64(value.data() + kSha256Size, size);
  out->push_back({storage::RecordOp::kPut, kBlobsNamespace, KeyOf(sha256, kHeaderIndex),
                  std::move(value)});
  return Status::kOk;
}

void BlobStore::StageDiscard(std::string_view sha256, uint64_t size,
                             std::vector<storage::Change>* out) const {
  if (sha256.size() != kSha256Size) return;
  auto erase = [&](uint32_t index) {
    const storage::Key key = KeyOf(sha256, index);
    if (store_.Contains(kBlobsNamespace, key))
      out->push_back({storage::RecordOp::kErase, kBlobsNamespace, key, {}});
  };
  for (uint32_t i = 0; i < PartCount(size); ++i) erase(i);
  erase(kHeaderIndex);
}

}  // namespace swivel::os::pim
