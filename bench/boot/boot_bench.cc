// swivel-bench-boot: device time from power on to an interactive Jump screen, with 10k
// contacts on a 64 MiB flash. One `name: value` line per figure; not a test.
//
// Power on here is: mount the record store (block summaries, manifests), open the
// repositories, start the kernel, bring the launcher up ready for keys and draw its first
// frame. Device time comes from the simulated flash's latencies; drawing costs CPU, not flash
// time, so the host time of the same boot and of one frame are printed beside it.
#include <chrono>
#include <cstdio>
#include <string>

#include "apps/suite/suite.h"
#include "emulator/handset.h"

namespace {

using namespace swivel;

void Print(const char* name, double value) { std::printf("%s: %.3f\n", name, value); }

emulator::HandsetOptions Options() {
  emulator::HandsetOptions o;
  o.install = [](os::kernel::Device& d) { apps::InstallApps(d); };
  return o;
}

struct Boot {
  double device_ms = 0, host_ms = 0, frame_host_ms = 0;
};

Boot BootMs(uint64_t contacts) {
  emulator::Handset h(Options());
  std::string error;
  if (!h.PowerOn(&error)) {
    std::fprintf(stderr, "bench: %s\n", error.c_str());
    std::exit(1);
  }
  for (uint64_t i = 0; i < contacts; ++i) {
    pim::Contact c;
    c.mutable_name()->set_given("Given" + std::to_string(i));
    c.mutable_name()->set_family("Family" + std::to_string(i * 7919 % contacts));
    c.add_phones()->set_number("+1 555 01" + std::to_string(10000 + i));
    if (h.os()->contacts().Save(c) != os::pim::Status::kOk) {
      std::fprintf(stderr, "bench: save %llu failed\n", (unsigned long long)i);
      std::exit(1);
    }
    if (i % 2000 == 1999) std::fprintf(stderr, "bench: %llu contacts saved\n", (unsigned long long)i + 1);
  }
  h.PullBattery();
  const uint64_t frames = h.board().display().frames();
  const auto t0 = h.board().clock().now();
  const auto host0 = std::chrono::steady_clock::now();
  if (!h.PowerOn(&error) || h.os()->kernel().apps().current_id() != "launcher" ||
      h.board().display().frames() != frames + 1) {
    std::fprintf(stderr, "bench: boot failed (or drew no frame): %s\n", error.c_str());
    std::exit(1);
  }
  Boot b;
  b.host_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - host0).count();
  b.device_ms = double((h.board().clock().now() - t0).count()) / 1000.0;
  // One more frame of the launcher: a d-pad move redraws the whole screen.
  const uint64_t before = h.board().display().frames();
  const auto f0 = std::chrono::steady_clock::now();
  for (int i = 0; i < 50; ++i) h.Press(i % 2 ? hal::Key::kLeft : hal::Key::kRight);
  const double drawn = double(h.board().display().frames() - before);
  b.frame_host_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - f0).count() / drawn;
  return b;
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "-h" || a == "--help") {
      std::printf("usage: swivel-bench-boot\n\nDevice time from power on to an interactive Jump "
                  "screen, with 1k and 10k contacts on a\n64 MiB flash (after a battery pull). "
                  "Prints one `name: value` line per figure; progress\ngoes to stderr.\n");
      return 0;
    }
    std::fprintf(stderr, "swivel-bench-boot: unknown argument %s (see --help)\n", argv[i]);
    return 2;
  }
  const Boot empty = BootMs(0), k1 = BootMs(1000), k10 = BootMs(10000);
  Print("boot_ms_empty", empty.device_ms);
  Print("boot_ms_1k", k1.device_ms);
  Print("boot_ms_10k", k10.device_ms);
  Print("boot_host_ms_10k", k10.host_ms);
  Print("frame_host_ms", k10.frame_host_ms);
}
