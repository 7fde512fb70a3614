#pragma once
// What a PIM repository tells its caller: the store's answers, plus the repository's own.
#include <string_view>

#include "os/storage/status.h"

namespace swivel::os::pim {

enum class Status {
  kOk,
  kNotFound,
  kFull,       // as storage::Status
  kPowerLost,  // as storage::Status: remount the store, then build the repository again
  kCorrupt,    // a stored value could not be read, or does not parse as its record type,
               // or names another id than its key; never returned as data
  kTooLarge,   // as storage::Status
  kIoError,    // as storage::Status
  // The repository's own:
  kInvalidRecord,  // an id that is not 16 bytes (empty is allowed only where Save assigns
                   // one), Save of a record marked deleted (use Remove), or a record that
                   // would not parse back (a string field holding invalid UTF-8)
  kStale,          // MarkSynced: the record changed after that revision; it stays dirty
  kNoFreeId,       // hal::Random kept returning ids already in use (a broken source)
};

constexpr Status FromStorage(storage::Status s) {
  switch (s) {
    case storage::Status::kOk: return Status::kOk;
    case storage::Status::kNotFound: return Status::kNotFound;
    case storage::Status::kFull: return Status::kFull;
    case storage::Status::kPowerLost: return Status::kPowerLost;
    case storage::Status::kCorrupt: return Status::kCorrupt;
    case storage::Status::kTooLarge: return Status::kTooLarge;
    case storage::Status::kIoError: return Status::kIoError;
    case storage::Status::kInvalid: return Status::kInvalidRecord;  // repositories never
                                                                     // use namespace 255
  }
  return Status::kIoError;
}

constexpr std::string_view ToString(Status s) {
  switch (s) {
    case Status::kOk: return "ok";
    case Status::kNotFound: return "not found";
    case Status::kFull: return "storage full";
    case Status::kPowerLost: return "power lost";
    case Status::kCorrupt: return "corrupt record";
    case Status::kTooLarge: return "record too large";
    case Status::kIoError: return "flash I/O error";
    case Status::kInvalidRecord: return "invalid record";
    case Status::kStale: return "record changed since that revision";
    case Status::kNoFreeId: return "no free record id";
  }
  return "unknown status";
}

}  // namespace swivel::os::pim
