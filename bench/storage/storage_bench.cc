// swivel-bench-storage: the record store on a 64 MiB SimFlash (device time, from the flash
// timing model), and SQLite (WAL, synchronous=FULL) on a host file for the same saves.
// One `name: value` line per figure. Not a test: it measures, it does not judge.
#include <malloc.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <boost/filesystem.hpp>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "bench/storage/sqlite_counting_vfs.h"
#include "hal/sim/sim_flash.h"
#include "hal/sim/sim_random.h"
#include "os/storage/frame.h"
#include "os/storage/store.h"
#include "os/storage/summary.h"

namespace {

using namespace swivel;
using bench::DiskCounters;
using os::storage::Key;
using os::storage::Status;
using os::storage::Store;

constexpr size_t kContactBytes = 300;  // a typical contact, serialized
const hal::FlashGeometry k64MiB{};

void Print(const char* name, double value) { std::printf("%s: %.3f\n", name, value); }
void Progress(const char* what) {
  static const auto start = std::chrono::steady_clock::now();
  const auto s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr, "bench: [%.0f s] %s\n", s, what);
}

Key KeyOf(uint64_t n) {
  Key k{};
  for (int i = 0; i < 8; ++i) k[15 - i] = uint8_t(n >> (8 * i));
  return k;
}

struct Device {
  hal::sim::SimClock clock;
  std::unique_ptr<hal::sim::SimFlash> flash = hal::sim::SimFlash::InMemory(k64MiB, 1, &clock);
  std::unique_ptr<Store> store;
  hal::sim::SimRandom random{42};
  std::vector<uint8_t> value = std::vector<uint8_t>(kContactBytes);

  Device() { Mount(); }
  double Mount() {
    const auto t0 = clock.now();
    Status s;
    store.reset();
    store = Store::Mount(*flash, &s);
    if (s != Status::kOk) std::fprintf(stderr, "bench: mount failed: %s\n", std::string(ToString(s)).c_str());
    return double((clock.now() - t0).count()) / 1000.0;
  }
  // One contact per transaction; returns the save's device time in ms.
  double Save(uint64_t key) {
    random.fill(value);
    const auto t0 = clock.now();
    const Status s = store->Put(1, KeyOf(key), value);
    if (s != Status::kOk) {
      std::fprintf(stderr, "bench: save failed: %s\n", std::string(ToString(s)).c_str());
      std::exit(1);
    }
    return double((clock.now() - t0).count()) / 1000.0;
  }
};

// Keys whose records fill `fraction` of what the store can hold as live data: contacts
// packed into frames, in every block but the GC reserve, less each block's summary pages.
uint64_t KeysForFill(double fraction) {
  namespace st = os::storage;
  const uint32_t per_frame = uint32_t(st::FramePayloadCapacity(k64MiB.page_size) /
                                      (kContactBytes + st::kRecordHeaderSize));
  uint32_t frames = 0;  // data frames in a full block (which keeps a page spare)
  while (frames + 2 + st::SummaryPages(st::kSummaryStart + (frames + 1) * st::SummaryBytesOf(per_frame),
                                       k64MiB.page_size) <= k64MiB.pages_per_block)
    ++frames;
  const double records = double(k64MiB.block_count - 2) * frames * per_frame;
  return uint64_t(fraction * records);
}

void SavesAndCost() {
  Progress("10k saves on an empty store");
  Device d;
  const auto programs0 = d.flash->stats().programs;
  const auto t0 = d.clock.now();
  for (uint64_t i = 0; i < 10000; ++i) d.Save(i);
  const double seconds = double((d.clock.now() - t0).count()) / 1e6;
  const double programs = double(d.flash->stats().programs - programs0) / 10000;
  Print("saves_per_s", 10000 / seconds);
  Print("programs_per_save", programs);
  Print("bytes_per_save", programs * k64MiB.page_size);
}

void FillLevel(double fraction, const char* wa_name, bool latency) {
  Progress((std::string("overwrites at ") + wa_name).c_str());
  Device d;
  const uint64_t keys = KeysForFill(fraction);
  for (uint64_t i = 0; i < keys; ++i) d.Save(i);
  const uint64_t user0 = d.store->stats().frames_written;
  const uint64_t programs0 = d.flash->stats().programs;
  const uint64_t bytes0 = d.flash->stats().bytes_programmed;
  std::vector<double> times;
  const uint64_t overwrites = 2 * k64MiB.page_count();  // the log wraps twice over
  for (uint64_t i = 0; i < overwrites; ++i) times.push_back(d.Save(d.random.uniform(keys)));
  // Every page programmed (user frames, GC copies, block summaries) per user frame.
  const double user = double(d.store->stats().frames_written - user0);
  Print(wa_name, double(d.flash->stats().programs - programs0) / user);
  const double value_bytes = double(overwrites * kContactBytes);
  Print((std::string("bytes_") + wa_name).c_str(),
        double(d.flash->stats().bytes_programmed - bytes0) / value_bytes);
  if (latency) {
    std::sort(times.begin(), times.end());
    Print("save_p99_ms", times[times.size() * 99 / 100]);
    Print("save_max_ms", times.back());
  }
}

