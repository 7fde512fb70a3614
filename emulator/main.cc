// swivel-emu: runs the handset, in its window (emulator/window) or headless.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>

#include <boost/filesystem.hpp>

#include "apps/suite/suite.h"
#include "emulator/cli_options.h"
#include "emulator/player.h"
#include "emulator/screenshot.h"
#include "emulator/skin.h"
#include "emulator/skin_options.h"
#include "emulator/skin_path.h"
#include "emulator/syncd_link.h"
#include "emulator/window/key_help.h"
#include "emulator/window/window.h"
#include "hal/sim/device_profile.h"
#include "hal/sim/flash_image.h"

namespace {

using namespace swivel;

constexpr int64_t kKeyPaceMs = 150;  // between keys of a demo in the window

constexpr const char* kExitHelp = R"(
exit status: 0 on success, 1 when the handset or its window cannot start or a script fails,
2 on a usage error.
)";

int UsageError(const std::string& message) {
  std::cerr << "swivel-emu: " << message << "\n(see swivel-emu --help)\n";
  return 2;
}

int Fail(const std::string& message) {
  std::cerr << "swivel-emu: " << message << "\n";
  return 1;
}

std::string DefaultFlash() {
  const char* data = std::getenv("XDG_DATA_HOME");
  const char* home = std::getenv("HOME");
  const std::string base = data && *data ? data : std::string(home ? home : ".") + "/.local/share";
  return base + "/swivel/flash.img";
}

void PrintReady(const emulator::Handset& handset, const std::string& profile, const std::string& flash) {
  const double boot_ms = double(handset.last_boot().count()) / 1000.0;
  // Tools and tests wait for this line instead of sleeping.
  std::cout << "swivel-emu: ready (" << profile << ", flash " << flash << ", booted in " << boot_ms
            << " ms of device time)" << std::endl;
}

// The script's outcome, as tools read it: a line on stdout, the reason on stderr.
int Report(const emulator::PlayResult& r) {
  if (!r.ok) std::cerr << "swivel-emu: " << r.error << "\n";
  std::cout << (r.ok ? "swivel-emu: script passed" : "swivel-emu: script failed") << std::endl;
  return r.ok ? 0 : 1;
}

emulator::PlayerHooks Hooks(emulator::Handset& handset) {
  auto hooks = emulator::UiHooks(handset);
  hooks.screenshot = emulator::ScreenshotHook(handset);
  hooks.print = [](const std::string& line) { std::cout << line << std::endl; };
  return hooks;
}

int RunHeadless(emulator::Handset& handset, const emulator::Script* script) {
  std::string error;
  if (!handset.PowerOn(&error)) return Fail(error);
  if (script) return Report(emulator::Play(*script, handset, Hooks(handset)));

  // Interactive: each line is a script command, run as soon as it is read.
  std::string line;
  int number = 0;
  while (std::getline(std::cin, line)) {
    ++number;
    auto parsed = emulator::ParseScript(line, "stdin");
    // Every command gets one answer line on standard output, "ok" or "error: WHY", so a
    // driving program knows when it is done; the error goes to standard error too.
    auto answer_error = [](const std::string& why) {
      std::cerr << "swivel-emu: " << why << "\n";
      std::cout << "error: " << why << std::endl;
    };
    if (!parsed.ok()) {
      answer_error(parsed.error);
      continue;
    }
    for (auto& l : parsed.script.lines) l.line = number;
    const auto r = emulator::Play(parsed.script, handset, Hooks(handset));
    if (!r.ok) answer_error(r.error);
    else if (!parsed.script.lines.empty()) std::cout << "ok" << std::endl;
  }
  return 0;
}

