#include "emulator/skin.h"

#include <boost/filesystem.hpp>
#include <cctype>
#include <charconv>
#include <fstream>
#include <set>
#include <sstream>

#include "emulator/text_util.h"
#include "hal/sim/device_profile.h"

namespace swivel::emulator {
namespace {

const std::set<std::string, std::less<>> kThemeColors = {
    "background", "text", "accent", "highlight", "status_bar", "status_text"};

// "X Y W H", whole numbers, W and H positive.
bool ParseRect(std::string_view s, hal::Rect* r) {
  int32_t v[4];
  for (int i = 0; i < 4; ++i) {
    s = Trim(s);
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v[i]);
    if (ec != std::errc() || (p != s.data() + s.size() && !std::isspace(static_cast<unsigned char>(*p))))
      return false;
    s.remove_prefix(size_t(p - s.data()));
  }
  if (!Trim(s).empty() || v[0] < 0 || v[1] < 0 || v[2] <= 0 || v[3] <= 0) return false;
  *r = {v[0], v[1], v[2], v[3]};
  return true;
}

bool ParseColor(std::string_view s, uint32_t* rgb) {
  if (s.size() != 7 || s[0] != '#') return false;
  for (char c : s.substr(1))
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  *rgb = uint32_t(std::stoul(std::string(s.substr(1)), nullptr, 16));
  return true;
}

}  // namespace

SkinResult ParseSkin(std::string_view text, std::string_view file,
                     const std::function<std::optional<ScreenSize>(std::string_view)>& screen_size) {
  SkinResult result;
  Skin& skin = result.skin;
  std::set<std::string> seen;
  int screen_line = 0, screen_shut_line = 0;
  auto fail = [&](int line, const std::string& message) {
    result.error = std::string(file) + (line ? ":" + std::to_string(line) : "") + ": " + message;
    return result;
  };
  std::string error;  // of the first bad line
  int bad_line = 0;
  auto line_error = [&](int number, const std::string& message) {
    bad_line = number;
    error = message;
    return false;
  };
  const bool all_good = ForEachLine(text, [&](int number, std::string_view line) {
    const size_t eq = line.find('=');
    if (eq == std::string_view::npos) return line_error(number, "expected 'key = value'");
    const std::string key(Trim(line.substr(0, eq)));
    std::string_view value = Trim(line.substr(eq + 1));
    // A comment after a value starts with '#' after a space (a colour starts with '#' too).
    if (const size_t hash = value.find_first_of(" \t"); hash != std::string_view::npos)
      if (const size_t at = value.find('#', hash); at != std::string_view::npos)
        value = Trim(value.substr(0, at));
    if (value.empty()) return line_error(number, "'" + key + "' has no value");
    if (!seen.insert(key).second) return line_error(number, "'" + key + "' is given twice");

    if (key == "name") skin.name = value;
    else if (key == "carrier") skin.carrier = value;
    else if (key == "profile") skin.profile = value;
    else if (key == "body") skin.body = value;
    else if (key == "body_shut") skin.body_shut = value;
    else if (key == "boot_logo") skin.boot_logo = value;
    else if (key == "screen") {
      if (!ParseRect(value, &skin.screen)) return line_error(number, "screen needs X Y W H (whole numbers)");
      screen_line = number;
    } else if (key == "screen_shut") {
      if (!ParseRect(value, &skin.screen_shut))
        return line_error(number, "screen_shut needs X Y W H (whole numbers)");
      screen_shut_line = number;
    } else if (key.rfind("button ", 0) == 0) {
      const std::string_view name = Trim(std::string_view(key).substr(7));
      const auto stroke = ParseKeyStroke(name);
      if (!stroke) return line_error(number, "unknown key '" + std::string(name) + "'");
      SkinButton b{*stroke, {}};
      if (!ParseRect(value, &b.hotspot)) return line_error(number, "a button needs X Y W H (whole numbers)");
      skin.buttons.push_back(b);
    } else if (key.rfind("theme.", 0) == 0) {
      const std::string name = key.substr(6);
      if (name == "font_size") {
        int size = 0;
        const auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), size);
        if (ec != std::errc() || p != value.data() + value.size() || size < 6 || size > 48)
          return line_error(number, "theme.font_size needs a whole number of pixels, 6..48");
        skin.font_size = size;
      } else if (kThemeColors.count(name)) {
        uint32_t rgb = 0;
        if (!ParseColor(value, &rgb)) return line_error(number, "'" + key + "' needs a colour #RRGGBB");
        skin.theme_colors[name] = rgb;
      } else {
        return line_error(number, "unknown theme setting '" + name + "'");
      }
    } else {
      return line_error(number, "unknown key '" + key + "'");
    }
    return true;
  });
  if (!all_good) return fail(bad_line, error);
  for (const char* required : {"name", "carrier", "profile", "body", "screen"})
    if (!seen.count(required)) return fail(0, std::string("missing '") + required + "'");
  const auto size = screen_size(skin.profile);
  if (!size) return fail(0, "unknown profile '" + skin.profile + "'");
  if (uint32_t(skin.screen.width) != size->width || uint32_t(skin.screen.height) != size->height)
    return fail(screen_line, "screen is " + std::to_string(skin.screen.width) + "x" +
                                 std::to_string(skin.screen.height) + " but profile '" +
                                 skin.profile + "' has a " + std::to_string(size->width) + "x" +
                                 std::to_string(size->height) + " screen");
  if (!screen_shut_line) skin.screen_shut = skin.screen;
  if (skin.screen_shut.width != skin.screen.width || skin.screen_shut.height != skin.screen.height)
    return fail(screen_shut_line, "screen_shut must be the same size as screen");
  return result;
}

SkinResult LoadSkin(const std::string& dir) {
  namespace fs = boost::filesystem;
  const fs::path conf = fs::path(dir) / "skin.conf";
  std::ifstream in(conf.string(), std::ios::binary);
  if (!in) return {{}, conf.string() + ": cannot be read (is the skin name right?)"};
  std::ostringstream text;
  text << in.rdbuf();
  auto result = ParseSkin(text.str(), conf.string(), [](std::string_view name) {
    const auto p = hal::sim::ProfileByName(name);
    return p ? std::optional<ScreenSize>({p->screen_width, p->screen_height}) : std::nullopt;
  });
  if (!result.ok()) return result;
  result.skin.dir = dir;
  for (const std::string* image : {&result.skin.body, &result.skin.body_shut, &result.skin.boot_logo})
    if (!image->empty() && !fs::exists(fs::path(dir) / *image))
      result.error = conf.string() + ": image '" + *image + "' is not in " + dir;
  return result;
}

}  // namespace swivel::emulator
