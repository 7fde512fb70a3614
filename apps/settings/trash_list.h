#pragma once
// The handset's trash (os/pim/trash.h) as one list over every record type, most recently
// deleted first, for the Settings trash screen; and bringing one item back.
#include <cstdint>
#include <string>
#include <vector>

#include "os/kernel/device.h"

namespace swivel::apps {

struct TrashItem {
  uint8_t record_namespace = 0;  // its type (os/pim/namespaces.h)
  std::string id;
  std::string label;       // "Contact: Ana Lima", "Note: first line"
  int64_t deleted_ms = 0;  // the RTC when it was deleted, for display
};

// Entries that cannot be read are left out (the list shows what it can).
std::vector<TrashItem> ListTrash(os::kernel::Device& device);

// Restores the item as a local change (it syncs back up, and every handset gets it back).
os::pim::Status RestoreItem(os::kernel::Device& device, const TrashItem& item);

}  // namespace swivel::apps
