#pragma once
// SyncAgent: runs sync rounds on the device's event loop, through the radio only. A sync
// starts when asked (SyncNow: "sync now"), `quiet` after a local change (SyncSoon: a run of
// saves makes one sync) and every `interval`; it goes round after
// round until the session wants no more. When the service cannot be reached (radio off, no
// signal, silence), answers garbage or an error, nothing changes on the handset and the
// agent tries again after a backoff on device time. It tells its state in one line for the
// status bar ("synced", "syncing", "offline", "sync failed", "no account"), or, once a sync
// ends with deletes from the server held by the delete guard (delete_guard.h), "confirm N
// deletes" until the user answers with ConfirmDeletes or KeepRecords.
//
// Photo bytes: after the rounds, the agent uploads the blobs the server answered
// BLOB_MISSING for and downloads the ones pulled photos name (blob_transfer.h), saying
// "syncing photos"; after an upload it runs another round, which pushes those photos again.
//
// Dropping the agent (a battery pull drops the OS) cancels its timer; a reply still in
// flight then finds no agent and is ignored.
#include <functional>
#include <memory>
#include <string>

#include "hal/clock.h"
#include "hal/radio.h"
#include "hal/random.h"
#include "os/sync/backoff.h"
#include "os/sync/blob_transfer.h"
#include "os/sync/cache_only.h"
#include "os/sync/sync_session.h"
#include "os/sync/sync_state.h"

namespace swivel::os::sync {

struct AgentOptions {
  hal::Duration interval{std::chrono::minutes(15)};  // between syncs when all is well
  hal::Duration timeout{std::chrono::seconds(30)};   // for one request
  hal::Duration quiet{std::chrono::seconds(5)};      // from a local change to its sync
  BackoffOptions backoff;
  SyncPolicy policy = SyncPolicy::kKeepData;  // applied at boot (os/kernel/device.cc)
  TransferOptions blobs;
};

class SyncAgent {
 public:
  using StatusLine = std::function<void(const std::string&)>;

  SyncAgent(hal::Clock& clock, hal::Radio& radio, hal::Random& random, SyncSession& session,
            SyncState& state, StatusLine status, AgentOptions options = {});
  ~SyncAgent();
  SyncAgent(const SyncAgent&) = delete;
  SyncAgent& operator=(const SyncAgent&) = delete;

  // Starts a sync now; when one is under way, another follows it (what changed meanwhile
  // may have missed its push).
  void SyncNow();
  // A local change was saved: a sync starts `quiet` from now, unless one is due sooner,
  // one is under way (another follows it), or the agent is backing off after a failure
  // (the retry carries the change; saving does not hammer a service that is down).
  void SyncSoon();
  // Signs this handset in to `account` (creating the account first when `create`), keeps
  // the device token it gets, and syncs from scratch: everything the handset holds goes up
  // (what the server has already is answered as unchanged) and everything the account holds
  // comes down, so a new or wiped handset gets it all back. `done` gets "" on success or
  // what went wrong; a failed sign-in changes nothing.
  void SignIn(const std::string& account, const std::string& password, const std::string& device_name,
              bool create, std::function<void(const std::string& error)> done);
  // The deletes waiting for the user's word, per record type.
  pim::Status HeldDeletes(HeldCounts* out) { return session_.HeldDeletes(out); }
  // The user agreed: the held deletes are applied.
  pim::Status ConfirmDeletes();
  // The user refused: the held records are kept, and a sync starts to push them back up
  // (after the one under way, if any).
  pim::Status KeepRecords();
  bool busy() const { return busy_; }
  const std::string& status() const { return status_; }
  const std::string& last_error() const { return last_error_; }
  uint64_t rounds() const { return rounds_; }

 private:
  void Round();
  void AfterRounds();  // photo bytes, then synced
  void Synced();
  void Failed(const std::string& status, const std::string& why);
  void Schedule(hal::Duration delay);
  void Say(const std::string& status);
  std::string Settled();  // "synced", or what waits for the user

  hal::Clock& clock_;
  hal::Radio& radio_;
  SyncSession& session_;
  SyncState& state_;
  StatusLine status_line_;
  AgentOptions options_;
  Backoff backoff_;
  BlobTransfer transfer_;
  bool busy_ = false;
  bool again_after_ = false;  // SyncNow came while busy
  std::string status_, last_error_;
  uint64_t rounds_ = 0;
  hal::TimerId timer_ = 0;
  hal::TimePoint timer_due_{};
  bool timer_set_ = false;
  bool backing_off_ = false;  // the last sync failed; the timer holds its retry
  std::shared_ptr<SyncAgent*> self_;  // replies in flight hold a weak_ptr to it
};

}  // namespace swivel::os::sync
