#pragma once
// PhotoLibrary: photos with their bytes. A Photo record names its bytes by SHA-256; the
// bytes live in the BlobStore (namespace 44). Saving a photo writes the record, its dirty
// mark and its bytes in ONE store transaction, so after any power cut the handset holds
// the photo with its bytes or neither (never a record whose bytes were lost, never bytes
// that no record was saved for).
//
// Bytes are never deleted here, even when no record names them any more (a replaced or
// removed photo): there is no blob garbage collection on the handset yet.
#include <string>
#include <string_view>

#include "os/pim/blob_store.h"
#include "os/pim/repository.h"
#include "os/pim/status.h"
#include "os/storage/store.h"
#include "proto/pim.pb.h"

namespace swivel::os::pim {

class PhotoLibrary {
 public:
  PhotoLibrary(storage::Store& store, PhotoRepository& photos)
      : store_(store), photos_(photos), blobs_(store) {}

  // Saves `record` as a local change (PhotoRepository::Save) with `bytes` as its blob:
  // byte_size and sha256 are set from the bytes, and everything lands in one transaction.
  // Bytes held already (the same photo saved again) are not written twice. On failure
  // `record` is as it was, except for an id assigned here (see Repository::Save).
  // kTooLarge over kMaxBlobBytes; otherwise as Repository::Save and the store.
  Status SavePhoto(::swivel::pim::Photo& record, std::string_view bytes);

  // A photo's bytes, checked against `sha256`: kNotFound while they are not here (a
  // pulled photo whose bytes are still downloading), kCorrupt when flash no longer holds
  // bytes with that hash (they are never returned).
  Status ReadBlob(std::string_view sha256, std::string* bytes) {
    return blobs_.Read(sha256, bytes);
  }
  bool HasBlob(std::string_view sha256) { return blobs_.Has(sha256); }

  PhotoRepository& photos() { return photos_; }
  BlobStore& blobs() { return blobs_; }

 private:
  storage::Store& store_;
  PhotoRepository& photos_;
  BlobStore blobs_;
};

}  // namespace swivel::os::pim
