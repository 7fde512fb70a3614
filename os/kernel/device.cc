#include "os/kernel/device.h"

namespace swivel::os::kernel {

std::unique_ptr<Device> Device::Boot(hal::Devices& devices, DeviceOptions options,
                                     storage::Status* status) {
  auto store = storage::Store::Mount(devices.flash, status, options.store);
  if (!store) return nullptr;
  // The 2009 handsets' behaviour, for drills: boot means reloading from the server. A
  // failure to drop the copy leaves it in place (the safe side) and the boot goes on.
  if (options.sync.policy == sync::SyncPolicy::kCacheOnly) (void)sync::DropLocalCopy(*store);
  return std::unique_ptr<Device>(new Device(devices, std::move(store), std::move(options)));
}

Device::Device(hal::Devices& devices, std::unique_ptr<storage::Store> store, DeviceOptions options)
    : store_(std::move(store)),
      contacts_(*store_, devices.clock, devices.random),
      events_(*store_, devices.clock, devices.random),
      tasks_(*store_, devices.clock, devices.random),
      notes_(*store_, devices.clock, devices.random),
      photos_(*store_, devices.clock, devices.random),
      photo_library_(*store_, photos_),
      trash_(*store_, devices.clock),
      trash_purge_(devices.clock),
      drafts_(*store_),
      sync_state_(*store_),
      sync_session_(records(), sync_state_, *store_, &devices.clock),
      kernel_(devices, std::move(options.kernel)),
      sync_agent_(devices.clock, devices.radio, devices.random, sync_session_, sync_state_,
                  [this](const std::string& line) { kernel_.SetSyncStatus(line); }, options.sync) {
  // A local change goes up soon after it is made (the agent waits for a quiet moment).
  sync::Records all = records();
  (void)sync::ForEachType(all, [this](auto& repo, uint8_t) {
    repo.set_on_local_change([this] { sync_agent_.SyncSoon(); });
    return pim::Status::kOk;
  });
  PurgeTrash();
}

void Device::PurgeTrash() {
  // A failure (flash full, power lost) only leaves old entries for the next purge.
  trash_.Purge();
  trash_purge_.Start(std::chrono::hours(24), [this] { PurgeTrash(); });
}

}  // namespace swivel::os::kernel
