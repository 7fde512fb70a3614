#pragma once
// What `swivel-flash info` says about an image: geometry, use, wear and bad blocks.
#include <string>

#include "hal/sim/flash_image.h"

namespace swivel::tools {

struct WearSummary {
  uint32_t min_erases = 0, max_erases = 0;
  double mean_erases = 0;
  uint64_t total_erases = 0;
  uint32_t bad_blocks = 0;
  uint64_t programmed_pages = 0;
};

WearSummary SummarizeWear(const hal::sim::FlashImage& image);
std::string DescribeImage(const hal::sim::FlashImage& image);

}  // namespace swivel::tools
