// swivel-skin-paint: draws a shipped skin's images and writes its skin.conf.
#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "os/gfx/font_library.h"
#include "os/gfx/text_renderer.h"
#include "tools/skin_paint/skin_spec.h"
#include "tools/skin_paint/write_skin.h"

namespace {

using swivel::tools::skin_paint::AllSkins;
using swivel::tools::skin_paint::FindSkin;
using swivel::tools::skin_paint::WriteSkin;

std::string Usage() {
  std::string skins;
  for (const auto& s : AllSkins())
    skins += "  " + s.folder + std::string(10 - s.folder.size(), ' ') + s.name + " on " + s.carrier + "\n";
  return "usage: swivel-skin-paint SKIN OUTDIR\n"
         "\n"
         "Draws the skin's images (body.png, body_shut.png, boot_logo.png) and writes its\n"
         "skin.conf into OUTDIR, creating it if needed and overwriting those four files.\n"
         "The output depends only on this program (and the DejaVu fonts and libpng it uses), so\n"
         "the shipped skins are regenerated with, from the repository root:\n"
         "\n"
         "  swivel-skin-paint classic skins/classic\n"
         "\n"
         "skins:\n" +
         skins +
         "\n"
         "  -h, --help    show this help\n"
         "\n"
         "exit status: 0 when all four files were written, 1 when one could not be, 2 on a\n"
         "usage error.\n";
}

int UsageError(const std::string& message) {
  std::cerr << "swivel-skin-paint: " << message << "\n(see swivel-skin-paint --help)\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  for (std::string_view a : args) {
    if (a == "-h" || a == "--help") {
      std::cout << Usage();
      return 0;
    }
    if (a.starts_with("-")) return UsageError("unknown option " + std::string(a));
  }
  if (args.size() != 2) return UsageError("expected SKIN and OUTDIR");
  const auto* spec = FindSkin(std::string(args[0]));
  if (!spec) return UsageError("no skin '" + std::string(args[0]) + "'");
  try {
    swivel::os::gfx::FontLibrary fonts;
    swivel::os::gfx::TextRenderer text(fonts);
    for (const std::string& path : WriteSkin(*spec, std::string(args[1]), text))
      std::cout << "wrote " << path << "\n";
  } catch (const std::exception& e) {
    std::cerr << "swivel-skin-paint: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
