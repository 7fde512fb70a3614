#pragma once
// hal::Random: the only source of randomness the OS may use. On the simulator it is seeded,
// so a run (fault injection included) reproduces from one number.
#include <cstdint>
#include <span>

namespace swivel::hal {

class Random {
 public:
  virtual ~Random() = default;
  virtual uint64_t next_u64() = 0;

  // Uniform in [0, bound); bound must be > 0. Unbiased (rejection sampling).
  uint64_t uniform(uint64_t bound) {
    const uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
    uint64_t x;
    do x = next_u64(); while (x >= limit);
    return x % bound;
  }
  // True with probability p (clamped to [0, 1]).
  bool chance(double p) {
    if (p <= 0) return false;
    if (p >= 1) return true;
    return static_cast<double>(next_u64() >> 11) * 0x1.0p-53 < p;
  }
  void fill(std::span<uint8_t> out) {
    for (size_t i = 0; i < out.size(); i += 8) {
      uint64_t x = next_u64();
      for (size_t j = i; j < out.size() && j < i + 8; ++j, x >>= 8) out[j] = uint8_t(x);
    }
  }
};

}  // namespace swivel::hal
