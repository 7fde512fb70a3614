#include "emulator/window/swivel.h"

#include "emulator/window/layout.h"

namespace swivel::emulator::window {
namespace {

double CenterX(const hal::Rect& r) { return r.x + r.width / 2.0; }
double CenterY(const hal::Rect& r) { return r.y + r.height / 2.0; }

}  // namespace

SwivelPose AtRest(const Skin& skin, hal::LidState lid) {
  const hal::Rect& r = ScreenRect(skin, lid);
  return {0, CenterX(r), CenterY(r), lid == hal::LidState::kShut, true};
}

SwivelPose SwivelAt(const Skin& skin, hal::LidState to, int64_t elapsed_ms) {
  if (elapsed_ms >= kSwivelMs) return AtRest(skin, to);
  const bool shutting = to == hal::LidState::kShut;
  const hal::Rect& from_rect = ScreenRect(skin, shutting ? hal::LidState::kOpen : hal::LidState::kShut);
  const hal::Rect& to_rect = ScreenRect(skin, to);
  const double t = elapsed_ms <= 0 ? 0.0 : double(elapsed_ms) / double(kSwivelMs);
  const double eased = t * t * (3 - 2 * t);  // smoothstep: slow start and end
  SwivelPose pose;
  pose.angle = (shutting ? 180.0 : -180.0) * eased;
  pose.center_x = CenterX(from_rect) + (CenterX(to_rect) - CenterX(from_rect)) * eased;
  pose.center_y = CenterY(from_rect) + (CenterY(to_rect) - CenterY(from_rect)) * eased;
  pose.shut_body = shutting ? t >= 0.5 : t < 0.5;
  pose.done = false;
  return pose;
}

}  // namespace swivel::emulator::window
