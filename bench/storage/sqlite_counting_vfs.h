#pragma once
// A SQLite VFS that forwards to the default one and counts what reaches the disk: bytes
// written and syncs. Registered under the name "counting".
#include <cstdint>

namespace swivel::bench {

struct DiskCounters {
  uint64_t bytes_written = 0;
  uint64_t syncs = 0;
};

// Registers the VFS (once) and returns its counters.
DiskCounters& RegisterCountingVfs();

}  // namespace swivel::bench
