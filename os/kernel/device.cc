#include "os/kernel/device.h"

namespace swivel::os::kernel {

std::unique_ptr<Device> Device::Boot(hal::Devices& devices, DeviceOptions options,
                                     storage::Status* status) {
  auto store = storage::Store::Mount(devices.flash, status, options.store);
  if (!store) return nullptr;
  return std::unique_ptr<Device>(new Device(devices, std::move(store), std::move(options)));
}

Device::Device(hal::Devices& devices, std::unique_ptr<storage::Store> store, DeviceOptions options)
    : store_(std::move(store)),
      contacts_(*store_, devices.clock, devices.random),
      events_(*store_, devices.clock, devices.random),
      tasks_(*store_, devices.clock, devices.random),
      notes_(*store_, devices.clock, devices.random),
      photos_(*store_, devices.clock, devices.random),
      drafts_(*store_),
      kernel_(devices, std::move(options.kernel)) {}

}  // namespace swivel::os::kernel
