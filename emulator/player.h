#pragma once
// Player: runs a script (script.h) against a handset, line by line.
#include <functional>
#include <string>

#include "emulator/handset.h"
#include "emulator/script.h"

namespace swivel::emulator {

struct PlayResult {
  bool ok = true;
  std::string error;  // "FILE:LINE: what failed"
};

// Handlers the host provides for what needs more than the handset (the UI tree for
// expectations, the screen for screenshots). Unset ones make their commands fail, naming
// what is missing.
struct PlayerHooks {
  std::function<bool(const ExpectText&, std::string* why)> expect_text;
  std::function<bool(const ExpectFocus&, std::string* why)> expect_focus;
  std::function<bool(const std::string& file, std::string* why)> screenshot;
  std::function<void(const ScriptLine&)> before_line;  // progress
  // Demos in a window: `wait` lets the time pass in real time (default: Handset::Wait, a
  // jump of virtual time); `before_key` runs before each press line and, when set, before
  // each typed character (which are then sent one by one) to pace them; `keep_going` is
  // asked before each line, and false stops the script there (the window was closed).
  std::function<void(int64_t ms)> wait;
  std::function<void()> before_key;
  std::function<bool()> keep_going;
  // Lines the data commands print (saved ids, records, sync status); unset: dropped.
  std::function<void(const std::string&)> print;
};

PlayResult Play(const Script& script, Handset& handset, const PlayerHooks& hooks = {});

// Expectations answered from the UI tree of the app in front on the handset's OS (an
// expectation fails while the handset is off).
PlayerHooks UiHooks(Handset& handset);

}  // namespace swivel::emulator
