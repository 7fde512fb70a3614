#include "os/sync/blob_transfer.h"

#include <algorithm>
#include <utility>

#include "os/pim/namespaces.h"
#include "os/sync/radio_call.h"

namespace swivel::os::sync {
namespace {

using swivel::sync::BlobChunk;
using swivel::sync::RadioReply;
using swivel::sync::RadioRequest;

// gRPC status codes the server answers with (RadioReply.code).
constexpr int32_t kNotFound = 5;
constexpr int32_t kFailedPrecondition = 9;
constexpr int kMaxStalls = 3;

// A blob's name for messages: the first 6 bytes of its hash in hex.
std::string Name(const std::string& sha256) {
  std::string out = "photo bytes ";
  for (size_t i = 0; i < std::min<size_t>(6, sha256.size()); ++i) {
    out += "0123456789abcdef"[uint8_t(sha256[i]) >> 4];
    out += "0123456789abcdef"[uint8_t(sha256[i]) & 15];
  }
  return out;
}

}  // namespace

BlobTransfer::BlobTransfer(hal::Radio& radio, storage::Store& store, hal::Duration timeout,
                           TransferOptions options)
    : radio_(radio), store_(store), blobs_(store), ledger_(store), timeout_(timeout),
      options_(options), self_(std::make_shared<BlobTransfer*>(this)) {
  options_.chunk_bytes = std::clamp<uint32_t>(options_.chunk_bytes, 1, pim::kBlobPartBytes);
}

void BlobTransfer::NewRun() {
  uploads_.clear();
  uploaded_.clear();
}

void BlobTransfer::QueueUploads(const std::vector<BlobRef>& blobs) {
  for (const auto& blob : blobs)
    if (std::find(uploads_.begin(), uploads_.end(), blob) == uploads_.end())
      uploads_.push_back(blob);
}

bool BlobTransfer::HasWork() const {
  return !uploads_.empty() || store_.Count(pim::kWantedBlobsNamespace) > 0;
}

void BlobTransfer::Run(std::string token, Done done) {
  token_ = std::move(token);
  done_ = std::move(done);
  report_ = {};
  downloading_ = false;
  running_ = true;
  Step();
}

void BlobTransfer::Step() {
  while (!uploads_.empty()) {
    const BlobRef blob = uploads_.front();
    uploads_.pop_front();
    if (StartUpload(blob)) return;
    if (!running_) return;
  }
  if (!downloading_) {
    downloading_ = true;
    next_download_ = 0;
    if (const auto s = ledger_.Wanted(&downloads_); s == pim::Status::kCorrupt) {
      ++report_.problems;  // the readable entries still go
      if (report_.why.empty()) report_.why = "a wanted photo's entry is unreadable";
    } else if (s != pim::Status::kOk) {
      return Finish(TransferResult::kFailed, "the store: " + std::string(pim::ToString(s)));
    }
  }
  while (next_download_ < downloads_.size()) {
    if (StartDownload(downloads_[next_download_++])) return;
    if (!running_) return;
  }
  Finish(report_.problems ? TransferResult::kFailed : TransferResult::kDone, report_.why);
}

void BlobTransfer::Problem(const std::string& why) {
  ++report_.problems;
  if (report_.why.empty()) report_.why = why;
}

void BlobTransfer::Finish(TransferResult result, const std::string& why) {
  running_ = false;
  report_.result = result;
  report_.why = why;
  cached_part_ = UINT32_MAX;
  cached_.clear();
  part_.clear();
  if (auto done = std::move(done_)) done(report_);
}

void BlobTransfer::Call(RadioRequest request, std::function<void(RadioReply)> on_reply) {
  request.set_token(token_);
  std::weak_ptr<BlobTransfer*> alive = self_;
  RadioCall(radio_, request, timeout_,
            [alive, on_reply = std::move(on_reply)](CallStatus status, RadioReply reply, std::string why) {
              const auto self = alive.lock();
              if (!self) return;  // the OS that asked is gone
              if (status == CallStatus::kUnreachable)
                return (*self)->Finish(TransferResult::kUnreachable, why);
              if (status == CallStatus::kGarbage) return (*self)->Finish(TransferResult::kFailed, why);
              if (reply.code() == kServiceUnavailable || reply.code() == kServiceDeadlineExceeded)
                return (*self)->Finish(TransferResult::kUnreachable,
                                       "the service cannot be reached: " + reply.message());
              on_reply(std::move(reply));
            });
}

// ---- Upload ------------------------------------------------------------------------------

bool BlobTransfer::StartUpload(const BlobRef& blob) {
  if (uploaded_.count(blob.sha256)) {
    Problem("the server still lacks " + Name(blob.sha256) + " after they went up");
    return false;
  }
  uint64_t size = 0;
  if (!blobs_.Has(blob.sha256, &size)) {
    Problem(Name(blob.sha256) + " are not on this handset");
    return false;
  }
  // Read all through once: bytes that no longer hash to their name must not go up.
  if (const auto s = blobs_.Verify(blob.sha256); s != pim::Status::kOk) {
    if (s == pim::Status::kPowerLost || s == pim::Status::kIoError) {
      Finish(TransferResult::kFailed, "the store: " + std::string(pim::ToString(s)));
      return false;
    }
    Problem(Name(blob.sha256) + " on this handset are damaged");
    return false;
  }
  current_ = {blob.sha256, size};
  stalls_ = 0;
  cached_part_ = UINT32_MAX;
  AskStatus();
  return true;
}

void BlobTransfer::AskStatus() {
  RadioRequest request;
  request.mutable_blob_status()->set_sha256(current_.sha256);
  Call(std::move(request), [this](RadioReply reply) {
    if (reply.code() != 0 || !reply.has_blob_state()) {
      Problem("the server: " + reply.message());
      return Step();
    }
    if (reply.blob_state().complete()) return Uploaded();
    SendFrom(reply.blob_state().have_bytes());
  });
}

void BlobTransfer::SendFrom(uint64_t offset) {
  const uint64_t size = current_.size;
  if (offset > size) {
    Problem("the server holds more of " + Name(current_.sha256) + " than there is");
    return Step();
  }
  const auto index = uint32_t(offset / pim::kBlobPartBytes);
  if (offset < size && index != cached_part_) {
    if (const auto s = blobs_.ReadPart(current_.sha256, index, &cached_); s != pim::Status::kOk)
      return Finish(TransferResult::kFailed, "the store: " + std::string(pim::ToString(s)));
    cached_part_ = index;
  }
  const uint64_t in_part = offset - uint64_t(index) * pim::kBlobPartBytes;
  const size_t take = offset < size ? size_t(std::min<uint64_t>(options_.chunk_bytes,
                                                                 cached_.size() - in_part))
                                    : 0;  // an empty blob goes as one empty chunk
  RadioRequest request;
  BlobChunk& chunk = *request.mutable_upload();
  chunk.set_sha256(current_.sha256);
  chunk.set_offset(offset);
  chunk.set_total_size(size);
  if (take > 0) chunk.set_data(cached_.substr(size_t(in_part), take));
  Call(std::move(request), [this, offset](RadioReply reply) {
    if (reply.code() == kFailedPrecondition) {  // it holds less than we thought: ask again
      if (++stalls_ > kMaxStalls) {
        Problem("the upload of " + Name(current_.sha256) + " makes no progress: " + reply.message());
        return Step();
      }
      return AskStatus();
    }
    if (reply.code() != 0 || !reply.has_blob_state()) {
      Problem("the server refused " + Name(current_.sha256) + ": " + reply.message());
      return Step();
    }
    const auto& state = reply.blob_state();
    if (state.complete()) return Uploaded();
    if (state.have_bytes() <= offset && ++stalls_ > kMaxStalls) {
      Problem("the upload of " + Name(current_.sha256) + " makes no progress");
      return Step();
    }
    if (state.have_bytes() > offset) stalls_ = 0;
    SendFrom(state.have_bytes());
  });
}

void BlobTransfer::Uploaded() {
  ++report_.uploaded;
  uploaded_.insert(current_.sha256);
  cached_part_ = UINT32_MAX;
  cached_.clear();
  Step();
}

// ---- Download ----------------------------------------------------------------------------

bool BlobTransfer::StartDownload(const BlobRef& blob) {
  current_ = blob;
  if (blobs_.Has(blob.sha256)) {  // saved or fetched meanwhile
    std::vector<storage::Change> changes;
    ledger_.StageGot(blob.sha256, &changes);
    if (const auto s = store_.Commit(changes); s != storage::Status::kOk)
      Finish(TransferResult::kFailed, "the store: " + std::string(storage::ToString(s)));
    return false;
  }
  if (blob.size > pim::kMaxBlobBytes || blobs_.KeyTaken(blob.sha256)) {
    Problem(Name(blob.sha256) + " cannot be kept on this handset");
    return false;
  }
  part_index_ = blobs_.PartsHeld(blob.sha256, blob.size);  // from an earlier, cut-short run
  part_.clear();
  if (part_index_ < pim::BlobStore::PartCount(blob.size)) {
    Fetch();
    return true;
  }
  CompleteDownload();
  return false;
}

void BlobTransfer::Fetch() {
  const uint64_t offset = uint64_t(part_index_) * pim::kBlobPartBytes + part_.size();
  const auto asked = uint32_t(std::min<uint64_t>(
      options_.chunk_bytes, pim::BlobStore::PartSize(current_.size, part_index_) - part_.size()));
  RadioRequest request;
  auto& query = *request.mutable_download();
  query.set_sha256(current_.sha256);
  query.set_offset(offset);
  query.set_max_bytes(asked);
  Call(std::move(request), [this, asked](RadioReply reply) {
    if (reply.code() == kNotFound) {  // not (yet) on the server: a later sync tries again
      Problem("the server does not have " + Name(current_.sha256));
      return Step();
    }
    if (reply.code() != 0 || !reply.has_chunk()) {
      Problem("the server: " + reply.message());
      return Step();
    }
    Received(reply.chunk(), asked);
  });
}

void BlobTransfer::Received(const BlobChunk& chunk, uint32_t asked) {
  const uint64_t offset = uint64_t(part_index_) * pim::kBlobPartBytes + part_.size();
  if (chunk.total_size() != current_.size) {
    Problem("the server's " + Name(current_.sha256) + " are " + std::to_string(chunk.total_size()) +
            " bytes, the photo says " + std::to_string(current_.size));
    return Step();
  }
  if (chunk.sha256() != current_.sha256 || chunk.offset() != offset || chunk.data().empty() ||
      chunk.data().size() > asked)
    return Finish(TransferResult::kFailed, "the reply is not the chunk asked for");
  part_ += chunk.data();
  if (part_.size() == pim::BlobStore::PartSize(current_.size, part_index_)) {
    std::vector<storage::Change> changes;
    blobs_.StagePart(current_.sha256, part_index_, part_, &changes);
    if (const auto s = store_.Commit(changes); s != storage::Status::kOk)
      return Finish(TransferResult::kFailed, "the store: " + std::string(storage::ToString(s)));
    ++part_index_;
    part_.clear();
    if (part_index_ == pim::BlobStore::PartCount(current_.size)) {
      if (CompleteDownload()) Step();
      return;
    }
  }
  Fetch();
}

bool BlobTransfer::CompleteDownload() {
  std::vector<storage::Change> changes;
  pim::Status s = blobs_.StageComplete(current_.sha256, current_.size, &changes);
  if (s == pim::Status::kCorrupt) {
    // Which chunk was wrong cannot be told: all of it goes, and it stays wanted.
    changes.clear();
    blobs_.StageDiscard(current_.sha256, current_.size, &changes);
    if (const auto c = store_.Commit(changes); c != storage::Status::kOk) {
      Finish(TransferResult::kFailed, "the store: " + std::string(storage::ToString(c)));
      return false;
    }
    ++report_.rejected;
    Problem(Name(current_.sha256) + " came with the wrong SHA-256: not kept");
    return true;
  }
  if (s == pim::Status::kOk) {
    ledger_.StageGot(current_.sha256, &changes);
    s = pim::FromStorage(store_.Commit(changes));
  }
  if (s != pim::Status::kOk) {
    Finish(TransferResult::kFailed, "the store: " + std::string(pim::ToString(s)));
    return false;
  }
  ++report_.downloaded;
  return true;
}

}  // namespace swivel::os::sync
