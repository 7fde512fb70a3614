#include "tools/skin_paint/skin_spec.h"

namespace swivel::tools::skin_paint {
namespace {

constexpr Color Hex(uint32_t rgb) { return Color::Hex(rgb); }

// The early colour handset on "Lumen Mobile": a graphite body, dark keys, orange trim.
SkinSpec Classic() {
  SkinSpec s;
  s.folder = "classic";
  s.name = "Swivel Classic";
  s.model = "CLASSIC";
  s.carrier = "Lumen Mobile";
  s.carrier_first = "lumen";
  s.carrier_second = "mobile";
  s.profile = "classic";
  s.size = {.top_margin = 6, .side_margin = 5, .wing_width = 78, .body_radius = 34, .bezel = 10,
            .chin = 22, .lid_gap = 8, .keyboard_gap = 6, .key_pitch = 20, .keyboard_pad = 5,
            .bottom_gap = 10, .key_font = 10.5, .label_font = 7.5};
  s.colors = {.body_top = Hex(0x5A5F68), .body_bottom = Hex(0x2E3137), .body_edge = Hex(0x15161A),
              .body_shine = Hex(0x8A909A),
              .lid_top = Hex(0x2C2F35), .lid_bottom = Hex(0x111316), .lid_edge = Hex(0x08090A),
              .screen = Hex(0x1A2226),
              .key_bed = Hex(0x1B1D21), .key_top = Hex(0x5E636C), .key_bottom = Hex(0x3C4047),
              .key_edge = Hex(0x121316), .key_label = Hex(0xF4F4F4), .key_special = Hex(0xFFA04A),
              .button_top = Hex(0x666B74), .button_bottom = Hex(0x40444B),
              .button_edge = Hex(0x141518), .button_label = Hex(0xEDEDED),
              .accent = Hex(0xFF7A00), .accent_dark = Hex(0xC25400), .logo_text = Hex(0xE9E9E9),
              .boot_top = Hex(0x2A2A30), .boot_bottom = Hex(0x141417), .boot_text = Hex(0xF5F5F5)};
  s.selector = Selector::kWheel;
  s.mark = LogoMark::kSun;
  s.theme = {{"background", 0xFFF8F0}, {"text", 0x2A2118},     {"accent", 0xFF7A00},
             {"highlight", 0xFFD9AD},  {"status_bar", 0x2B2B30}, {"status_text", 0xFFB066}};
  s.font_size = 11;
  return s;
}

// The later, larger handset on "Northwind Wireless": a pearl body, light keys, teal and blue.
SkinSpec Lx() {
  SkinSpec s;
  s.folder = "lx";
  s.name = "Swivel LX";
  s.model = "LX";
  s.carrier = "Northwind Wireless";
  s.carrier_first = "northwind";
  s.carrier_second = "wireless";
  s.profile = "lx";
  s.size = {.top_margin = 8, .side_margin = 6, .wing_width = 104, .body_radius = 48, .bezel = 12,
            .chin = 28, .lid_gap = 10, .keyboard_gap = 8, .key_pitch = 26, .keyboard_pad = 6,
            .bottom_gap = 14, .key_font = 13, .label_font = 9};
  s.colors = {.body_top = Hex(0xF4F7F8), .body_bottom = Hex(0xC3CDD3), .body_edge = Hex(0x6F7E88),
              .body_shine = Hex(0xFFFFFF),
              .lid_top = Hex(0x262C31), .lid_bottom = Hex(0x0E1114), .lid_edge = Hex(0x050607),
              .screen = Hex(0x18242A),
              .key_bed = Hex(0x8D9BA4), .key_top = Hex(0xFFFFFF), .key_bottom = Hex(0xDCE3E7),
              .key_edge = Hex(0x6E7D86), .key_label = Hex(0x1B2830), .key_special = Hex(0x0A8596),
              .button_top = Hex(0xFAFCFC), .button_bottom = Hex(0xCDD6DB),
              .button_edge = Hex(0x73838C), .button_label = Hex(0x2A3A43),
              .accent = Hex(0x0A9AAA), .accent_dark = Hex(0x1F5F9E), .logo_text = Hex(0xDDE7EB),
              .boot_top = Hex(0x164A6E), .boot_bottom = Hex(0x0A1B30), .boot_text = Hex(0xFFFFFF)};
  s.selector = Selector::kTrackball;
  s.mark = LogoMark::kCompass;
  s.theme = {{"background", 0xF3F8FA}, {"text", 0x14252E},     {"accent", 0x0A8F9E},
             {"highlight", 0xBFE9EE},  {"status_bar", 0x0F3B57}, {"status_text", 0xE6F6F8}};
  s.font_size = 14;
  return s;
}

}  // namespace

const std::vector<SkinSpec>& AllSkins() {
  static const std::vector<SkinSpec> skins = {Classic(), Lx()};
  return skins;
}

const SkinSpec* FindSkin(const std::string& folder) {
  for (const SkinSpec& s : AllSkins())
    if (s.folder == folder) return &s;
  return nullptr;
}

}  // namespace swivel::tools::skin_paint
