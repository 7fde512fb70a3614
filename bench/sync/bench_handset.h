#pragma once
// One handset for the bench, built as a Device builds its sync side: a record store on a
// simulated NAND flash, the five PIM repositories, SyncState, SyncSession and the SyncAgent
// that runs the rounds through hal::Radio. The radio is a SimRadio with no latency and no
// loss whose host side is GrpcRadioBridge: every request leaves as a serialized
// RadioRequest, crosses loopback TCP as the gRPC call swivel-syncd serves, and comes back
// as a serialized RadioReply. Device time is virtual (the clock jumps from timer to timer);
// the figures are host wall-clock time.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include <grpcpp/grpcpp.h>

#include "hal/sim/sim_clock.h"
#include "hal/sim/sim_flash.h"
#include "hal/sim/sim_radio.h"
#include "hal/sim/sim_random.h"
#include "os/pim/repository.h"
#include "os/storage/store.h"
#include "os/sync/sync_agent.h"
#include "os/sync/sync_session.h"
#include "os/sync/sync_state.h"
#include "server/radio_bridge.h"

namespace swivel::bench {

// What one sync (all its rounds) cost.
struct SyncRun {
  bool ok = false;
  std::string error;        // the agent's last error when !ok
  double seconds = 0;       // wall clock, first Build to the last Apply
  double wire_seconds = 0;  // of which inside the radio's host side: gRPC and the server
  uint64_t bytes_up = 0;    // serialized RadioRequests
  uint64_t bytes_down = 0;  // serialized RadioReplies
  uint64_t rounds = 0;
};

class BenchHandset {
 public:
  BenchHandset(uint64_t seed, const hal::FlashGeometry& geometry);

  // Points the radio's host side at a server (a new bridge on `channel`).
  void ConnectTo(std::shared_ptr<grpc::Channel> channel);
  // Signs in through the agent (signing up first when `create`), which then syncs from
  // scratch; measures that sync, from the moment the sign-in is kept to the end of the
  // last round.
  SyncRun SignInAndSync(const std::string& account, const std::string& password, bool create);
  // "Sync now": rounds until the session wants no more.
  SyncRun Sync();

  os::pim::ContactRepository& contacts() { return contacts_; }
  const os::storage::Store& store() const { return *store_; }

 private:
  struct Mark {
    std::chrono::steady_clock::time_point at;
    double wire_seconds;
    uint64_t up, down, rounds;
  };
  Mark Now() const;
  SyncRun Since(const Mark& start) const;
  void RunWhile(const std::function<bool()>& pending);

  hal::sim::SimClock clock_;
  hal::sim::SimRandom random_;
  std::unique_ptr<hal::sim::SimFlash> flash_;
  std::unique_ptr<os::storage::Store> store_;
  os::pim::ContactRepository contacts_;
  os::pim::EventRepository events_;
  os::pim::TaskRepository tasks_;
  os::pim::NoteRepository notes_;
  os::pim::PhotoRepository photos_;
  os::sync::SyncState state_;
  os::sync::SyncSession session_;
  hal::sim::SimRadio radio_;
  os::sync::SyncAgent agent_;
  std::unique_ptr<server::GrpcRadioBridge> bridge_;
  double wire_seconds_ = 0;
};

}  // namespace swivel::bench
