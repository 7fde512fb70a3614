// swivel-flash: inspect and create handset flash images from the host.
#include <charconv>
#include <cstring>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "hal/sim/flash_image.h"
#include "tools/swivel-flash/flash_check.h"
#include "tools/swivel-flash/flash_report.h"

namespace {

using swivel::hal::FlashGeometry;
using swivel::hal::sim::FlashImage;
using swivel::hal::sim::ImageError;

constexpr const char* kUsage = R"(usage: swivel-flash COMMAND [OPTIONS] IMAGE

Inspect or create the flash image a Swivel handset keeps its data in.

commands:
  info IMAGE          print geometry, pages in use, wear (erase counts) and bad blocks
  create IMAGE        make a new, fully erased image (refuses to overwrite a file)
  ls IMAGE            list the record store's live records, one a line: namespace,
                      key (32 hex digits), value size in bytes; then a line per namespace
  fsck IMAGE          check the record store: every page, the mount, and that every live
                      record reads back; prints blocks, records, notes and problems

info, ls and fsck open the image read-only: they never change the file.

create options (defaults: a 64 MiB SLC NAND):
  --page-size N         bytes per page (2048)
  --pages-per-block N   pages per erase block (64)
  --blocks N            erase blocks (512)
  --endurance N         erases a block takes before it wears out (100000)

  -h, --help          show this help

exit status: 0 on success, 1 when the image cannot be used (for fsck: also when it found
problems; for ls: also when the store does not mount), 2 on a usage error.
)";

int UsageError(const std::string& message) {
  std::cerr << "swivel-flash: " << message << "\n(see swivel-flash --help)\n";
  return 2;
}

bool ParseU32(std::string_view text, uint32_t& out) {
  const auto* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc() && ptr == end;
}

int Create(const std::vector<std::string_view>& args) {
  FlashGeometry geometry;
  std::string_view path;
  for (size_t i = 0; i < args.size(); ++i) {
    uint32_t* field = nullptr;
    if (args[i] == "--page-size") field = &geometry.page_size;
    else if (args[i] == "--pages-per-block") field = &geometry.pages_per_block;
    else if (args[i] == "--blocks") field = &geometry.block_count;
    else if (args[i] == "--endurance") field = &geometry.erase_endurance;
    if (field) {
      if (i + 1 >= args.size() || !ParseU32(args[i + 1], *field))
        return UsageError(std::string(args[i]) + " needs a whole number");
      ++i;
    } else if (args[i].starts_with("-")) {
      return UsageError("unknown option " + std::string(args[i]));
    } else if (path.empty()) {
      path = args[i];
    } else {
      return UsageError("create takes one IMAGE");
    }
  }
  if (path.empty()) return UsageError("create needs an IMAGE path");
  auto image = FlashImage::Create(std::string(path), geometry);
  std::cout << "created\n" << swivel::tools::DescribeImage(image);
  return 0;
}

int Info(const std::vector<std::string_view>& args) {
  if (args.size() != 1 || args[0].starts_with("-")) return UsageError("info takes one IMAGE");
  auto image = FlashImage::Open(std::string(args[0]), /*writable=*/false);
  std::cout << swivel::tools::DescribeImage(image);
  return 0;
}

int List(const std::vector<std::string_view>& args) {
  if (args.size() != 1 || args[0].starts_with("-")) return UsageError("ls takes one IMAGE");
  return swivel::tools::ListImage(std::string(args[0]), std::cout, std::cerr);
}

int Fsck(const std::vector<std::string_view>& args) {
  if (args.size() != 1 || args[0].starts_with("-")) return UsageError("fsck takes one IMAGE");
  return swivel::tools::FsckImage(std::string(args[0]), std::cout, std::cerr);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string_view> args(argv + 1, argv + argc);
  for (auto a : args)
    if (a == "-h" || a == "--help") {
      std::cout << kUsage;
      return 0;
    }
  if (args.empty()) return UsageError("missing COMMAND");
  const auto command = args[0];
  args.erase(args.begin());
  try {
    if (command == "info") return Info(args);
    if (command == "create") return Create(args);
    if (command == "ls") return List(args);
    if (command == "fsck") return Fsck(args);
  } catch (const ImageError& e) {
    std::cerr << "swivel-flash: error: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "swivel-flash: error: " << e.what() << "\n";
    return 1;
  }
  return UsageError("unknown command " + std::string(command));
}
