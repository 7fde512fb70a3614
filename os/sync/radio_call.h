#pragma once
// RadioCall: one request to the sync service through hal::Radio, the handset's only way
// out. The request goes as a serialized swivel.sync.RadioRequest; the answer comes back to
// `done` exactly once, on a device timer callback, as one of:
//   - kOk with the server's RadioReply (whose `code` may still be an error the server gave),
//   - kUnreachable: the radio is off, has no signal, or no answer came before the timeout,
//   - kGarbage: bytes came back that are not a RadioReply, or a reply of another kind than
//     the call (a broken or hostile service). Nothing may be changed on either failure;
//     the agent retries later.
#include <functional>
#include <string>

#include "hal/radio.h"
#include "proto/sync.pb.h"

namespace swivel::os::sync {

enum class CallStatus { kOk, kUnreachable, kGarbage };

using CallDone = std::function<void(CallStatus, swivel::sync::RadioReply reply, std::string why)>;

void RadioCall(hal::Radio& radio, const swivel::sync::RadioRequest& request, hal::Duration timeout,
               CallDone done);

}  // namespace swivel::os::sync
