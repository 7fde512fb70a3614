// swivel-window-check: the helper of the window tests that run a real X server.
//
//   swivel-window-check make-skin CONF DIR
//       DIR/skin.conf = CONF, and the body images it names, drawn as a noisy pattern
//       (320x240; a different one for body_shut), plus DIR/wrong_screen.png: a white
//       picture of the screen's size, for checking that `compare` can fail.
//   swivel-window-check compare XWD SKIN_DIR SCREEN_PNG SCALE
//       Finds the skin's body in an `xwd -root` dump (drawn at SCALE, nearest neighbour; the
//       place that matches best among those where distinctive body pixels all match),
//       then checks every body pixel outside the screen and every screen pixel against the
//       skin's PNG and SCREEN_PNG (a screenshot the emulator wrote), exactly. Exit 0 when
//       all match, 1 naming what differs.
//   swivel-window-check crop XWD SKIN_DIR OUT_PNG SCALE
//       Finds the skin's body the same way and writes the window's picture of it (the body's
//       size times SCALE, as the X screen shows it; outside the body's shape, transparent)
//       to OUT_PNG: the screenshots in docs/.
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include <boost/filesystem.hpp>

#include "emulator/skin.h"
#include "hal/sim/device_profile.h"
#include "os/gfx/png.h"
#include "tests/emulator/window/xwd.h"

namespace {

using namespace swivel;
using emulator::testing::RgbImage;

constexpr int32_t kBodyWidth = 320, kBodyHeight = 240;

uint16_t Noise(int32_t x, int32_t y, uint32_t seed) {
  uint32_t h = uint32_t(x) * 0x9E3779B1u ^ (uint32_t(y) + seed * 977u) * 0x85EBCA77u;
  h ^= h >> 15;
  h *= 0xC2B2AE3Du;
  h ^= h >> 13;
  return uint16_t(h);
}

void DrawNoise(const std::string& path, uint32_t seed) {
  os::gfx::Bitmap565 b(kBodyWidth, kBodyHeight);
  for (int32_t y = 0; y < kBodyHeight; ++y)
    for (int32_t x = 0; x < kBodyWidth; ++x) b.pixels[size_t(y) * kBodyWidth + size_t(x)] = Noise(x, y, seed);
  os::gfx::SavePng(path, b);
}

int MakeSkin(const std::string& conf, const std::string& dir) {
  namespace fs = boost::filesystem;
  fs::create_directories(dir);
  fs::copy_file(conf, fs::path(dir) / "skin.conf", fs::copy_options::overwrite_existing);
  const auto skin = emulator::ParseSkin(
      [&] {
        std::ifstream in(conf);
        return std::string(std::istreambuf_iterator<char>(in), {});
      }(),
      conf, [](std::string_view name) {
        const auto p = hal::sim::ProfileByName(name);
        return p ? std::optional<emulator::ScreenSize>({p->screen_width, p->screen_height}) : std::nullopt;
      });
  if (!skin.ok()) {
    std::cerr << skin.error << "\n";
    return 1;
  }
  DrawNoise((fs::path(dir) / skin.skin.body).string(), 1);
  if (!skin.skin.body_shut.empty()) DrawNoise((fs::path(dir) / skin.skin.body_shut).string(), 2);
  os::gfx::SavePng((fs::path(dir) / "wrong_screen.png").string(),
                   os::gfx::Bitmap565(skin.skin.screen.width, skin.skin.screen.height, 0xFFFF));
  return 0;
}

bool Same(const uint8_t* rgb, const uint8_t* rgba) { return rgb[0] == rgba[0] && rgb[1] == rgba[1] && rgb[2] == rgba[2]; }

bool InRect(const hal::Rect& r, int32_t x, int32_t y) {
  return x >= r.x && y >= r.y && x < r.x + r.width && y < r.y + r.height;
}

// Where the body's top left is on the screen dump. Anchors are opaque body pixels outside
// the screen that differ from their left and upper neighbours (in flat areas any shift
// would match), spread over the image; every place where all anchors match is then
// compared on a sample of the body, and the best one wins.
std::optional<std::pair<int32_t, int32_t>> FindBody(const RgbImage& root, const os::gfx::BitmapRgba& body,
                                                    const hal::Rect& screen, int32_t scale) {
  auto usable = [&](int32_t x, int32_t y) { return !InRect(screen, x, y) && body.at(x, y)[3] == 255; };
  auto differs = [&](int32_t x0, int32_t y0, int32_t x1, int32_t y1) {
    return std::memcmp(body.at(x0, y0), body.at(x1, y1), 3) != 0;
  };
  std::vector<std::pair<int32_t, int32_t>> anchors;
  for (int32_t y = 1; y < body.height; y += 3)
    for (int32_t x = 1 + (y % 5); x < body.width; x += 7)
      if (usable(x, y) && differs(x, y, x - 1, y) && differs(x, y, x, y - 1)) anchors.emplace_back(x, y);
  if (anchors.size() > 48) {  // keep 48, spread evenly
    std::vector<std::pair<int32_t, int32_t>> spread;
    for (size_t i = 0; i < 48; ++i) spread.push_back(anchors[i * anchors.size() / 48]);
    anchors = spread;
  }
  if (anchors.empty()) return std::nullopt;
  std::optional<std::pair<int32_t, int32_t>> best;
  size_t best_wrong = SIZE_MAX;
  for (int32_t oy = 0; oy + body.height * scale <= root.height; ++oy)
    for (int32_t ox = 0; ox + body.width * scale <= root.width; ++ox) {
      bool all = true;
      for (const auto& [x, y] : anchors)
        if (!Same(root.at(ox + x * scale, oy + y * scale), body.at(x, y))) {
          all = false;
          break;
        }
      if (!all) continue;
      size_t wrong = 0;
      for (int32_t y = 0; y < body.height; y += 2)
        for (int32_t x = 0; x < body.width; x += 2)
          if (usable(x, y) && !Same(root.at(ox + x * scale, oy + y * scale), body.at(x, y))) ++wrong;
      if (wrong < best_wrong) {
        best_wrong = wrong;
        best = std::make_pair(ox, oy);
      }
    }
  return best;
}

std::string Hex(const uint8_t* p) {
  char s[8];
  std::snprintf(s, sizeof s, "#%02X%02X%02X", p[0], p[1], p[2]);
  return s;
}

// Reads an xwd dump and the skin's body and finds where the body is; false after saying why.
bool Locate(const std::string& xwd_path, const std::string& skin_dir, int32_t scale, RgbImage* root,
            emulator::Skin* skin, os::gfx::BitmapRgba* body, std::pair<int32_t, int32_t>* at) {
  std::ifstream in(xwd_path, std::ios::binary);
  const std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), {});
  std::string error;
  if (!emulator::testing::ParseXwd(bytes, root, &error)) {
    std::cerr << xwd_path << ": " << error << "\n";
    return false;
  }
  const auto loaded = emulator::LoadSkin(skin_dir);
  if (!loaded.ok()) {
    std::cerr << loaded.error << "\n";
    return false;
  }
  *skin = loaded.skin;
  *body = os::gfx::LoadPng((boost::filesystem::path(skin_dir) / loaded.skin.body).string());
  const auto found = FindBody(*root, *body, loaded.skin.screen, scale);
  if (!found) {
    std::cerr << "the skin's body is not on the X screen (" << root->width << "x" << root->height
              << ", scale " << scale << ")\n";
    return false;
  }
  *at = *found;
  return true;
}

