// Power cuts while a photo is saved with its bytes: after any cut, the handset holds the
// photo record, its dirty mark and all its bytes, or none of them.
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "os/pim/photo_library.h"
#include "os/pim/sha256.h"
#include "tests/os/pim/photo_test_support.h"
#include "tests/os/pim/pim_test_support.h"

namespace swivel::os::pim {
namespace {

using hal::sim::SimClock;
using hal::sim::SimFlash;
using hal::sim::SimRandom;
using hal::sim::TearMode;
using namespace test;

// Small, so that the save runs garbage collection (its copies and erases are cut points).
constexpr hal::FlashGeometry kGeometry{.page_size = 2048, .pages_per_block = 16,
                                       .block_count = 24, .erase_endurance = 100000};
constexpr uint64_t kSeed = 21;

// Leaves the flash nearly full of superseded contacts: the photo's save must collect.
void Prefix(SimClock& clock, SimRandom& random, storage::Store& store) {
  ContactRepository contacts{store, clock, random};
  std::vector<swivel::pim::Contact> held(3);
  for (int round = 0; round < 110; ++round)
    for (size_t i = 0; i < held.size(); ++i) {
      held[i].set_display_name("contact " + std::to_string(i) + " edit " + std::to_string(round));
      ASSERT_EQ(contacts.Save(held[i]), Status::kOk);
    }
}

TEST(PhotoLibraryPowerCut, ThePhotoAndItsBytesLandTogetherAtEveryCutPoint) {
  const std::string bytes = PhotoBytes(100'000, 7);  // two parts
  uint64_t before = 0, after = 0;
  {
    SimClock clock;
    SimRandom random(kSeed);
    auto flash = SimFlash::InMemory(kGeometry, 1);
    auto store = MountOk(*flash);
    Prefix(clock, random, *store);
    const uint64_t gc_before = store->stats().gc_runs;
    before = flash->writes();
    PhotoRepository photos{*store, clock, random};
    PhotoLibrary library{*store, photos};
    swivel::pim::Photo photo;
    ASSERT_EQ(library.SavePhoto(photo, bytes), Status::kOk);
    after = flash->writes();
    ASSERT_GT(store->stats().gc_runs, gc_before) << "the save should run garbage collection";
  }

  size_t landed = 0, lost = 0;
  for (auto mode : {TearMode::kNothing, TearMode::kPrefix, TearMode::kRandomSubset,
                    TearMode::kComplete})
    for (uint64_t i = before; i < after; ++i) {
      SimClock clock;
      SimRandom random(kSeed);
      auto flash = SimFlash::InMemory(kGeometry, i);
      flash->set_unstable_tears(true);
      swivel::pim::Photo photo;
      {
        auto store = MountOk(*flash);
        Prefix(clock, random, *store);
        ASSERT_EQ(flash->writes(), before);
        flash->schedule_power_cut(i, mode);
        PhotoRepository photos{*store, clock, random};
        PhotoLibrary library{*store, photos};
        ASSERT_EQ(library.SavePhoto(photo, bytes), Status::kPowerLost) << "cut at write " << i;
      }
      flash->restore_power();
      auto store = MountOk(*flash);
      PhotoRepository photos{*store, clock, random};
      PhotoLibrary library{*store, photos};
      ASSERT_EQ(photo.meta().id().size(), kIdSize) << "the id stays with the caller";
      swivel::pim::Photo stored;
      const Status got = photos.Get(photo.meta().id(), &stored);
      std::vector<DirtyEntry> dirty;
      ASSERT_EQ(photos.Dirty(&dirty), Status::kOk);
      const std::string sha256 = Sha256Of(bytes);
      std::string read;
      const Status blob = library.ReadBlob(sha256, &read);
      const std::string where = "cut at write " + std::to_string(i) + " (mode " +
                                std::to_string(int(mode)) + ")";
      if (got == Status::kOk) {
        ++landed;
        EXPECT_EQ(stored.sha256(), sha256) << where;
        EXPECT_EQ(stored.byte_size(), bytes.size()) << where;
        EXPECT_EQ(dirty, (std::vector<DirtyEntry>{{photo.meta().id(), 1}})) << where;
        ASSERT_EQ(blob, Status::kOk) << where << ": the record landed without its bytes";
        EXPECT_TRUE(read == bytes) << where;
      } else {
        ++lost;
        ASSERT_EQ(got, Status::kNotFound) << where;
        EXPECT_TRUE(dirty.empty()) << where;
        EXPECT_EQ(blob, Status::kNotFound) << where << ": bytes landed without their record";
        EXPECT_EQ(store->Count(kBlobsNamespace), 0u) << where << ": parts left behind";
      }
      if (::testing::Test::HasFailure()) return;
    }
  std::printf("power-cut points checked: %zu landed, %zu lost\n", landed, lost);
  EXPECT_GT(landed, 0u);
  EXPECT_GT(lost, 100u);
}

}  // namespace
}  // namespace swivel::os::pim
