#pragma once
// Runs the script commands that reach the handset's data (sync, sign in, save, delete,
// records, flash cut) through the OS's own interfaces: the sync agent and the record
// repositories, as an app would. Waiting (for a sync or a sign-in) lets device time pass.
#include <functional>
#include <string>

#include "emulator/handset.h"
#include "emulator/script.h"

namespace swivel::emulator {

using PrintLine = std::function<void(const std::string&)>;

// False when `command` is not one of these. Otherwise true, with `ok` (and `why` when not
// ok) saying how it went; what it prints goes to `print`.
bool RunDataCommand(const Command& command, Handset& handset, const PrintLine& print, bool* ok,
                    std::string* why);

}  // namespace swivel::emulator
