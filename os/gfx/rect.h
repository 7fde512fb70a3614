#pragma once
// Rectangles for drawing: hal::Rect (x, y, width, height), half-open on the right and bottom.
// Any rectangle with width <= 0 or height <= 0 is empty, wherever it is.
#include <algorithm>
#include <cstdint>

#include "hal/display.h"

namespace swivel::os::gfx {

using Rect = hal::Rect;

struct Point {
  int32_t x = 0, y = 0;
  bool operator==(const Point&) const = default;
};

inline bool IsEmpty(const Rect& r) { return r.width <= 0 || r.height <= 0; }

inline bool Contains(const Rect& r, int32_t x, int32_t y) {
  return x >= r.x && y >= r.y && x - r.x < r.width && y - r.y < r.height;
}

// The common part; an empty Rect{} when there is none.
inline Rect Intersect(const Rect& a, const Rect& b) {
  const int32_t x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y);
  const int32_t x1 = std::min(a.x + a.width, b.x + b.width);
  const int32_t y1 = std::min(a.y + a.height, b.y + b.height);
  if (x1 <= x0 || y1 <= y0) return Rect{};
  return Rect{x0, y0, x1 - x0, y1 - y0};
}

// The smallest rectangle holding both; an empty operand is ignored.
inline Rect Union(const Rect& a, const Rect& b) {
  if (IsEmpty(a)) return IsEmpty(b) ? Rect{} : b;
  if (IsEmpty(b)) return a;
  const int32_t x0 = std::min(a.x, b.x), y0 = std::min(a.y, b.y);
  const int32_t x1 = std::max(a.x + a.width, b.x + b.width);
  const int32_t y1 = std::max(a.y + a.height, b.y + b.height);
  return Rect{x0, y0, x1 - x0, y1 - y0};
}

inline Rect Translated(const Rect& r, int32_t dx, int32_t dy) {
  return Rect{r.x + dx, r.y + dy, r.width, r.height};
}

}  // namespace swivel::os::gfx
