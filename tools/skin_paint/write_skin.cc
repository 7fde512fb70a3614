#include "tools/skin_paint/write_skin.h"

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "hal/sim/device_profile.h"
#include "os/gfx/png.h"
#include "tools/skin_paint/logo.h"
#include "tools/skin_paint/paint_handset.h"
#include "tools/skin_paint/skin_conf.h"

namespace swivel::tools::skin_paint {

HandsetLayout LayOutForProfile(const SkinSpec& spec) {
  const auto profile = hal::sim::ProfileByName(spec.profile);
  if (!profile) throw std::runtime_error(spec.name + ": no device profile '" + spec.profile + "'");
  return LayOut(spec, int32_t(profile->screen_width), int32_t(profile->screen_height));
}

std::vector<std::string> WriteSkin(const SkinSpec& spec, const std::string& dir,
                                   os::gfx::TextRenderer& text) {
  namespace fs = std::filesystem;
  const HandsetLayout layout = LayOutForProfile(spec);
  fs::create_directories(dir);
  std::vector<std::string> written;
  auto save = [&](const char* name, const os::gfx::BitmapRgba& image) {
    const std::string path = (fs::path(dir) / name).string();
    os::gfx::SavePngRgba(path, image);
    written.push_back(path);
  };
  save(kBodyFile, PaintHandset(spec, layout, Lid::kOpen, text));
  save(kBodyShutFile, PaintHandset(spec, layout, Lid::kShut, text));
  save(kBootLogoFile, PaintBootLogo(spec, layout.screen_open.width, layout.screen_open.height, text));

  const std::string conf = (fs::path(dir) / "skin.conf").string();
  std::ofstream out(conf, std::ios::binary | std::ios::trunc);
  out << SkinConf(spec, layout);
  out.close();
  if (!out) throw std::runtime_error(conf + ": cannot write");
  written.push_back(conf);
  return written;
}

}  // namespace swivel::tools::skin_paint
