#pragma once
// SimRandom: a seeded xoshiro256** generator behind hal::Random.
#include <array>
#include <cstdint>
#include <string_view>

#include "hal/random.h"

namespace swivel::hal::sim {

class SimRandom final : public Random {
 public:
  explicit SimRandom(uint64_t seed);
  uint64_t next_u64() override;

  // An independent stream for one consumer (e.g. "flash.faults"), fixed by this generator's
  // seed and the label alone, so adding a consumer never shifts another one's numbers.
  SimRandom derive(std::string_view label) const;
  uint64_t seed() const { return seed_; }

 private:
  uint64_t seed_;
  std::array<uint64_t, 4> state_{};
};

}  // namespace swivel::hal::sim