int Compare(const std::string& xwd_path, const std::string& skin_dir, const std::string& screen_png, int32_t scale) {
  RgbImage root;
  emulator::Skin skin;
  os::gfx::BitmapRgba body;
  std::pair<int32_t, int32_t> at;
  if (!Locate(xwd_path, skin_dir, scale, &root, &skin, &body, &at)) return 1;
  const auto screen = os::gfx::LoadPng(screen_png);
  if (screen.width != skin.screen.width || screen.height != skin.screen.height) {
    std::cerr << screen_png << ": " << screen.width << "x" << screen.height << ", not the skin's screen size\n";
    return 1;
  }
  const auto [ox, oy] = at;
  size_t body_checked = 0, body_wrong = 0, screen_checked = 0, screen_wrong = 0;
  auto report = [](const char* what, int32_t x, int32_t y, const uint8_t* got, const uint8_t* want) {
    std::cerr << what << " pixel " << x << "," << y << ": the X screen shows " << Hex(got) << ", expected "
              << Hex(want) << "\n";
  };
  for (int32_t y = 0; y < body.height; ++y)
    for (int32_t x = 0; x < body.width; ++x) {
      const bool on_screen = InRect(skin.screen, x, y);
      const uint8_t* want = on_screen ? screen.at(x - skin.screen.x, y - skin.screen.y) : body.at(x, y);
      if (!on_screen && want[3] != 255) continue;  // blended over black: not compared
      for (int32_t j = 0; j < scale; ++j)
        for (int32_t i = 0; i < scale; ++i) {
          const uint8_t* got = root.at(ox + x * scale + i, oy + y * scale + j);
          ++(on_screen ? screen_checked : body_checked);
          if (Same(got, want)) continue;
          if ((on_screen ? screen_wrong : body_wrong)++ < 5) report(on_screen ? "screen" : "body", x, y, got, want);
        }
    }
  std::cout << "body at " << ox << "," << oy << " (scale " << scale << "): " << body_checked - body_wrong << "/"
            << body_checked << " pixels match; screen: " << screen_checked - screen_wrong << "/" << screen_checked
            << " match " << screen_png << "\n";
  return body_wrong == 0 && screen_wrong == 0 ? 0 : 1;
}

int Crop(const std::string& xwd_path, const std::string& skin_dir, const std::string& out, int32_t scale) {
  RgbImage root;
  emulator::Skin skin;
  os::gfx::BitmapRgba body;
  std::pair<int32_t, int32_t> at;
  if (!Locate(xwd_path, skin_dir, scale, &root, &skin, &body, &at)) return 1;
  os::gfx::BitmapRgba picture(body.width * scale, body.height * scale);
  for (int32_t y = 0; y < picture.height; ++y)
    for (int32_t x = 0; x < picture.width; ++x) {
      std::memcpy(picture.at(x, y), root.at(at.first + x, at.second + y), 3);
      picture.at(x, y)[3] = body.at(x / scale, y / scale)[3];  // the handset's own outline
    }
  os::gfx::SavePngRgba(out, picture);
  std::cout << out << ": " << picture.width << "x" << picture.height << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> a(argv + 1, argv + argc);
  try {
    if (a.size() == 3 && a[0] == "make-skin") return MakeSkin(a[1], a[2]);
    if (a.size() == 5 && a[0] == "compare") return Compare(a[1], a[2], a[3], std::stoi(a[4]));
    if (a.size() == 5 && a[0] == "crop") return Crop(a[1], a[2], a[3], std::stoi(a[4]));
  } catch (const std::exception& e) {
    std::cerr << "swivel-window-check: " << e.what() << "\n";
    return 1;
  }
  std::cerr << "usage: swivel-window-check make-skin CONF DIR | compare XWD SKIN_DIR SCREEN_PNG SCALE |"
               " crop XWD SKIN_DIR OUT_PNG SCALE\n";
  return 2;
}
