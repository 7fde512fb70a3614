#pragma once
// Photo bytes for the tests: seeded, so two calls with the same seed give the same bytes.
#include <cstdint>
#include <string>

namespace swivel::os::pim::test {

inline std::string PhotoBytes(size_t size, uint64_t seed) {
  std::string bytes(size, '\0');
  uint64_t x = seed * 0x9E3779B97F4A7C15ull + 1;
  for (auto& c : bytes) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    c = char(x);
  }
  return bytes;
}

}  // namespace swivel::os::pim::test
