#include "hal/sim/sim_board.h"

#include <gtest/gtest.h>

#include <boost/filesystem.hpp>
#include <vector>

namespace swivel::hal::sim {
namespace {

using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::seconds;

BoardOptions SmallBoard(uint64_t seed) {
  BoardOptions o;
  o.seed = seed;
  o.profile.flash = {.page_size = 512, .pages_per_block = 8, .block_count = 32,
                     .erase_endurance = 1000};
  return o;
}

// What a board's randomness produces: OS numbers, radio losses, a torn page.
std::vector<uint64_t> Fingerprint(SimBoard& board) {
  std::vector<uint64_t> out;
  for (int i = 0; i < 4; ++i) out.push_back(board.os_random().next_u64());
  board.radio().set_loss(0.5);
  board.radio().set_backend([](const Bytes& r) { return std::optional<Bytes>(r); });
  for (uint8_t i = 0; i < 32; ++i)
    board.radio().send({i}, seconds(1), [&out, i](RadioStatus s, Bytes) {
      if (s == RadioStatus::kOk) out.push_back(i);
    });
  board.clock().run_for(seconds(2));
  board.flash().schedule_power_cut(0, TearMode::kRandomSubset);
  std::vector<uint8_t> data(512, 0);
  board.flash().program(0, data);
  board.flash().restore_power();
  std::vector<uint8_t> page(512);
  board.flash().read(0, 0, page);
  for (size_t i = 0; i < page.size(); i += 64) out.push_back(page[i]);
  return out;
}

TEST(SimBoard, OneSeedReproducesEverything) {
  SimBoard a(SmallBoard(5)), b(SmallBoard(5)), c(SmallBoard(6));
  const auto fa = Fingerprint(a);
  EXPECT_EQ(fa, Fingerprint(b));
  EXPECT_NE(fa, Fingerprint(c));
}

TEST(SimBoard, DevicesAreTheBoardsOwn) {
  SimBoard board(SmallBoard(1));
  Devices d = board.devices();
  EXPECT_EQ(&d.flash, &board.flash());
  EXPECT_EQ(&d.clock, &board.clock());
  EXPECT_EQ(d.display.width(), 240u);
  EXPECT_EQ(d.display.height(), 160u);
}

TEST(SimBoard, FlashOperationsTakeDeviceTime) {
  SimBoard board(SmallBoard(1));
  const auto t0 = board.clock().now();
  ASSERT_EQ(board.flash().erase(0), FlashStatus::kOk);
  EXPECT_EQ(board.clock().now() - t0, milliseconds(2));
}

TEST(SimBoard, PulledBatteryCutsFlashPowerAtOnce) {
  SimBoard board(SmallBoard(1));
  std::vector<uint8_t> data(16, 7);
  ASSERT_EQ(board.flash().program(0, data), FlashStatus::kOk);
  board.pull_battery();
  EXPECT_FALSE(board.powered());
  EXPECT_EQ(board.flash().program(1, data), FlashStatus::kPowerLost);
  EXPECT_FALSE(board.power_on()) << "no battery, no power";
  board.insert_battery(80);
  ASSERT_TRUE(board.power_on());
  EXPECT_EQ(board.flash().program(1, data), FlashStatus::kOk);
}

TEST(SimBoard, FlatBatteryCutsFlashPowerUntilCharged) {
  auto o = SmallBoard(1);
  o.battery_level = 1;
  SimBoard board(o);
  board.battery().set_load({ScreenPower::kOn, RadioPower::kActive, CpuPower::kBusy});
  board.clock().run_for(hours(1));
  EXPECT_FALSE(board.powered());
  EXPECT_EQ(board.flash().erase(0), FlashStatus::kPowerLost);
  board.battery().connect_charger(true);
  ASSERT_TRUE(board.power_on());
  EXPECT_EQ(board.flash().erase(0), FlashStatus::kOk);
}

TEST(SimBoard, FlashImageOutlivesTheBoard) {
  namespace fs = boost::filesystem;
  const auto dir = fs::temp_directory_path() / fs::unique_path("swivel-board-%%%%-%%%%");
  auto o = SmallBoard(1);
  o.flash_image = dir / "handset" / "flash.img";
  const std::vector<uint8_t> data(64, 0x3C);
  {
    SimBoard board(o);
    ASSERT_EQ(board.flash().program(5, data), FlashStatus::kOk);
    board.pull_battery();  // the board is dropped with no shutdown of any kind
  }
  SimBoard again(o);
  std::vector<uint8_t> out(64);
  ASSERT_EQ(again.flash().read(5, 0, out), FlashStatus::kOk);
  EXPECT_EQ(out, data);
  fs::remove_all(dir);
}

TEST(DeviceProfiles, NamedProfilesExist) {
  ASSERT_TRUE(ProfileByName("classic"));
  ASSERT_TRUE(ProfileByName("lx"));
  EXPECT_FALSE(ProfileByName("razr"));
  EXPECT_EQ(ProfileByName("lx")->screen_width, 400u);
  for (const auto& p : AllProfiles()) EXPECT_EQ(ValidateGeometry(p.flash), "") << p.name;
}

}  // namespace
}  // namespace swivel::hal::sim
