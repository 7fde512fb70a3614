#include "emulator/skin_path.h"

#include <boost/filesystem.hpp>

namespace swivel::emulator {
namespace fs = boost::filesystem;

namespace {

bool HoldsSkin(const fs::path& dir) {
  boost::system::error_code ec;
  return fs::is_regular_file(dir / "skin.conf", ec);
}

}  // namespace

std::vector<std::string> SkinSearchPath(const char* env_skins, const std::string& exe) {
  std::vector<std::string> path;
  if (env_skins) {
    std::string_view rest = env_skins;
    while (!rest.empty()) {
      const size_t colon = rest.find(':');
      const std::string_view dir = rest.substr(0, colon);
      if (!dir.empty()) path.emplace_back(dir);
      rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
    }
  }
  path.push_back((fs::path(SWIVEL_SOURCE_DIR) / "skins").string());
  if (!exe.empty())
    path.push_back((fs::path(exe).parent_path() / ".." / "share" / "swivel" / "skins").lexically_normal().string());
  return path;
}

std::string ExecutablePath(const char* argv0) {
  boost::system::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) return self.string();
  return argv0 ? fs::absolute(argv0).string() : std::string();
}

SkinLocation FindSkin(std::string_view name_or_dir, const std::vector<std::string>& search) {
  const std::string value(name_or_dir);
  if (value.find('/') != std::string::npos || HoldsSkin(value)) {
    if (HoldsSkin(value)) return {value, ""};
    return {"", "no skin in '" + value + "': it has no skin.conf"};
  }
  std::string looked;
  for (const std::string& dir : search) {
    const fs::path candidate = fs::path(dir) / value;
    if (HoldsSkin(candidate)) return {candidate.string(), ""};
    looked += "\n  " + candidate.string();
  }
  return {"", "no skin named '" + value + "'; looked for " + value + "/skin.conf in:" + looked +
                  "\n(set SWIVEL_SKINS to a folder of skins, or give --skin a folder)"};
}

}  // namespace swivel::emulator
