#pragma once
// BlobStore: photo bytes on flash, named by their SHA-256 (namespace 44, namespaces.h).
//
// A blob is kept as parts of kBlobPartBytes, part i holding bytes [i * kBlobPartBytes, ...),
// each under the key (first 12 bytes of the SHA-256, i as 4 bytes big-endian), and a header
// under (the same 12 bytes, 0xFFFFFFFF) holding the whole SHA-256 and the size. The header
// goes in the same transaction as the last bytes, and only for bytes checked against the
// hash, so a blob is held exactly when its header is there; parts without one are a
// download under way.
//
// Why parts, when the store already chunks a large value itself: one store value is at most
// storage::kMaxValueSize (16 MiB) while the server takes photos up to 64 MiB, and a download
// committed part by part resumes after a battery pull from its last part, not from byte 0.
//
// Keys carry 12 of the hash's 32 bytes (a key has 16). Two blobs sharing those 96 bits is
// not expected in any handset's lifetime; it is refused (kInvalidRecord), never mixed up,
// and every read checks the whole hash anyway.
//
// Holds no state beyond the store. Writes are staged, for the caller's transaction.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "os/pim/status.h"
#include "os/storage/store.h"

namespace swivel::os::pim {

inline constexpr uint32_t kBlobPartBytes = 64 * 1024;
inline constexpr uint64_t kMaxBlobBytes = 64ull << 20;  // the server's limit

class BlobStore {
 public:
  explicit BlobStore(storage::Store& store) : store_(store) {}

  static uint32_t PartCount(uint64_t size) {
    return uint32_t((size + kBlobPartBytes - 1) / kBlobPartBytes);
  }
  // Size of part `index` of a blob of `size` bytes.
  static uint32_t PartSize(uint64_t size, uint32_t index);

  // The whole blob is here (its header names exactly this hash). `size` gets its size.
  bool Has(std::string_view sha256, uint64_t* size = nullptr);
  // Another blob holds this hash's keys (their first 12 bytes agree): it cannot be stored.
  bool KeyTaken(std::string_view sha256);
  // The whole blob, checked against its name. kNotFound (not held), kCorrupt (the bytes on
  // flash are unreadable or do not hash to `sha256`), kInvalidRecord (not 32 bytes).
  Status Read(std::string_view sha256, std::string* bytes);
  // The same check without keeping the bytes: visits each part in order.
  Status Verify(std::string_view sha256,
                const std::function<void(std::string_view part)>& visit = nullptr);
  // One part of a held blob, or of a download under way (unchecked).
  Status ReadPart(std::string_view sha256, uint32_t index, std::string* bytes);

  // Stages the whole blob: every part and the header, unless it is held already.
  // kTooLarge over kMaxBlobBytes, kInvalidRecord when `sha256` is not 32 bytes or a held
  // blob shares its key prefix. The caller has checked that `sha256` names `bytes`.
  Status StageWhole(std::string_view sha256, std::string_view bytes,
                    std::vector<storage::Change>* out);

  // A download: parts arrive one at a time, then the whole is checked.
  // How many parts of a blob of `size` bytes are held from the first on.
  uint32_t PartsHeld(std::string_view sha256, uint64_t size) const;
  void StagePart(std::string_view sha256, uint32_t index, std::string_view bytes,
                 std::vector<storage::Change>* out) const;
  // Every part is in: checks them against the hash and stages the header. kCorrupt when
  // they do not hash to `sha256` (nothing staged; StageDiscard them).
  Status StageComplete(std::string_view sha256, uint64_t size, std::vector<storage::Change>* out);
  // Erases every part (and the header) of a blob of `size` bytes that is on flash.
  void StageDiscard(std::string_view sha256, uint64_t size, std::vector<storage::Change>* out) const;

 private:
  // Checks the parts of a blob of `size` bytes, in order, against the hash.
  Status CheckParts(std::string_view sha256, uint64_t size,
                    const std::function<void(std::string_view part)>& visit);
  // kOk with the header's hash and size, kNotFound, kCorrupt.
  Status ReadHeader(std::string_view sha256, std::string* named, uint64_t* size);

  storage::Store& store_;
};

}  // namespace swivel::os::pim