int RunWindow(emulator::window::Window& window, emulator::Handset& handset, const emulator::Script* script,
              bool exit_after_script) {
  window.Attach(handset);
  std::string error;
  if (!handset.PowerOn(&error)) return Fail(error);
  if (!script) {
    window.RunUntilClosed();
    return 0;
  }
  // A demo: the same script, visibly, in real time.
  auto hooks = Hooks(handset);
  hooks.wait = [&window](int64_t ms) { window.RunFor(ms); };
  hooks.before_key = [&window] { window.RunFor(kKeyPaceMs); };
  hooks.keep_going = [&window] { return !window.closed(); };
  window.RunUntilReady();  // the boot logo, then the first frame (and the ready line)
  const auto result = emulator::Play(*script, handset, hooks);
  window.RunFor(0);  // what the script left is on screen before it is reported
  const int status = Report(result);
  if (!exit_after_script) window.RunUntilClosed();
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  const auto parsed = emulator::ParseArgs(std::vector<std::string>(argv + 1, argv + argc));
  if (!parsed.error.empty()) return UsageError(parsed.error);
  const emulator::EmuOptions& o = parsed.options;
  if (o.help) {
    std::cout << emulator::kOptionsHelp << "\n" << emulator::window::KeyHelp() << kExitHelp;
    return 0;
  }
  if (!o.profile.empty() && !hal::sim::ProfileByName(o.profile))
    return UsageError("unknown profile '" + o.profile + "' (classic or lx)");

  // The skin: given, or the one named after the profile. Headless can do without one.
  std::optional<emulator::Skin> skin;
  const std::string skin_name = !o.skin.empty() ? o.skin : !o.profile.empty() ? o.profile : "classic";
  const auto where = emulator::FindSkin(
      skin_name, emulator::SkinSearchPath(std::getenv("SWIVEL_SKINS"), emulator::ExecutablePath(argv[0])));
  if (!where.found()) {
    if (!o.skin.empty()) return UsageError(where.error);
    if (!o.headless) return Fail(where.error);
  } else {
    auto loaded = emulator::LoadSkin(where.dir);
    if (!loaded.ok()) return Fail(loaded.error);
    skin = std::move(loaded.skin);
    if (!o.profile.empty() && skin->profile != o.profile)
      return UsageError("the skin '" + skin->name + "' is for profile '" + skin->profile + "', not '" +
                        o.profile + "'");
  }
  const auto profile = hal::sim::ProfileByName(skin ? skin->profile : o.profile.empty() ? "classic" : o.profile);
  std::string locale_error;
  const auto rules = apps::LocaleRules(o.locale, &locale_error);
  if (!rules) return UsageError("--locale: " + locale_error);

  // Parse the whole script before anything starts: a broken one changes nothing.
  std::optional<emulator::Script> script;
  if (!o.script.empty()) {
    std::ifstream in(o.script);
    if (!in) return Fail(o.script + ": cannot be read");
    std::ostringstream text;
    text << in.rdbuf();
    auto parsed_script = emulator::ParseScript(text.str(), o.script);
    if (!parsed_script.ok()) return Fail(parsed_script.error);
    script = std::move(parsed_script.script);
  }

  const std::string flash = o.flash.empty() ? DefaultFlash() : o.flash;
  // The window opens before the flash image is touched: without a display nothing changes.
  std::unique_ptr<emulator::window::Window> window;
  std::unique_ptr<emulator::Handset> handset;
  if (!o.headless) {
    std::string error;
    emulator::window::WindowOptions wo;
    wo.scale = o.scale;
    wo.on_ready = [&handset, &profile, &flash] { PrintReady(*handset, profile->name, flash); };
    window = emulator::window::Window::Open(*skin, wo, &error);
    if (!window) return Fail(error);
  }

  if (const auto dir = boost::filesystem::path(flash).parent_path(); !dir.empty())
    boost::filesystem::create_directories(dir);
  emulator::HandsetOptions options;
  if (skin) emulator::ApplySkin(*skin, options);  // profile, carrier, theme
  options.board.profile = *profile;
  options.board.seed = o.seed;
  options.board.flash_image = flash;
  options.install = [rules = *rules](os::kernel::Device& d) { apps::InstallApps(d, rules); };
  if (o.cache_only) options.os.sync.policy = os::sync::SyncPolicy::kCacheOnly;
  if (o.headless)
    options.booted = [&handset, &profile, &flash] { PrintReady(*handset, profile->name, flash); };
  try {
    handset = std::make_unique<emulator::Handset>(options);
  } catch (const hal::sim::ImageError& e) {
    return Fail(e.what());
  }
  std::unique_ptr<emulator::SyncdLink> syncd;
  if (o.syncd != "none") syncd = std::make_unique<emulator::SyncdLink>(o.syncd, handset->board().radio());
  const emulator::Script* s = script ? &*script : nullptr;
  return window ? RunWindow(*window, *handset, s, o.exit_after_script) : RunHeadless(*handset, s);
}
