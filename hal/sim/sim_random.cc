#include "hal/sim/sim_random.h"

namespace swivel::hal::sim {
namespace {

uint64_t SplitMix64(uint64_t& x) {
  uint64_t z = (x += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

// FNV-1a: a stable hash of a label (std::hash may differ between library versions).
uint64_t HashLabel(std::string_view label) {
  uint64_t h = 0xCBF29CE484222325ull;
  for (char c : label) h = (h ^ uint8_t(c)) * 0x100000001B3ull;
  return h;
}

}  // namespace

SimRandom::SimRandom(uint64_t seed) : seed_(seed) {
  uint64_t x = seed;
  for (auto& word : state_) word = SplitMix64(x);
}

uint64_t SimRandom::next_u64() {
  const uint64_t result = Rotl(state_[1] * 5, 7) * 9;
  const uint64_t t = state_[1] << 17;
  state_[2] ^= state_[0];
  state_[3] ^= state_[1];
  state_[1] ^= state_[2];
  state_[0] ^= state_[3];
  state_[2] ^= t;
  state_[3] = Rotl(state_[3], 45);
  return result;
}

SimRandom SimRandom::derive(std::string_view label) const {
  uint64_t x = seed_ ^ HashLabel(label);
  return SimRandom(SplitMix64(x));
}

}  // namespace swivel::hal::sim
