#pragma once
// Theme: the colours, type sizes and metrics every widget draws with. One per handset; a
// skin overrides colours and the base font size for its carrier's branding.
#include <cstdint>
#include <string_view>

#include "os/gfx/color.h"

namespace swivel::os::ui {

struct Theme {
  gfx::Color background = gfx::Color::Hex(0xF4F3EE);  // the screen behind everything
  gfx::Color text = gfx::Color::Hex(0x1B1C1E);
  gfx::Color text_dim = gfx::Color::Hex(0x6C6F75);     // placeholders, secondary lines
  gfx::Color accent = gfx::Color::Hex(0x2F6DB5);       // focus, buttons
  gfx::Color accent_text = gfx::Color::Hex(0xFFFFFF);  // text on the accent
  gfx::Color highlight = gfx::Color::Hex(0xD3E2F4);    // a selection without focus
  gfx::Color status_bar = gfx::Color::Hex(0x23272E);
  gfx::Color status_text = gfx::Color::Hex(0xEEF0F2);
  gfx::Color field = gfx::Color::Hex(0xFFFFFF);        // inside text fields and dialogs
  gfx::Color border = gfx::Color::Hex(0xA3A7AD);
  int32_t font_size = 11;  // body text, in pixels; titles and small text scale from it
  int32_t radius = 3;      // corners of buttons, fields and dialogs
  int32_t padding = 3;     // text inset from its box

  int32_t small_size() const { return font_size > 8 ? font_size - 2 : font_size; }
  int32_t row_height() const { return font_size + 5; }  // a list row, a form field, a button
  int32_t title_size() const { return font_size + 2; }
};

// Sets the colour a skin names (background, text, accent, highlight, status_bar,
// status_text) to 0xRRGGBB. False, changing nothing, for any other name.
bool SetThemeColor(Theme& theme, std::string_view name, uint32_t rgb);

}  // namespace swivel::os::ui
