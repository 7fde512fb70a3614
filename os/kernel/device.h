#pragma once
// Device: one booted handset OS over its devices: the record store mounted from flash, the
// PIM repositories on it, and the kernel. A battery pull is the Device being dropped with
// no shutdown code (the host resets it); power on is Boot() again over the same flash,
// which finds everything whose save returned success.
//
// The trash (os/pim/trash.h) is purged of entries 30 days old at boot and then once a day
// of device time while the handset runs, so neither a handset that is never switched off
// nor one that never syncs keeps deleted records for ever.
#include <memory>

#include "hal/devices.h"
#include "os/kernel/drafts.h"
#include "os/kernel/kernel.h"
#include "os/kernel/timer.h"
#include "os/pim/photo_library.h"
#include "os/pim/repository.h"
#include "os/pim/trash.h"
#include "os/storage/store.h"
#include "os/sync/records.h"
#include "os/sync/sync_agent.h"

namespace swivel::os::kernel {

struct DeviceOptions {
  KernelOptions kernel;
  storage::StoreOptions store;
  sync::AgentOptions sync;
};

class Device {
 public:
  // Mounts the store (recovering from whatever a power cut left) and starts the kernel.
  // Nothing when flash cannot be used; `status` says why.
  static std::unique_ptr<Device> Boot(hal::Devices& devices, DeviceOptions options,
                                      storage::Status* status);

  Kernel& kernel() { return kernel_; }
  storage::Store& store() { return *store_; }
  pim::ContactRepository& contacts() { return contacts_; }
  pim::EventRepository& events() { return events_; }
  pim::TaskRepository& tasks() { return tasks_; }
  pim::NoteRepository& notes() { return notes_; }
  pim::PhotoRepository& photos() { return photos_; }
  pim::PhotoLibrary& photo_library() { return photo_library_; }  // photos with their bytes
  pim::Trash& trash() { return trash_; }
  // The five repositories, for code that goes over every record type (os/sync/records.h).
  sync::Records records() { return {contacts_, events_, tasks_, notes_, photos_}; }
  Drafts& drafts() { return drafts_; }
  sync::SyncState& sync_state() { return sync_state_; }
  sync::SyncAgent& sync() { return sync_agent_; }

 private:
  Device(hal::Devices& devices, std::unique_ptr<storage::Store> store, DeviceOptions options);
  void PurgeTrash();  // and again in a day

  std::unique_ptr<storage::Store> store_;
  pim::ContactRepository contacts_;
  pim::EventRepository events_;
  pim::TaskRepository tasks_;
  pim::NoteRepository notes_;
  pim::PhotoRepository photos_;
  pim::PhotoLibrary photo_library_;
  pim::Trash trash_;
  Timer trash_purge_;
  Drafts drafts_;
  sync::SyncState sync_state_;
  sync::SyncSession sync_session_;
  Kernel kernel_;  // after the records, before the agent that reports to its status bar
  sync::SyncAgent sync_agent_;  // goes first: no sync round outlives what it writes
};

}  // namespace swivel::os::kernel
