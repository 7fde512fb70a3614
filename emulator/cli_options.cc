#include "emulator/cli_options.h"

#include <charconv>

namespace swivel::emulator {

const char* const kOptionsHelp = R"help(usage: swivel-emu [OPTIONS]

Runs a Swivel handset: its OS and apps on emulated hardware, with the handset's data in a
flash image that outlives the process. In a window by default; --headless for none.

options:
  --skin NAME|DIR   the handset's look: a skin's folder, or a name looked up in
                    $SWIVEL_SKINS, the source tree's skins/, then ../share/swivel/skins
                    next to the program (default: the profile's name, classic). The skin
                    picks the device profile and the carrier shown on the status bar
  --flash IMAGE     the handset's flash image (default: $XDG_DATA_HOME/swivel/flash.img,
                    created on first use)
  --profile NAME    device profile: classic (240x160, 64 MiB) or lx (400x240, 256 MiB);
                    default: the skin's. Given with a skin of another profile: an error
  --scale N         window scale 1, 2 or 3 (default 1)
  --headless        no window: device time jumps from timer to timer. Without a skin of
                    the profile's name, the status bar shows the default carrier
  --script FILE     runs a script (one command a line: press, type, wait, expect text,
                    expect no text, expect focus, screenshot FILE, battery pull|level N|
                    charger on|off, power on, radio on|off; and for data: sync now|start,
                    sign in ACCOUNT "PW" [create], save KIND [ID] "TEXT" (KIND contact,
                    event, task, note), save photo [ID] FILE "CAPTION", delete KIND ID,
                    records, flash cut N). Headless it runs at once and
                    exits: 0 when every line passed, 1 naming the line that failed. In the
                    window it is a demo: keys paced 150 ms apart and waits in real time,
                    then the window stays open (exit status as headless when it closes)
  --exit-after-script
                    in the window: exit as soon as the script ends
  --syncd ADDR      the swivel-syncd the handset's radio reaches (default 127.0.0.1:7410,
                    where scripts/run starts one); "none": the radio finds no service
  --sync-policy P   keep (default): the handset holds a real copy of its data and never
                    drops it for the server. cache-only: after every power loss it empties
                    its store and reloads from the server, as the handsets of the 2009
                    outage did. For drills and demos of that failure only
  --seed N          seeds every source of randomness (default 1)
  --locale L        the device locale, for sorting and search (default en_US)
  -h, --help        show this help

Output: "swivel-emu: ready (...)" on standard output after every boot (in the window, once
its first frame is shown); after --script, "swivel-emu: script passed" or "swivel-emu:
script failed" (the reason on standard error). Commands that print (sync now, save,
records) print to standard output. `screenshot FILE` writes the handset
screen's framebuffer as a PNG, exact pixels. Headless without --script, commands are read
from standard input, one a line, each answered on standard output by a line "ok" or
"error: WHY" (after whatever it printed).

keys in scripts: a character, or jump, menu, back, cancel, up, down, left, right, select,
enter, backspace, space, shift, alt, pageup, pagedown, shoulder-left, shoulder-right,
volume-up, volume-down, power; chords with +, e.g. press jump+c.
)help";

ParsedArgs ParseArgs(const std::vector<std::string>& args) {
  ParsedArgs r;
  EmuOptions& o = r.options;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= args.size()) return false;
      out = args[++i];
      return true;
    };
    auto fail = [&](std::string message) {
      r.error = std::move(message);
      return r;
    };
    std::string v;
    if (a == "-h" || a == "--help") {
      o.help = true;
    } else if (a == "--headless") {
      o.headless = true;
    } else if (a == "--exit-after-script") {
      o.exit_after_script = true;
    } else if (a == "--flash") {
      if (!value(o.flash)) return fail("--flash needs a file");
    } else if (a == "--skin") {
      if (!value(o.skin) || o.skin.empty()) return fail("--skin needs a skin's name or folder");
    } else if (a == "--profile") {
      if (!value(o.profile) || o.profile.empty()) return fail("--profile needs a name");
    } else if (a == "--locale") {
      if (!value(o.locale)) return fail("--locale needs a locale, e.g. de_DE");
    } else if (a == "--script") {
      if (!value(o.script)) return fail("--script needs a file");
    } else if (a == "--syncd") {
      if (!value(o.syncd) || o.syncd.empty()) return fail("--syncd needs an address (HOST:PORT) or none");
    } else if (a == "--sync-policy") {
      if (!value(v) || (v != "keep" && v != "cache-only")) return fail("--sync-policy takes keep or cache-only");
      o.cache_only = v == "cache-only";
    } else if (a == "--seed") {
      if (!value(v)) return fail("--seed needs a number");
      const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), o.seed);
      if (ec != std::errc() || p != v.data() + v.size()) return fail("--seed needs a whole number");
    } else if (a == "--scale") {
      if (!value(v)) return fail("--scale needs 1, 2 or 3");
      const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), o.scale);
      if (ec != std::errc() || p != v.data() + v.size() || o.scale < 1 || o.scale > 3)
        return fail("--scale needs 1, 2 or 3");
    } else {
      return fail("unknown option " + a);
    }
  }
  return r;
}

}  // namespace swivel::emulator
