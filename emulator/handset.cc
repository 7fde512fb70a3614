#include "emulator/handset.h"

namespace swivel::emulator {

Handset::Handset(HandsetOptions options)
    : options_(std::move(options)), board_(options_.board), devices_(board_.devices()) {
  // The fonts are the handset's ROM: opened once, kept across battery pulls. If they cannot
  // be opened, each boot tries again and its kernel says why text is missing.
  if (!options_.os.kernel.fonts) {
    try {
      fonts_ = std::make_unique<os::gfx::FontLibrary>();
      options_.os.kernel.fonts = fonts_.get();
    } catch (const os::gfx::FontError&) {
    }
  }
}

bool Handset::PowerOn(std::string* error) {
  if (os_) return true;
  if (!board_.battery().state().present) board_.insert_battery(level_at_pull_);
  if (!board_.power_on()) {
    *error = "the battery is empty: connect the charger";
    return false;
  }
  const hal::TimePoint start = board_.clock().now();
  os::storage::Status status;
  os_ = os::kernel::Device::Boot(devices_, options_.os, &status);
  if (!os_) {
    *error = "the handset's flash cannot be mounted: " + std::string(os::storage::ToString(status));
    return false;
  }
  ++boots_;
  if (options_.install) options_.install(*os_);
  os_->kernel().Start();
  last_boot_ = board_.clock().now() - start;
  if (options_.booted) options_.booted();
  return true;
}

void Handset::PullBattery() {
  level_at_pull_ = board_.battery().state().level_percent;
  board_.pull_battery();
  os_.reset();  // no shutdown code: the instance is simply gone
}

void Handset::SetBatteryLevel(double percent) {
  board_.battery().set_level(percent);
  Step();
}

void Handset::SetCharger(bool connected) {
  board_.battery().connect_charger(connected);
  Step();
}

void Handset::SetRadio(bool on) { board_.radio().set_enabled(on); }

void Handset::SetLid(hal::LidState state) {
  board_.input().set_lid(state);
  Step();
}

void Handset::Step() {
  board_.clock().run_due();
  if (!os_) {
    while (board_.input().poll()) {}  // keys pressed while it is off do nothing
    return;
  }
  {
    os_->kernel().Step();
    // A critical battery shut the OS down: what is left is the battery running out.
    if (!os_->kernel().running()) os_.reset();
  }
  // A torn flash write (a power cut scheduled on the flash) is the power failing: the OS
  // goes as with a pulled battery, and power on boots it again.
  if (!board_.powered() || !board_.flash().powered()) os_.reset();
}

void Handset::KeyDown(hal::Key key, char32_t character) {
  board_.input().key_down(key, character);
  Step();
}

void Handset::KeyUp(hal::Key key, char32_t character) {
  board_.input().key_up(key, character);
  Step();
}

void Handset::Press(hal::Key key, char32_t character) {
  KeyDown(key, character);
  KeyUp(key, character);
}

void Handset::Type(std::u32string_view text) {
  board_.input().type_text(text);
  Step();
}

void Handset::Wait(int64_t ms) {
  const hal::TimePoint end = board_.clock().now() + std::chrono::milliseconds(ms);
  while (true) {
    const auto next = board_.clock().next_deadline();
    if (!next || *next > end) break;
    board_.clock().run_until(*next);
    Step();
  }
  board_.clock().run_until(end);
  Step();
}

}  // namespace swivel::emulator
