// swivel-emu: runs the handset. Headless for now: the window comes with os/gfx.
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <boost/filesystem.hpp>

#include "apps/suite/suite.h"
#include "emulator/player.h"
#include "hal/sim/device_profile.h"
#include "hal/sim/flash_image.h"

namespace {

using namespace swivel;

constexpr const char* kUsage = R"(usage: swivel-emu [OPTIONS]

Runs a Swivel handset: its OS and apps on emulated hardware, with the handset's data in a
flash image that outlives the process.

options:
  --flash IMAGE     the handset's flash image (default: $XDG_DATA_HOME/swivel/flash.img,
                    created on first use)
  --profile NAME    device profile: classic (240x160, 64 MiB) or lx (400x240, 256 MiB);
                    default classic
  --headless        no window: device time jumps from timer to timer
  --script FILE     runs a script (one command a line: press, type, wait, expect text,
                    expect no text, expect focus, battery pull|level N|charger on|off,
                    power on, radio on|off) and exits: 0 when every line passed, 1 naming
                    the line that failed
  --seed N          seeds every source of randomness (default 1)
  --locale L        the device locale, for sorting and search (default en_US)
  -h, --help        show this help

Without --script, headless, commands are read from standard input, one a line.
The window (skins, hotkeys, screenshots) is not built yet: swivel-emu always runs headless
and says so.

keys in scripts: a character, or jump, menu, back, cancel, up, down, left, right, select,
enter, backspace, space, shift, alt, pageup, pagedown, shoulder-left, shoulder-right,
volume-up, volume-down, power; chords with +, e.g. press jump+c.

exit status: 0 on success, 1 when the handset cannot start or a script fails, 2 on a usage
error.
)";

int UsageError(const std::string& message) {
  std::cerr << "swivel-emu: " << message << "\n(see swivel-emu --help)\n";
  return 2;
}

std::string DefaultFlash() {
  const char* data = std::getenv("XDG_DATA_HOME");
  const char* home = std::getenv("HOME");
  const std::string base = data && *data ? data : std::string(home ? home : ".") + "/.local/share";
  return base + "/swivel/flash.img";
}

int Run(emulator::Handset& handset, const emulator::Script& script) {
  const auto r = emulator::Play(script, handset, emulator::UiHooks(handset));
  if (!r.ok) {
    std::cerr << "swivel-emu: " << r.error << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string flash = DefaultFlash(), script_file, profile_name = "classic", locale = "en_US";
  uint64_t seed = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= argc) return false;
      out = argv[++i];
      return true;
    };
    std::string v;
    if (a == "-h" || a == "--help") {
      std::cout << kUsage;
      return 0;
    } else if (a == "--headless") {
    } else if (a == "--flash") {
      if (!value(flash)) return UsageError("--flash needs a file");
    } else if (a == "--profile") {
      if (!value(profile_name)) return UsageError("--profile needs a name");
    } else if (a == "--locale") {
      if (!value(locale)) return UsageError("--locale needs a locale, e.g. de_DE");
    } else if (a == "--script") {
      if (!value(script_file)) return UsageError("--script needs a file");
    } else if (a == "--seed") {
      if (!value(v)) return UsageError("--seed needs a number");
      const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), seed);
      if (ec != std::errc() || p != v.data() + v.size()) return UsageError("--seed needs a whole number");
    } else {
      return UsageError("unknown option " + a);
    }
  }
  const auto profile = hal::sim::ProfileByName(profile_name);
  if (!profile) return UsageError("unknown profile '" + profile_name + "' (classic or lx)");
  std::string locale_error;
  const auto rules = apps::LocaleRules(locale, &locale_error);
  if (!rules) return UsageError("--locale: " + locale_error);

  // Parse the whole script before anything starts: a broken one changes nothing.
  emulator::Script script;
  if (!script_file.empty()) {
    std::ifstream in(script_file);
    if (!in) {
      std::cerr << "swivel-emu: " << script_file << ": cannot be read\n";
      return 1;
    }
    std::ostringstream text;
    text << in.rdbuf();
    auto parsed = emulator::ParseScript(text.str(), script_file);
    if (!parsed.ok()) {
      std::cerr << "swivel-emu: " << parsed.error << "\n";
      return 1;
    }
    script = std::move(parsed.script);
  }

  std::cerr << "swivel-emu: the window is not built yet; running headless\n";
  boost::filesystem::create_directories(boost::filesystem::path(flash).parent_path());
  emulator::HandsetOptions options;
  options.board.profile = *profile;
  options.board.seed = seed;
  options.board.flash_image = flash;
  options.install = [rules = *rules](os::kernel::Device& d) { apps::InstallApps(d, rules); };
  std::unique_ptr<emulator::Handset> handset;
  try {
    handset = std::make_unique<emulator::Handset>(options);
  } catch (const hal::sim::ImageError& e) {
    std::cerr << "swivel-emu: " << e.what() << "\n";
    return 1;
  }
  std::string error;
  const auto t0 = handset->board().clock().now();
  if (!handset->PowerOn(&error)) {
    std::cerr << "swivel-emu: " << error << "\n";
    return 1;
  }
  const double boot_ms = double((handset->board().clock().now() - t0).count()) / 1000.0;
  // Tools and tests wait for this line instead of sleeping.
  std::cout << "swivel-emu: ready (" << profile->name << ", flash " << flash << ", booted in "
            << boot_ms << " ms of device time)" << std::endl;
  if (!script_file.empty()) return Run(*handset, script);

  // Interactive: each line is a script command, run as soon as it is read.
  std::string line;
  int number = 0;
  while (std::getline(std::cin, line)) {
    ++number;
    auto parsed = emulator::ParseScript(line, "stdin");
    if (!parsed.ok()) {
      std::cerr << "swivel-emu: " << parsed.error << "\n";
      continue;
    }
    for (auto& l : parsed.script.lines) l.line = number;
    if (Run(*handset, parsed.script) == 0 && !parsed.script.lines.empty()) std::cout << "ok" << std::endl;
  }
  return 0;
}
