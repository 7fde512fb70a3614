// swivel-bench-sync: what sync costs a handset with 10,000 contacts against swivel-syncd
// on loopback, and what the server does under 200 handsets at once. One `name: value` line
// per figure on stdout (progress on stderr); not a test.
//
// The handset is the real one (bench_handset.h): SyncAgent and SyncSession over a record
// store on a 64 MiB simulated flash, its radio carried to an in-process swivel-syncd
// (bench_server.h) over gRPC on 127.0.0.1. Times are host wall-clock, the handset's Build
// and Apply included. Bytes are the serialized RadioRequests plus RadioReplies, what the
// handset's radio sends and receives (the token in every request included; gRPC's HTTP/2
// framing and headers, which a radio link would not carry, are not).
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "bench/sync/bench_handset.h"
#include "bench/sync/bench_server.h"
#include "bench/sync/contact_maker.h"
#include "bench/sync/load.h"

namespace {

using namespace swivel;
using namespace swivel::bench;
using namespace std::chrono_literals;

constexpr const char* kUsage = R"(usage: swivel-bench-sync [--quick]

What sync costs a handset holding 10,000 contacts (initial sync, one change, a no-op sync,
a re-seed after the server lost its data) against swivel-syncd's service over gRPC on
127.0.0.1, and the server's throughput and latency under 200 handsets syncing at once.
Prints one `name: value` line per figure (see bench/README.md); progress goes to stderr.
The server keeps its data in a fresh directory under $TMPDIR (or /tmp): its fsyncs go to
that disk.

  --quick     1,000 contacts and 20 handsets for 1 s (the figures keep their names)
  -h, --help  show this help
)";

struct Params {
  int contacts = 10000;
  LoadOptions load;
};

void Print(const char* name, double value, int decimals = 3) {
  std::printf("%s: %.*f\n", name, decimals, value);
}

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "swivel-bench-sync: %s\n", what.c_str());
  std::exit(1);
}

void Check(const SyncRun& run, const char* what) {
  if (!run.ok) Fail(std::string(what) + " failed: " + run.error);
  std::fprintf(stderr, "bench: %s: %.3f s, %llu rounds, %llu bytes up, %llu down\n", what,
               run.seconds, (unsigned long long)run.rounds, (unsigned long long)run.bytes_up,
               (unsigned long long)run.bytes_down);
}

// Every pushed record was acknowledged: nothing is left to send.
void CheckClean(BenchHandset& phone, const char* what) {
  std::vector<os::pim::DirtyEntry> dirty;
  if (phone.contacts().Dirty(&dirty) != os::pim::Status::kOk || !dirty.empty())
    Fail(std::string(what) + " left " + std::to_string(dirty.size()) + " contacts unsynced");
}

server::ServerOptions ServerOptionsForBench() {
  server::ServerOptions options;
  // libsodium's cheapest Argon2id, as the server tests use: sign-ins are not measured, and
  // the load test signs 200 devices in before it starts.
  options.pwhash = server::PwhashLimits::Minimum();
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  Params params;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "-h" || a == "--help") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (a == "--quick") {
      params.contacts = 1000;
      params.load.handsets = 20;
      params.load.warmup = 300ms;
      params.load.window = 1000ms;
      continue;
    }
    std::fprintf(stderr, "swivel-bench-sync: unknown argument %s (see --help)\n", argv[i]);
    return 2;
  }
  try {
    // The classic handset's flash: 512 blocks x 64 pages x 2 KiB.
    BenchHandset phone(7, hal::FlashGeometry{});
    ContactMaker maker(42);
    std::string edited_id;
    for (int i = 0; i < params.contacts; ++i) {
      pim::Contact c = maker.Next();
      if (phone.contacts().Save(c) != os::pim::Status::kOk)
        Fail("saving contact " + std::to_string(i) + " failed");
      if (i == params.contacts / 2) edited_id = c.meta().id();
      if (i % 2000 == 1999) std::fprintf(stderr, "bench: %d contacts saved\n", i + 1);
    }
    const double contacts = params.contacts;

    auto server = std::make_unique<BenchServer>(ServerOptionsForBench());
    phone.ConnectTo(server->Connect());
    const SyncRun initial = phone.SignInAndSync("bench", "correct horse", true);
    Check(initial, "initial sync");
    CheckClean(phone, "the initial sync");

    pim::Contact edited;
    if (phone.contacts().Get(edited_id, &edited) != os::pim::Status::kOk) Fail("no contact to edit");
    maker.Edit(edited);
    if (phone.contacts().Save(edited) != os::pim::Status::kOk) Fail("saving the edit failed");
    const SyncRun one = phone.Sync();
    Check(one, "one change");
    CheckClean(phone, "the one-change sync");

    const SyncRun noop = phone.Sync();
    Check(noop, "no-op sync");

    // The server loses everything: a new data directory, a new epoch, no accounts. The
    // handset signs in again (the user types the password) and re-seeds.
    server.reset();
    server = std::make_unique<BenchServer>(ServerOptionsForBench());
    phone.ConnectTo(server->Connect());
    const SyncRun reseed = phone.SignInAndSync("bench", "correct horse", true);
    Check(reseed, "re-seed");
    CheckClean(phone, "the re-seed");

    // A second, empty handset signs in to the re-seeded account and pulls everything: the
    // figure for a new phone, and the proof that the re-seed put every contact back.
    BenchHandset tablet(8, hal::FlashGeometry{});
    tablet.ConnectTo(server->Connect());
    const SyncRun pull = tablet.SignInAndSync("bench", "correct horse", false);
    Check(pull, "pull to a new handset");
    if (tablet.contacts().LiveCount() != size_t(params.contacts))
      Fail("the new handset got " + std::to_string(tablet.contacts().LiveCount()) + " contacts, not " +
           std::to_string(params.contacts));

    std::fprintf(stderr, "bench: %d handsets syncing at once...\n", params.load.handsets);
    const LoadResult load = RunLoad(*server, params.load);

    std::printf("contacts: %d\n", params.contacts);
    std::printf("handsets: %d\n", params.load.handsets);
    std::printf("server_pwhash: minimum\n");
    Print("initial_sync_10k_s", initial.seconds);
    Print("initial_sync_10k_wire_s", initial.wire_seconds);
    Print("initial_sync_10k_rounds", double(initial.rounds), 0);
    Print("initial_bytes_per_contact", double(initial.bytes_up + initial.bytes_down) / contacts, 1);
    Print("one_change_bytes", double(one.bytes_up + one.bytes_down), 0);
    Print("one_change_ms", one.seconds * 1000);
    Print("one_change_rounds", double(one.rounds), 0);
    Print("noop_sync_bytes", double(noop.bytes_up + noop.bytes_down), 0);
    Print("noop_sync_ms", noop.seconds * 1000);
    Print("reseed_10k_s", reseed.seconds);
    Print("reseed_10k_wire_s", reseed.wire_seconds);
    Print("reseed_bytes_per_contact", double(reseed.bytes_up + reseed.bytes_down) / contacts, 1);
    Print("pull_10k_s", pull.seconds);
    Print("pull_bytes_per_contact", double(pull.bytes_up + pull.bytes_down) / contacts, 1);
    Print("syncs_per_s_200", load.syncs_per_s, 1);
    Print("p50_ms_200", load.p50_ms);
    Print("p99_ms_200", load.p99_ms);
    Print("load_errors", double(load.errors), 0);
    return load.errors == 0 ? 0 : 1;
  } catch (const std::exception& e) {
    Fail(e.what());
  }
}
