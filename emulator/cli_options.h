#pragma once
// swivel-emu's command line, parsed (what the options mean: kOptionsHelp).
#include <cstdint>
#include <string>
#include <vector>

namespace swivel::emulator {

struct EmuOptions {
  std::string flash;    // empty: the default image
  std::string skin;     // NAME or DIR; empty: not given
  std::string profile;  // empty: not given
  std::string locale = "en_US";
  std::string script;   // empty: none
  std::string syncd = "127.0.0.1:7410";  // where the radio reaches swivel-syncd; "none": nowhere
  bool cache_only = false;  // --sync-policy cache-only (the 2009 behaviour, for drills)
  uint64_t seed = 1;
  int scale = 1;
  bool headless = false;
  bool exit_after_script = false;
  bool help = false;
};

struct ParsedArgs {
  EmuOptions options;
  std::string error;  // a usage error, e.g. "--scale needs 1, 2 or 3"
};

// `args` without the program name.
ParsedArgs ParseArgs(const std::vector<std::string>& args);

// The options part of --help.
extern const char* const kOptionsHelp;

}  // namespace swivel::emulator
