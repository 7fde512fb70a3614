#include "os/kernel/device.h"

#include <gtest/gtest.h>

#include "hal/sim/sim_board.h"

namespace swivel::os::kernel {
namespace {

pim::Status SaveContact(Device& d, const std::string& name, std::string* id) {
  swivel::pim::Contact c;
  c.mutable_name()->set_given(name);
  const auto s = d.contacts().Save(c);
  *id = c.meta().id();
  return s;
}

std::string GivenName(Device& d, const std::string& id) {
  swivel::pim::Contact c;
  if (d.contacts().Get(id, &c) != pim::Status::kOk) return "<missing>";
  return c.name().given();
}

std::unique_ptr<Device> BootOk(hal::Devices& devices) {
  storage::Status s;
  auto d = Device::Boot(devices, {}, &s);
  EXPECT_EQ(s, storage::Status::kOk);
  return d;
}

// The 2009 failure, on the handset side: a battery pull must not empty it.
TEST(Device, ABatteryPullLosesNothingThatWasSaved) {
  hal::sim::SimBoard board{hal::sim::BoardOptions{}};
  auto devices = board.devices();
  auto device = BootOk(devices);
  std::string ana, ben;
  ASSERT_EQ(SaveContact(*device, "Ana", &ana), pim::Status::kOk);
  ASSERT_EQ(SaveContact(*device, "Ben", &ben), pim::Status::kOk);

  // Pull the battery in the middle of the next save: the OS instance is simply dropped.
  board.flash().schedule_power_cut(board.flash().writes(), hal::sim::TearMode::kRandomSubset);
  std::string cleo;
  EXPECT_EQ(SaveContact(*device, "Cleo", &cleo), pim::Status::kPowerLost);
  board.pull_battery();
  device.reset();

  board.insert_battery(80);
  ASSERT_TRUE(board.power_on());
  device = BootOk(devices);
  ASSERT_NE(device, nullptr);
  EXPECT_EQ(GivenName(*device, ana), "Ana");
  EXPECT_EQ(GivenName(*device, ben), "Ben");
  const std::string c = GivenName(*device, cleo);
  EXPECT_TRUE(c == "Cleo" || c == "<missing>") << "the save in flight is whole or absent";
  std::vector<pim::DirtyEntry> dirty;
  ASSERT_EQ(device->contacts().Dirty(&dirty), pim::Status::kOk);
  EXPECT_GE(dirty.size(), 2u) << "what sync has not sent yet is still marked";
}

TEST(Device, APhotoKeepsItsBytesThroughABatteryPull) {
  hal::sim::SimBoard board{hal::sim::BoardOptions{}};
  auto devices = board.devices();
  auto device = BootOk(devices);
  const std::string bytes(200'000, 'p');
  swivel::pim::Photo photo;
  ASSERT_EQ(device->photo_library().SavePhoto(photo, bytes), pim::Status::kOk);
  board.pull_battery();
  device.reset();
  board.insert_battery(80);
  ASSERT_TRUE(board.power_on());
  device = BootOk(devices);
  swivel::pim::Photo stored;
  ASSERT_EQ(device->photos().Get(photo.meta().id(), &stored), pim::Status::kOk);
  std::string read;
  ASSERT_EQ(device->photo_library().ReadBlob(stored.sha256(), &read), pim::Status::kOk);
  EXPECT_TRUE(read == bytes);
}

TEST(Device, BootingOnFlashThatFailsSaysWhy) {
  hal::sim::SimBoard board{hal::sim::BoardOptions{}};
  auto devices = board.devices();
  board.flash().cut_power();
  storage::Status s;
  EXPECT_EQ(Device::Boot(devices, {}, &s), nullptr);
  EXPECT_EQ(s, storage::Status::kPowerLost);
}

// The trash is purged at boot and once a day while the handset runs.
TEST(Device, TheTrashIsPurgedAtBootAndOnceADay) {
  using namespace std::chrono_literals;
  hal::sim::SimBoard board{hal::sim::BoardOptions{}};
  board.battery().connect_charger(true);  // a month on
  auto devices = board.devices();
  auto device = BootOk(devices);
  std::string ana, ben;
  ASSERT_EQ(SaveContact(*device, "Ana", &ana), pim::Status::kOk);
  ASSERT_EQ(SaveContact(*device, "Ben", &ben), pim::Status::kOk);
  ASSERT_EQ(device->contacts().Remove(ana), pim::Status::kOk);
  board.clock().run_for(29 * 24h);
  EXPECT_EQ(device->trash().Count(), 1u);
  board.clock().run_for(48h);  // the first daily purge after it is 30 days old
  EXPECT_EQ(device->trash().Count(), 0u);

  ASSERT_EQ(device->contacts().Remove(ben), pim::Status::kOk);
  device.reset();  // switched off for a month: nothing runs
  board.clock().run_for(30 * 24h);
  device = BootOk(devices);
  EXPECT_EQ(device->trash().Count(), 0u) << "purged at boot";
}

}  // namespace
}  // namespace swivel::os::kernel
