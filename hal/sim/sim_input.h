#pragma once
// SimInput: the queue of key and lid events the host feeds the handset, stamped with device
// time. The host maps its keyboard, skin buttons and scripts onto these calls.
#include <deque>
#include <string>
#include <string_view>

#include "hal/input.h"
#include "hal/sim/sim_clock.h"

namespace swivel::hal::sim {

class SimInput final : public Input {
 public:
  explicit SimInput(SimClock& clock) : clock_(clock) {}

  // hal::Input
  std::optional<InputEvent> poll() override;
  LidState lid() const override { return lid_; }

  // Host side.
  void key_down(Key key, char32_t character = 0);
  void key_up(Key key, char32_t character = 0);
  void press(Key key);  // down then up
  // One kCharacter press per code point. Invalid UTF-8 queues nothing and returns false.
  bool type_text(std::string_view utf8);
  void type_text(std::u32string_view text);
  // Queues a lid event only when the lid really moves.
  void set_lid(LidState state);
  size_t pending() const { return queue_.size(); }

 private:
  void Push(InputEvent event);

  SimClock& clock_;
  std::deque<InputEvent> queue_;
  LidState lid_ = LidState::kOpen;  // the handset starts swivelled open, keyboard showing
};

// Decodes UTF-8 strictly (no overlongs, surrogates or values past U+10FFFF).
std::optional<std::u32string> DecodeUtf8(std::string_view utf8);

}  // namespace swivel::hal::sim
