#include "hal/sim/sim_board.h"

namespace swivel::hal::sim {
namespace {

std::unique_ptr<SimFlash> MakeFlash(const BoardOptions& o, SimClock& clock) {
  const uint64_t seed = SimRandom(o.seed).derive("flash").seed();
  if (o.flash_image)
    return SimFlash::OpenOrCreate(*o.flash_image, o.profile.flash, seed, &clock,
                                  o.profile.flash_timing);
  return SimFlash::InMemory(o.profile.flash, seed, &clock, o.profile.flash_timing);
}

}  // namespace

SimBoard::SimBoard(const BoardOptions& o)
    : profile_(o.profile),
      clock_(o.clock_mode),
      root_(o.seed),
      flash_(MakeFlash(o, clock_)),
      battery_(clock_, o.battery, o.battery_level),
      radio_(clock_, root_.derive("radio"), o.radio),
      display_(o.profile.screen_width, o.profile.screen_height),
      input_(clock_),
      os_random_(root_.derive("os")) {
  battery_.on_power_lost([this] { flash_->cut_power(); });
  if (!battery_.powered()) flash_->cut_power();
}

bool SimBoard::power_on() {
  if (!battery_.powered()) return false;
  flash_->restore_power();
  return true;
}

Devices SimBoard::devices() {
  return Devices{*flash_, battery_, clock_, radio_, display_, input_, os_random_};
}

}  // namespace swivel::hal::sim
