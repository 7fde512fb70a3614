#pragma once
// A handset for the photo sync tests: flash large enough for megabyte photos, its radio, and
// an OS side (store, repositories, photo library, sync session and agent) that a battery
// pull drops and a boot mounts again from the same flash.
#include <memory>
#include <string>
#include <vector>

#include "hal/sim/sim_clock.h"
#include "hal/sim/sim_flash.h"
#include "hal/sim/sim_radio.h"
#include "hal/sim/sim_random.h"
#include "os/pim/photo_library.h"
#include "os/sync/sync_agent.h"
#include "os/sync/sync_session.h"
#include "tests/os/pim/photo_test_support.h"
#include "tests/os/pim/pim_test_support.h"

namespace swivel::os::sync::test {

struct PhotoPhone {
  static constexpr hal::FlashGeometry kGeometry{.page_size = 2048, .pages_per_block = 64,
                                                .block_count = 96, .erase_endurance = 100000};

  // What a booted handset runs; dropped with no shutdown code on a battery pull.
  struct Os {
    explicit Os(PhotoPhone& p)
        : store(pim::test::MountOk(*p.flash)),
          contacts(*store, p.clock, p.random), events(*store, p.clock, p.random),
          tasks(*store, p.clock, p.random), notes(*store, p.clock, p.random),
          photos(*store, p.clock, p.random), library(*store, photos), state(*store),
          session({contacts, events, tasks, notes, photos}, state, *store),
          agent(p.clock, p.radio, p.random, session, state,
                [&p](const std::string& line) { p.said.push_back(line); }) {}
    std::unique_ptr<storage::Store> store;
    pim::ContactRepository contacts;
    pim::EventRepository events;
    pim::TaskRepository tasks;
    pim::NoteRepository notes;
    pim::PhotoRepository photos;
    pim::PhotoLibrary library;
    SyncState state;
    SyncSession session;
    SyncAgent agent;
  };

  explicit PhotoPhone(uint64_t seed) : random(seed), radio(clock, hal::sim::SimRandom(seed + 1000)) {
    Boot();
  }

  void Boot() { os = std::make_unique<Os>(*this); }
  void PullBattery() { os.reset(); }

  void UseToken(const std::string& token) {
    swivel::sync::DeviceAccount account;
    account.set_account("ana");
    account.set_token(token);
    ASSERT_EQ(os->state.SaveAccount(account), pim::Status::kOk);
  }
  // Saves a photo of `size` seeded bytes; returns it as stored.
  swivel::pim::Photo SavePhoto(size_t size, uint64_t seed, const std::string& caption = "") {
    swivel::pim::Photo photo;
    photo.set_caption(caption);
    photo.set_mime_type("image/jpeg");
    EXPECT_EQ(os->library.SavePhoto(photo, pim::test::PhotoBytes(size, seed)), pim::Status::kOk);
    return photo;
  }
  // Syncs now and lets virtual time run until the agent is idle (or `limit` passes).
  void Sync(hal::Duration limit = std::chrono::minutes(5)) {
    os->agent.SyncNow();
    const auto until = clock.now() + limit;
    while (os->agent.busy() && clock.now() < until && clock.run_next()) {
    }
  }
  std::string Blob(const std::string& sha256) {
    std::string bytes;
    EXPECT_EQ(os->library.ReadBlob(sha256, &bytes), pim::Status::kOk);
    return bytes;
  }
  size_t Dirty() {
    std::vector<pim::DirtyEntry> dirty;
    EXPECT_EQ(os->photos.Dirty(&dirty), pim::Status::kOk);
    return dirty.size();
  }
  size_t Count(uint8_t ns) { return os->store->Count(ns); }

  hal::sim::SimClock clock;
  hal::sim::SimRandom random;
  std::unique_ptr<hal::sim::SimFlash> flash = hal::sim::SimFlash::InMemory(kGeometry, 1);
  hal::sim::SimRadio radio;
  std::vector<std::string> said;
  std::unique_ptr<Os> os;  // last: goes before the radio and clock it uses
};

}  // namespace swivel::os::sync::test
