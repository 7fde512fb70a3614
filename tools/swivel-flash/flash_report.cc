#include "tools/swivel-flash/flash_report.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <sstream>

namespace swivel::tools {

WearSummary SummarizeWear(const hal::sim::FlashImage& image) {
  const auto& g = image.geometry();
  WearSummary s;
  s.min_erases = std::numeric_limits<uint32_t>::max();
  for (uint32_t b = 0; b < g.block_count; ++b) {
    const auto info = image.block(b);
    s.min_erases = std::min(s.min_erases, info.erase_count);
    s.max_erases = std::max(s.max_erases, info.erase_count);
    s.total_erases += info.erase_count;
    s.bad_blocks += info.bad;
  }
  for (uint64_t p = 0; p < g.page_count(); ++p) s.programmed_pages += image.page_programmed(p);
  s.mean_erases = double(s.total_erases) / g.block_count;
  return s;
}

std::string DescribeImage(const hal::sim::FlashImage& image) {
  const auto& g = image.geometry();
  const auto wear = SummarizeWear(image);
  std::ostringstream out;
  char size[32];
  std::snprintf(size, sizeof(size), "%.1f MiB", double(g.total_bytes()) / (1 << 20));
  out << "image: " << image.path().string() << "\n"
      << "geometry: " << g.block_count << " blocks x " << g.pages_per_block << " pages x "
      << g.page_size << " bytes (" << size << ")\n"
      << "endurance: " << g.erase_endurance << " erases per block\n"
      << "pages programmed: " << wear.programmed_pages << " of " << g.page_count() << "\n"
      << "erases: total " << wear.total_erases << ", per block min " << wear.min_erases
      << " mean " << wear.mean_erases << " max " << wear.max_erases << "\n"
      << "bad blocks: " << wear.bad_blocks;
  std::string separator = " (";
  for (uint32_t b = 0; b < g.block_count; ++b) {
    if (!image.block(b).bad) continue;
    out << separator << b;
    separator = ", ";
  }
  if (wear.bad_blocks) out << ")";
  out << "\n";
  return out.str();
}

}  // namespace swivel::tools
