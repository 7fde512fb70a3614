#pragma once
// What the Settings sync screen says, as plain text (kept apart from the screen so each line
// can be checked on its own).
#include <cstddef>
#include <cstdint>
#include <string>

#include "os/sync/delete_guard.h"
#include "os/text/format.h"

namespace swivel::apps {

// "Last sync: never" before the first answered round; else the day and time of it in the
// device's locale and zone ("Last sync: Today 3:04 PM"). Without a formatter (ICU broken),
// the minutes since.
std::string LastSyncLine(int64_t last_sync_ms, int64_t now_ms, const os::text::Formatter* format);

// "Pending changes: none" / "Pending changes: 1 record" / "... 12 records".
std::string PendingLine(size_t dirty);

// "12 deletes from the server wait: 10 contacts, 2 notes".
std::string HeldLine(const os::sync::HeldCounts& held);

}  // namespace swivel::apps