void MountAndRam(uint64_t records, const char* mount_name, const char* ram_name) {
  Progress((std::string("mount with ") + std::to_string(records) + " records").c_str());
  Device d;
  for (uint64_t i = 0; i < records; ++i) d.Save(i);
  d.store.reset();
  const auto before = mallinfo2().uordblks;
  Print(mount_name, d.Mount());
  if (ram_name) Print(ram_name, double(mallinfo2().uordblks - before) / 1024.0);
}

void EraseSpread() {
  Progress("long run with cold data until every block is erased 20+ times");
  Device d;
  const uint64_t cold = KeysForFill(0.3), hot = 2000;
  for (uint64_t i = 0; i < cold; ++i) d.Save(i);
  auto min_erases = [&] {
    uint32_t lo = UINT32_MAX;
    for (uint32_t b = 0; b < k64MiB.block_count; ++b) lo = std::min(lo, d.flash->erase_count(b));
    return lo;
  };
  for (uint64_t round = 0; min_erases() < 20 && round < 400; ++round)
    for (int i = 0; i < 20000; ++i) d.Save(cold + d.random.uniform(hot));
  uint32_t hi = 0;
  for (uint32_t b = 0; b < k64MiB.block_count; ++b) hi = std::max(hi, d.flash->erase_count(b));
  Print("erase_min", min_erases());
  Print("erase_max", hi);
  Print("erase_ratio", double(hi) / std::max(1u, min_erases()));
}

void Sqlite() {
  Progress("the same saves on SQLite (WAL, synchronous=FULL)");
  auto& disk = bench::RegisterCountingVfs();
  const auto dir = boost::filesystem::temp_directory_path() /
                   boost::filesystem::unique_path("swivel-bench-%%%%-%%%%");
  boost::filesystem::create_directories(dir);
  sqlite3* db = nullptr;
  sqlite3_open_v2((dir / "contacts.db").c_str(), &db,
                  SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, "counting");
  sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
               "CREATE TABLE contacts(id BLOB PRIMARY KEY, body BLOB) WITHOUT ROWID;",
               nullptr, nullptr, nullptr);
  sqlite3_stmt* put = nullptr;
  sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO contacts VALUES(?, ?)", -1, &put, nullptr);
  hal::sim::SimRandom random(42);
  std::vector<uint8_t> value(kContactBytes);
  const DiskCounters start = disk;
  constexpr int kSaves = 2000;
  for (uint64_t i = 0; i < kSaves; ++i) {
    random.fill(value);
    const Key k = KeyOf(i);
    sqlite3_bind_blob(put, 1, k.data(), int(k.size()), SQLITE_TRANSIENT);
    sqlite3_bind_blob(put, 2, value.data(), int(value.size()), SQLITE_TRANSIENT);
    sqlite3_step(put);  // autocommit: one transaction per save
    sqlite3_reset(put);
  }
  Print("sqlite_bytes_per_save", double(disk.bytes_written - start.bytes_written) / kSaves);
  Print("sqlite_fsyncs_per_save", double(disk.syncs - start.syncs) / kSaves);
  sqlite3_finalize(put);
  sqlite3_close(db);
  boost::filesystem::remove_all(dir);
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // figures appear as they are measured
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "-h" || a == "--help") {
      std::printf("usage: swivel-bench-storage\n\nMeasures the flash record store on a 64 MiB "
                  "SimFlash in device time and SQLite (WAL, synchronous=FULL) on a host\n"
                  "file, and prints one `name: value` line per figure. Progress goes to "
                  "stderr.\n");
      return 0;
    }
    std::fprintf(stderr, "swivel-bench-storage: unknown argument %s (see --help)\n", argv[i]);
    return 2;
  }
  SavesAndCost();
  FillLevel(0.50, "wa_50pct", false);
  FillLevel(0.75, "wa_75pct", false);
  FillLevel(0.90, "wa_90pct", true);
  MountAndRam(1000, "mount_ms_1k", nullptr);
  MountAndRam(10000, "mount_ms_10k", nullptr);
  MountAndRam(100000, "mount_ms_100k", "ram_kb_100k");
  EraseSpread();
  Sqlite();
  return 0;
}
