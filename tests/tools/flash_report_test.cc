#include "tools/swivel-flash/flash_report.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "hal/sim/sim_flash.h"

namespace swivel::tools {
namespace {

using ::testing::HasSubstr;

TEST(FlashReport, SummarizesWearUseAndBadBlocks) {
  hal::sim::SimFlash flash(
      hal::sim::FlashImage::InMemory({.page_size = 256, .pages_per_block = 4, .block_count = 4,
                                      .erase_endurance = 10}),
      hal::sim::SimRandom(1));
  for (int i = 0; i < 3; ++i) ASSERT_EQ(flash.erase(1), hal::FlashStatus::kOk);
  ASSERT_EQ(flash.erase(2), hal::FlashStatus::kOk);
  const std::vector<uint8_t> data(16, 0);
  ASSERT_EQ(flash.program(0, data), hal::FlashStatus::kOk);
  ASSERT_EQ(flash.program(1, data), hal::FlashStatus::kOk);
  ASSERT_EQ(flash.mark_bad(3), hal::FlashStatus::kOk);

  const auto wear = SummarizeWear(flash.image());
  EXPECT_EQ(wear.min_erases, 0u);
  EXPECT_EQ(wear.max_erases, 3u);
  EXPECT_EQ(wear.total_erases, 4u);
  EXPECT_DOUBLE_EQ(wear.mean_erases, 1.0);
  EXPECT_EQ(wear.bad_blocks, 1u);
  EXPECT_EQ(wear.programmed_pages, 2u);

  const auto text = DescribeImage(flash.image());
  EXPECT_THAT(text, HasSubstr("geometry: 4 blocks x 4 pages x 256 bytes"));
  EXPECT_THAT(text, HasSubstr("pages programmed: 2 of 16"));
  EXPECT_THAT(text, HasSubstr("bad blocks: 1 (3)"));
}

}  // namespace
}  // namespace swivel::tools
