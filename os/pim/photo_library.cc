#include "os/pim/photo_library.h"

#include <vector>

#include "os/pim/sha256.h"

namespace swivel::os::pim {

Status PhotoLibrary::SavePhoto(::swivel::pim::Photo& record, std::string_view bytes) {
  if (bytes.size() > kMaxBlobBytes) return Status::kTooLarge;
  const ::swivel::pim::Photo before = record;
  record.set_byte_size(bytes.size());
  record.set_sha256(Sha256Of(bytes));
  std::vector<storage::Change> changes;
  Status s = blobs_.StageWhole(record.sha256(), bytes, &changes);
  if (s == Status::kOk) s = photos_.StageLocal(record, &changes);
  if (s == Status::kOk) s = FromStorage(store_.Commit(changes));
  if (s != Status::kOk) {
    const std::string id = record.meta().id();  // kept, as Repository::Save keeps it
    record = before;
    record.mutable_meta()->set_id(id);
    return s;
  }
  photos_.LocalChangeCommitted();
  return s;
}

}  // namespace swivel::os::pim
