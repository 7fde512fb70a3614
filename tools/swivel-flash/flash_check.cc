#include "tools/swivel-flash/flash_check.h"

#include <ostream>
#include <utility>
#include <vector>

#include "hal/sim/flash_image.h"
#include "hal/sim/sim_flash.h"
#include "os/storage/fsck.h"
#include "os/storage/store.h"

namespace swivel::tools {
namespace {

using hal::sim::FlashImage;
using hal::sim::ImageError;
using hal::sim::SimFlash;
using hal::sim::SimRandom;
namespace storage = os::storage;

// The image mapped read-only, behind a SimFlash with no faults switched on. Any write would
// fault on the mapping; ReadOnlyFlash keeps anything from trying.
SimFlash OpenReadOnly(const std::string& path) {
  return SimFlash(FlashImage::Open(path, /*writable=*/false), SimRandom(0));
}

}  // namespace

int ListImage(const std::string& path, std::ostream& out, std::ostream& err) {
  try {
    SimFlash sim = OpenReadOnly(path);
    storage::ReadOnlyFlash flash(sim);
    storage::Status status;
    auto store = storage::Store::Mount(flash, &status);
    if (!store) {
      err << "swivel-flash: error: " << path << ": the store does not mount: "
          << storage::ToString(status) << "\n";
      return 1;
    }
    uint64_t total = 0;
    std::vector<std::string> summary;
    for (unsigned ns = 0; ns < 256; ++ns) {
      uint64_t records = 0, bytes = 0;
      store->ForEach(uint8_t(ns), [&](const storage::Key& key, uint32_t size) {
        out << ns << " " << storage::KeyHex(key) << " " << size << "\n";
        ++records;
        bytes += size;
      });
      if (records)
        summary.push_back("namespace " + std::to_string(ns) + ": " + std::to_string(records) +
                          " records, " + std::to_string(bytes) + " bytes");
      total += records;
    }
    for (const auto& line : summary) out << line << "\n";
    if (total == 0) out << "no records\n";
    return 0;
  } catch (const ImageError& e) {
    err << "swivel-flash: error: " << e.what() << "\n";
    return 1;
  }
}

int FsckImage(const std::string& path, std::ostream& out, std::ostream& err) {
  try {
    SimFlash sim = OpenReadOnly(path);
    const auto report = storage::Fsck(sim);
    out << "image: " << path << "\n" << storage::FormatFsckReport(report);
    return report.clean() ? 0 : 1;
  } catch (const ImageError& e) {
    err << "swivel-flash: error: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace swivel::tools
