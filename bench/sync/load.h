#pragma once
// Many handsets syncing at once against one server: each is a thread with its own TCP
// connection, signed in as one of two devices of an account, looping over small syncs that
// push one changed contact (with its base stamp, as SyncSession sends it) and pull what the
// account's other device pushed. They speak the handset's wire form (RadioRequest through
// GrpcRadioBridge), but hold no store: the server's side is what is measured, and the
// handsets' flash work would only take CPU from it on a shared machine.
#include <chrono>
#include <cstdint>

#include "bench/sync/bench_server.h"

namespace swivel::bench {

struct LoadOptions {
  int handsets = 200;  // two per account
  std::chrono::milliseconds warmup{1000};
  std::chrono::milliseconds window{5000};  // measured
  uint64_t seed = 1;
};

struct LoadResult {
  double syncs_per_s = 0;  // Sync calls answered within the window, per second
  double p50_ms = 0, p99_ms = 0;  // latency of those calls, as the handset's host side saw it
  uint64_t calls = 0;      // answered within the window
  uint64_t errors = 0;     // calls not answered OK, during the whole run
};

LoadResult RunLoad(const BenchServer& server, const LoadOptions& options);

}  // namespace swivel::bench
