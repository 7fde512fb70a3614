#pragma once
// Finding a skin from `--skin NAME|DIR`. A value with a '/' in it, or naming a folder that
// holds a skin.conf, is that folder. Anything else is a skin's name, looked up as NAME/ in
// each folder of the search path in turn:
//   1. $SWIVEL_SKINS (one folder, or several separated by ':')
//   2. the source tree's skins/ (the build knows where it is)
//   3. ../share/swivel/skins next to the executable (an installed swivel-emu)
#include <string>
#include <string_view>
#include <vector>

namespace swivel::emulator {

// The search path above; `env_skins` is $SWIVEL_SKINS (null when unset), `exe` the path of
// the running program.
std::vector<std::string> SkinSearchPath(const char* env_skins, const std::string& exe);

// The running program's path (/proc/self/exe), or `argv0` when that cannot be read.
std::string ExecutablePath(const char* argv0);

struct SkinLocation {
  std::string dir;    // the skin's folder, when found
  std::string error;  // else: which skin, and every place that was looked in
  bool found() const { return error.empty(); }
};

SkinLocation FindSkin(std::string_view name_or_dir, const std::vector<std::string>& search);

}  // namespace swivel::emulator
