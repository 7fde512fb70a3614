#include "apps/settings/settings_text.h"

#include <algorithm>

namespace swivel::apps {
namespace {

std::string Count(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string Plural(swivel::sync::RecordType type, size_t n) {
  switch (type) {
    case swivel::sync::RECORD_TYPE_CONTACT: return Count(n, "contact", "contacts");
    case swivel::sync::RECORD_TYPE_EVENT: return Count(n, "event", "events");
    case swivel::sync::RECORD_TYPE_TASK: return Count(n, "task", "tasks");
    case swivel::sync::RECORD_TYPE_NOTE: return Count(n, "note", "notes");
    case swivel::sync::RECORD_TYPE_PHOTO: return Count(n, "photo", "photos");
    default: return Count(n, "record", "records");
  }
}

}  // namespace

std::string LastSyncLine(int64_t last_sync_ms, int64_t now_ms, const os::text::Formatter* format) {
  if (last_sync_ms <= 0) return "Last sync: never";
  if (!format) return "Last sync: " + std::to_string(std::max<int64_t>(0, now_ms - last_sync_ms) / 60000) + " min ago";
  return "Last sync: " + format->Day(last_sync_ms, now_ms) + " " + format->Time(last_sync_ms);
}

std::string PendingLine(size_t dirty) {
  return "Pending changes: " + (dirty == 0 ? std::string("none") : Count(dirty, "record", "records"));
}

std::string HeldLine(const os::sync::HeldCounts& held) {
  std::string kinds;
  for (const auto& [type, n] : held) {
    if (n == 0) continue;
    kinds += (kinds.empty() ? "" : ", ") + Plural(type, n);
  }
  return Count(os::sync::Total(held), "delete", "deletes") + " from the server wait: " + kinds;
}

}  // namespace swivel::apps
