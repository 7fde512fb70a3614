#include "tools/skin_paint/skin_conf.h"

#include <cstdio>

namespace swivel::tools::skin_paint {
namespace {

std::string RectText(const Rect& r) {
  return std::to_string(r.x) + " " + std::to_string(r.y) + " " + std::to_string(r.width) + " " +
         std::to_string(r.height);
}

std::string Hex(uint32_t rgb) {
  char text[8];
  std::snprintf(text, sizeof text, "#%06X", unsigned(rgb & 0xFFFFFF));
  return text;
}

}  // namespace

std::string SkinConf(const SkinSpec& spec, const HandsetLayout& layout) {
  std::string out;
  auto line = [&](const std::string& key, const std::string& value) {
    out += key + " = " + value + "\n";
  };
  out += "# " + spec.name + " on " + spec.carrier + ".\n";
  out += "# Made by swivel-skin-paint (tools/skin_paint) with its images: change the program and\n";
  out += "# regenerate (see skins/README.md) rather than editing this file.\n";
  line("name", spec.name);
  line("carrier", spec.carrier);
  line("profile", spec.profile);
  line("body", kBodyFile);
  line("body_shut", kBodyShutFile);
  line("boot_logo", kBootLogoFile);
  line("screen", RectText(layout.screen_open));
  line("screen_shut", RectText(layout.screen_shut));
  out += "\n# The handset's own buttons: the same places with the lid open or shut.\n";
  for (const Hotspot& b : layout.buttons) line("button " + b.key, RectText(b.rect));
  out += "\n# The keyboard: only with the lid open.\n";
  for (const Hotspot& k : layout.keys) line("button " + k.key, RectText(k.rect));
  out += "\n# " + spec.carrier + "'s colours for the OS.\n";
  for (const auto& [name, rgb] : spec.theme) line("theme." + name, Hex(rgb));
  line("theme.font_size", std::to_string(spec.font_size));
  return out;
}

}  // namespace swivel::tools::skin_paint
