#pragma once
// What a store operation tells its caller.
#include <string_view>

namespace swivel::os::storage {

enum class Status {
  kOk,
  kNotFound,
  kFull,       // not enough free flash; nothing was written
  kPowerLost,  // power went during the operation; it may or may not have taken effect,
               // and the store must be mounted again
  kCorrupt,    // what flash holds fails its checks: a read error, never data
  kTooLarge,   // a value over kMaxValueSize
  kIoError,    // flash refused an operation (out of range, or worse)
  kInvalid,    // a request the store cannot take (namespace 255 is the store's own)
};

constexpr std::string_view ToString(Status s) {
  switch (s) {
    case Status::kOk: return "ok";
    case Status::kNotFound: return "not found";
    case Status::kFull: return "storage full";
    case Status::kPowerLost: return "power lost";
    case Status::kCorrupt: return "corrupt data on flash";
    case Status::kTooLarge: return "value too large";
    case Status::kIoError: return "flash I/O error";
    case Status::kInvalid: return "invalid request";
  }
  return "unknown status";
}

}  // namespace swivel::os::storage
