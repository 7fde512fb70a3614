#pragma once
// BlobTransfer: photo bytes through the radio, one chunk a request, run by the sync agent
// after its rounds.
//
// Upload (a push was answered BLOB_MISSING): the bytes here are first checked against their
// hash (damaged bytes never go up); blob_status then says how much the server holds, so an
// upload cut short by a lost link or a battery pull resumes there instead of at byte 0, and
// chunks follow from that offset, each reply saying where the server got to. The photo
// record itself goes up again in the agent's next round, so the server never takes a photo
// before it holds all of its bytes.
//
// Download (BlobLedger's wanted blobs): chunks are gathered into the blob's 64 KiB parts
// (pim::BlobStore) and each whole part is committed, so a battery pull loses at most the
// part under way. When every part is in they are checked against the hash, and the header
// goes in with the erasure of the wanted entry; bytes that do not hash right are erased and
// stay wanted, to be fetched again on a later sync.
//
// A run goes through every blob. A problem with one (the server lacks it, the bytes are
// wrong, the bytes here are unreadable) is noted and the run goes on; an unreachable or
// garbled service ends the run at once. Dropping the transfer (a battery pull) leaves the
// replies still in flight to nobody.
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "hal/radio.h"
#include "os/pim/blob_store.h"
#include "os/storage/store.h"
#include "os/sync/blob_ledger.h"
#include "proto/sync.pb.h"

namespace swivel::os::sync {

struct TransferOptions {
  // Bytes of a blob in one radio request or reply: small enough for a slow link to carry
  // within the timeout, and a lost reply costs only this much.
  uint32_t chunk_bytes = 64 * 1024;
};

enum class TransferResult {
  kDone,         // every blob went through
  kUnreachable,  // the service could not be reached: the run stopped
  kFailed,       // a garbled reply stopped the run, or some blob had a problem (`why`)
};

struct TransferReport {
  TransferResult result = TransferResult::kDone;
  std::string why;  // what stopped the run, or the first problem
  size_t uploaded = 0;    // blobs the server now holds whole that it lacked
  size_t downloaded = 0;  // blobs now held here, checked
  size_t rejected = 0;    // downloads whose bytes did not hash to their name: erased
  size_t problems = 0;
};

class BlobTransfer {
 public:
  using Done = std::function<void(const TransferReport&)>;

  BlobTransfer(hal::Radio& radio, storage::Store& store, hal::Duration timeout,
               TransferOptions options = {});
  BlobTransfer(const BlobTransfer&) = delete;
  BlobTransfer& operator=(const BlobTransfer&) = delete;

  // A new sync: forgets the queue and which blobs went up, so each may go up again.
  void NewRun();
  // Blobs the server lacks. One already uploaded in this run is not sent twice (the run
  // reports it as a problem instead of looping).
  void QueueUploads(const std::vector<BlobRef>& blobs);
  // Uploads are queued or downloads are wanted.
  bool HasWork() const;
  // Uploads everything queued, then downloads everything wanted; `done` runs once, from a
  // radio reply (or at once when nothing needs the radio).
  void Run(std::string token, Done done);

 private:
  void Step();  // starts the next blob's first request, or finishes the run
  bool StartUpload(const BlobRef& blob);    // false: nothing to send for it (noted)
  bool StartDownload(const BlobRef& blob);  // false: nothing to fetch (done or noted)
  void AskStatus();
  void SendFrom(uint64_t offset);
  void Uploaded();
  void Fetch();
  void Received(const swivel::sync::BlobChunk& chunk, uint32_t asked);
  bool CompleteDownload();  // false when the run had to stop
  void Call(swivel::sync::RadioRequest request,
            std::function<void(swivel::sync::RadioReply)> on_reply);
  void Problem(const std::string& why);  // notes it and goes on with the next blob
  void Finish(TransferResult result, const std::string& why);

  hal::Radio& radio_;
  storage::Store& store_;
  pim::BlobStore blobs_;
  BlobLedger ledger_;
  hal::Duration timeout_;
  TransferOptions options_;

  std::deque<BlobRef> uploads_;
  std::set<std::string> uploaded_;  // this run
  std::vector<BlobRef> downloads_;
  size_t next_download_ = 0;
  bool downloading_ = false;
  bool running_ = false;
  std::string token_;
  Done done_;
  TransferReport report_;

  BlobRef current_;
  int stalls_ = 0;           // upload replies in a row that did not move the offset
  uint32_t cached_part_ = UINT32_MAX;  // the part being uploaded, read once
  std::string cached_;
  uint32_t part_index_ = 0;  // download: the part being gathered, and its bytes so far
  std::string part_;

  std::shared_ptr<BlobTransfer*> self_;  // replies in flight hold a weak_ptr to it
};

}  // namespace swivel::os::sync
