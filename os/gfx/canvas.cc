#include "os/gfx/canvas.h"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>
#include <string>

namespace swivel::os::gfx {

Canvas::Canvas(std::span<uint16_t> pixels, int32_t width, int32_t height)
    : pixels_(pixels), width_(width), height_(height) {
  if (width < 0 || height < 0 || pixels.size() < size_t(width) * size_t(height)) {
    throw std::invalid_argument("Canvas: " + std::to_string(pixels.size()) +
                                " pixels cannot hold " + std::to_string(width) + "x" +
                                std::to_string(height));
  }
  clips_.push_back(Rect{0, 0, width, height});
}

Canvas::Canvas(hal::Display& display)
    : Canvas(display.framebuffer(), int32_t(display.width()), int32_t(display.height())) {}

Canvas::Canvas(Bitmap565& bitmap) : Canvas(bitmap.pixels, bitmap.width, bitmap.height) {}

Rect Canvas::ToScreenClipped(const Rect& r) const {
  return Intersect(Translated(r, origin_.x, origin_.y), clips_.back());
}

void Canvas::MarkDirty(const Rect& screen_rect) { dirty_ = Union(dirty_, screen_rect); }

Rect Canvas::TakeDirty() {
  const Rect d = dirty_;
  dirty_ = Rect{};
  return d;
}

void Canvas::FillScreenRect(const Rect& s, uint16_t value) {
  if (IsEmpty(s)) return;
  for (int32_t y = s.y; y < s.y + s.height; ++y) {
    const auto row = pixels_.begin() + std::ptrdiff_t(Index(s.x, y));
    std::fill(row, row + s.width, value);
  }
  MarkDirty(s);
}

void Canvas::Clear(Color c) { FillScreenRect(clips_.back(), ToRgb565(c)); }

void Canvas::FillRect(const Rect& r, Color c) { FillScreenRect(ToScreenClipped(r), ToRgb565(c)); }

void Canvas::SetPixel(int32_t x, int32_t y, Color c) { FillRect(Rect{x, y, 1, 1}, c); }

void Canvas::BlendPixel(int32_t x, int32_t y, Color c, uint8_t alpha) {
  const int32_t sx = x + origin_.x, sy = y + origin_.y;
  if (alpha == 0 || !Contains(clips_.back(), sx, sy)) return;
  uint16_t& p = pixels_[Index(sx, sy)];
  p = Blend565(p, c, alpha);
  MarkDirty(Rect{sx, sy, 1, 1});
}

void Canvas::HLine(int32_t x, int32_t y, int32_t length, Color c) {
  FillRect(Rect{x, y, length, 1}, c);
}

void Canvas::VLine(int32_t x, int32_t y, int32_t length, Color c) {
  FillRect(Rect{x, y, 1, length}, c);
}

void Canvas::Line(int32_t x0, int32_t y0, int32_t x1, int32_t y1, Color c) {
  const uint16_t value = ToRgb565(c);
  const Rect clip = clips_.back();
  // Screen coordinates from here on.
  x0 += origin_.x, x1 += origin_.x, y0 += origin_.y, y1 += origin_.y;
  const int32_t dx = std::abs(x1 - x0), sx = x0 < x1 ? 1 : -1;
  const int32_t dy = -std::abs(y1 - y0), sy = y0 < y1 ? 1 : -1;
  int32_t err = dx + dy;
  // Only the pixels actually set count as dirty.
  int32_t min_x = INT32_MAX, min_y = INT32_MAX, max_x = INT32_MIN, max_y = INT32_MIN;
  for (;;) {
    if (Contains(clip, x0, y0)) {
      pixels_[Index(x0, y0)] = value;
      min_x = std::min(min_x, x0), max_x = std::max(max_x, x0);
      min_y = std::min(min_y, y0), max_y = std::max(max_y, y0);
    }
    if (x0 == x1 && y0 == y1) break;
    const int32_t e2 = 2 * err;
    if (e2 >= dy) err += dy, x0 += sx;
    if (e2 <= dx) err += dx, y0 += sy;
  }
  if (min_x <= max_x) MarkDirty(Rect{min_x, min_y, max_x - min_x + 1, max_y - min_y + 1});
}

void Canvas::StrokeRect(const Rect& r, Color c) {
  if (IsEmpty(r)) return;
  HLine(r.x, r.y, r.width, c);
  if (r.height > 1) HLine(r.x, r.y + r.height - 1, r.width, c);
  if (r.height > 2) {
    VLine(r.x, r.y + 1, r.height - 2, c);
    if (r.width > 1) VLine(r.x + r.width - 1, r.y + 1, r.height - 2, c);
  }
}

namespace {

// How many pixels row `j` (0 = the outermost row) of a corner of radius r is indented: the
// first column i whose pixel centre (i + 0.5, j + 0.5) lies within distance r of (r, r),
// i.e. (2r - 2i - 1)^2 + (2r - 2j - 1)^2 <= (2r)^2. Rows j >= r are not indented.
int32_t CornerInset(int32_t r, int32_t j) {
  if (j >= r) return 0;
  const int64_t dy = 2 * int64_t(r) - 2 * j - 1, limit = 4 * int64_t(r) * r;
  int32_t i = 0;
  while (i < r) {
    const int64_t dx = 2 * int64_t(r) - 2 * i - 1;
    if (dx * dx + dy * dy <= limit) break;
    ++i;
  }
  return i;
}

}  // namespace

void Canvas::RoundRect(const Rect& r, int32_t radius, Color c, bool fill) {
  if (IsEmpty(r)) return;
  radius = std::clamp(radius, 0, std::min(r.width, r.height) / 2);
  // Row `row`'s span is [inset, width - 1 - inset] (relative to r.x).
  auto inset = [&](int32_t row) { return CornerInset(radius, std::min(row, r.height - 1 - row)); };
  for (int32_t row = 0; row < r.height; ++row) {
    const int32_t left = inset(row), right = r.width - 1 - left;
    const int32_t y = r.y + row;
    if (fill || row == 0 || row == r.height - 1) {
      HLine(r.x + left, y, right - left + 1, c);
      continue;
    }
    // Outline: the pixels of this span not covered by the row above or below (those have a
    // 4-neighbour outside), plus the span's two ends.
    const int32_t neighbour_left = std::max(inset(row - 1), inset(row + 1));
    const int32_t run = std::max(1, neighbour_left - left);
    if (run * 2 >= right - left + 1) {
      HLine(r.x + left, y, right - left + 1, c);
    } else {
      HLine(r.x + left, y, run, c);
      HLine(r.x + right - run + 1, y, run, c);
    }
  }
}

void Canvas::FillRoundRect(const Rect& r, int32_t radius, Color c) { RoundRect(r, radius, c, true); }

void Canvas::StrokeRoundRect(const Rect& r, int32_t radius, Color c) {
  RoundRect(r, radius, c, false);
}

void Canvas::DrawBitmap(int32_t x, int32_t y, const Bitmap565& b) {
  const Rect s = ToScreenClipped(Rect{x, y, b.width, b.height});
  if (IsEmpty(s)) return;
  const int32_t bx = s.x - (x + origin_.x), by = s.y - (y + origin_.y);  // first source pixel
  for (int32_t row = 0; row < s.height; ++row) {
    const auto src = b.pixels.begin() + std::ptrdiff_t(size_t(by + row) * size_t(b.width) + size_t(bx));
    std::copy(src, src + s.width, pixels_.begin() + std::ptrdiff_t(Index(s.x, s.y + row)));
  }
  MarkDirty(s);
}

void Canvas::DrawBitmap(int32_t x, int32_t y, const BitmapRgba& b) {
  const Rect s = ToScreenClipped(Rect{x, y, b.width, b.height});
  if (IsEmpty(s)) return;
  const int32_t bx = s.x - (x + origin_.x), by = s.y - (y + origin_.y);
  for (int32_t row = 0; row < s.height; ++row) {
    for (int32_t col = 0; col < s.width; ++col) {
      const uint8_t* p = b.at(bx + col, by + row);
      uint16_t& d = pixels_[Index(s.x + col, s.y + row)];
      d = Blend565(d, Color{p[0], p[1], p[2]}, p[3]);
    }
  }
  MarkDirty(s);
}

void Canvas::DrawMask(int32_t x, int32_t y, const uint8_t* mask, int32_t mask_width,
                      int32_t mask_height, int32_t pitch, Color c) {
  const Rect s = ToScreenClipped(Rect{x, y, mask_width, mask_height});
  if (IsEmpty(s)) return;
  const int32_t mx = s.x - (x + origin_.x), my = s.y - (y + origin_.y);
  for (int32_t row = 0; row < s.height; ++row) {
    const uint8_t* m = mask + std::ptrdiff_t(my + row) * pitch + mx;
    for (int32_t col = 0; col < s.width; ++col) {
      uint16_t& d = pixels_[Index(s.x + col, s.y + row)];
      d = Blend565(d, c, m[col]);
    }
  }
  MarkDirty(s);
}

void Canvas::PushClip(const Rect& r) { clips_.push_back(ToScreenClipped(r)); }

bool Canvas::PopClip() {
  if (clips_.size() <= 1) return false;
  clips_.pop_back();
  return true;
}

void Canvas::Restore(const State& s) {
  origin_ = s.origin;
  while (clips_.size() > std::max<size_t>(s.clip_depth, 1)) clips_.pop_back();
}

}  // namespace swivel::os::gfx
