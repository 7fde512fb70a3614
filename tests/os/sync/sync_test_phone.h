#pragma once
// One handset's storage side for the sync tests: a virtual clock, seeded randomness, an
// in-memory flash with its store, the five repositories, and sync state and session on them.
#include <memory>

#include "hal/sim/sim_clock.h"
#include "hal/sim/sim_flash.h"
#include "hal/sim/sim_random.h"
#include "os/sync/sync_session.h"
#include "tests/os/pim/pim_test_support.h"

namespace swivel::os::sync::test {

struct StoragePhone {
  static constexpr hal::FlashGeometry kGeometry{.page_size = 512, .pages_per_block = 16,
                                                .block_count = 256, .erase_endurance = 100000};
  explicit StoragePhone(uint64_t seed) : random(seed) {}
  // The same handset after a power cut: its flash (powered again) mounted anew.
  StoragePhone(uint64_t seed, std::unique_ptr<hal::sim::SimFlash> its_flash)
      : random(seed), flash((its_flash->restore_power(), std::move(its_flash))) {}

  hal::sim::SimClock clock;
  hal::sim::SimRandom random;
  std::unique_ptr<hal::sim::SimFlash> flash = hal::sim::SimFlash::InMemory(kGeometry, 1);
  std::unique_ptr<storage::Store> store = pim::test::MountOk(*flash);
  pim::ContactRepository contacts{*store, clock, random};
  pim::EventRepository events{*store, clock, random};
  pim::TaskRepository tasks{*store, clock, random};
  pim::NoteRepository notes{*store, clock, random};
  pim::PhotoRepository photos{*store, clock, random};
  SyncState state{*store};
  SyncSession session{{contacts, events, tasks, notes, photos}, state, *store};
};

}  // namespace swivel::os::sync::test
