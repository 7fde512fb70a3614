#pragma once
// RadioCall: one request to the sync service through hal::Radio, the handset's only way
// out. The request goes as a serialized swivel.sync.RadioRequest; the answer comes back to
// `done` exactly once, on a device timer callback, as one of:
//   - kOk with the server's RadioReply (whose `code` may still be an error the server gave),
//   - kUnreachable: the radio is off, has no signal, or no answer came before the timeout,
//   - kGarbage: bytes came back that are not a RadioReply, or a reply of another kind than
//     the call (a broken or hostile service). Nothing may be changed on either failure;
//     the agent retries later.
#include <cstdint>
#include <functional>
#include <string>

#include "hal/radio.h"
#include "proto/sync.pb.h"

namespace swivel::os::sync {

enum class CallStatus { kOk, kUnreachable, kGarbage };

// The gRPC status codes a RadioReply's `code` carries that the handset acts on (os/ does not
// include gRPC, so they are named here; the numbers are gRPC's and never change).
enum ServiceCode : int32_t {
  kServiceOk = 0,
  kServiceDeadlineExceeded = 4,  // the host bridge gave up waiting: the service is silent
  kServiceAlreadyExists = 6,     // sign-up of an account the server has
  kServiceUnavailable = 14,      // the host bridge could not reach the service
  kServiceUnauthenticated = 16,  // the server does not know this device's token
};

using CallDone = std::function<void(CallStatus, swivel::sync::RadioReply reply, std::string why)>;

void RadioCall(hal::Radio& radio, const swivel::sync::RadioRequest& request, hal::Duration timeout,
               CallDone done);

}  // namespace swivel::os::sync
