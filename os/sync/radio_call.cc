#include "os/sync/radio_call.h"

namespace swivel::os::sync {
namespace {

using swivel::sync::RadioReply;
using swivel::sync::RadioRequest;

// The reply kind a call expects (an error reply may carry none).
bool ReplyFits(RadioRequest::CallCase call, RadioReply::ReplyCase reply) {
  if (reply == RadioReply::REPLY_NOT_SET) return true;
  switch (call) {
    case RadioRequest::kSignUp: return reply == RadioReply::kSignUp;
    case RadioRequest::kSignIn: return reply == RadioReply::kSignIn;
    case RadioRequest::kSync: return reply == RadioReply::kSync;
    case RadioRequest::kUpload:
    case RadioRequest::kBlobStatus: return reply == RadioReply::kBlobState;
    case RadioRequest::kDownload: return reply == RadioReply::kChunk;
    case RadioRequest::CALL_NOT_SET: return false;
  }
  return false;
}

}  // namespace

void RadioCall(hal::Radio& radio, const RadioRequest& request, hal::Duration timeout, CallDone done) {
  hal::Bytes bytes(request.ByteSizeLong());
  request.SerializeToArray(bytes.data(), int(bytes.size()));
  radio.send(std::move(bytes), timeout,
             [call = request.call_case(), done = std::move(done)](hal::RadioStatus status, hal::Bytes reply) {
               if (status != hal::RadioStatus::kOk)
                 return done(CallStatus::kUnreachable, {}, std::string(hal::ToString(status)));
               RadioReply parsed;
               if (!parsed.ParseFromArray(reply.data(), int(reply.size())))
                 return done(CallStatus::kGarbage, {}, "the reply is not a RadioReply");
               if (!ReplyFits(call, parsed.reply_case()))
                 return done(CallStatus::kGarbage, {}, "the reply answers another call");
               done(CallStatus::kOk, std::move(parsed), {});
             });
}

}  // namespace swivel::os::sync
