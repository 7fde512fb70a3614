#include "os/ui/painter.h"

#include "os/text/wrap.h"

namespace swivel::os::ui {
namespace {

// The byte length of `s` without its last code point.
size_t DropLastCodePoint(std::string_view s) {
  size_t n = s.size();
  while (n > 0 && (uint8_t(s[n - 1]) & 0xC0) == 0x80) --n;  // continuation bytes
  return n > 0 ? n - 1 : 0;
}

}  // namespace

int32_t Painter::Width(std::string_view utf8, const gfx::TextStyle& style) {
  return text_ ? text_->Measure(utf8, style).width : 0;
}

int32_t Painter::LineHeight(const gfx::TextStyle& style) {
  if (!text_) return style.pixel_size;
  const auto m = text_->Measure("", style);
  return m.ascent + m.descent;
}

void Painter::Text(const hal::Rect& box, std::string_view utf8, const gfx::TextStyle& style,
                   gfx::Color color, Align align) {
  if (!text_ || utf8.empty()) return;
  const int32_t room = box.width - 2 * theme_.padding;
  auto m = text_->Measure(utf8, style);
  std::string cut;
  if (m.width > room) {
    // Shorten until the rest and the ellipsis fit (measured whole: shaping may kern).
    std::string_view rest = utf8;
    do {
      rest = rest.substr(0, DropLastCodePoint(rest));
      cut = std::string(rest) + "\u2026";
      m = text_->Measure(cut, style);
    } while (!rest.empty() && m.width > room);
    utf8 = cut;
  }
  const int32_t x = align == Align::kStart  ? box.x + theme_.padding
                    : align == Align::kEnd  ? box.x + box.width - theme_.padding - m.width
                                            : box.x + (box.width - m.width) / 2;
  TextAt(box, x, utf8, style, color);
}

void Painter::TextAt(const hal::Rect& box, int32_t x, std::string_view utf8,
                     const gfx::TextStyle& style, gfx::Color color) {
  if (!text_ || utf8.empty()) return;
  const auto m = text_->Measure("", style);
  const int32_t baseline = box.y + (box.height - (m.ascent + m.descent)) / 2 + m.ascent;
  canvas_.PushClip(box);
  text_->DrawText(canvas_, x, baseline, utf8, style, color);
  canvas_.PopClip();
}

void Painter::WrappedText(const hal::Rect& box, std::string_view utf8, const gfx::TextStyle& style,
                          gfx::Color color, Align align) {
  if (!text_) return;
  const int32_t line = LineHeight(style);
  const auto lines = text::Wrap(utf8, box.width - 2 * theme_.padding,
                                [&](std::string_view s) { return Width(s, style); });
  int32_t y = box.y;
  for (const auto& l : lines) {
    if (y + line > box.y + box.height) break;
    Text({box.x, y, box.width, line}, l, style, color, align);
    y += line;
  }
}

void PaintTree(const Widget& root, Painter& painter) {
  if (!root.visible()) return;
  gfx::Canvas& canvas = painter.canvas();
  canvas.PushClip(root.bounds());
  root.Paint(painter);
  for (const auto& child : root.children()) PaintTree(*child, painter);
  canvas.PopClip();
}

}  // namespace swivel::os::ui
