#include "hal/sim/sim_random.h"

#include <gtest/gtest.h>

#include <array>
#include <vector>

namespace swivel::hal::sim {
namespace {

std::vector<uint64_t> Draw(Random& r, int n) {
  std::vector<uint64_t> out;
  for (int i = 0; i < n; ++i) out.push_back(r.next_u64());
  return out;
}

TEST(SimRandom, SameSeedSameSequence) {
  SimRandom a(42), b(42), c(43);
  const auto sa = Draw(a, 100);
  EXPECT_EQ(sa, Draw(b, 100));
  EXPECT_NE(sa, Draw(c, 100));
}

TEST(SimRandom, DerivedStreamsAreStableAndIndependent) {
  SimRandom root(7);
  root.next_u64();  // consuming the parent must not change what a derived stream yields
  SimRandom f1 = root.derive("flash"), f2 = SimRandom(7).derive("flash");
  SimRandom radio = root.derive("radio");
  const auto flash = Draw(f1, 50);
  EXPECT_EQ(flash, Draw(f2, 50));
  EXPECT_NE(flash, Draw(radio, 50));
}

TEST(SimRandom, UniformStaysInBoundAndCoversIt) {
  SimRandom r(1);
  std::array<int, 10> counts{};
  for (int i = 0; i < 10000; ++i) {
    const auto x = r.uniform(10);
    ASSERT_LT(x, 10u);
    ++counts[x];
  }
  for (int c : counts) EXPECT_GT(c, 800) << "a bucket is starved: the draw is skewed";
}

TEST(SimRandom, ChanceHonoursItsProbability) {
  SimRandom r(3);
  int hits = 0;
  for (int i = 0; i < 20000; ++i) hits += r.chance(0.25);
  EXPECT_NEAR(hits / 20000.0, 0.25, 0.02);
  EXPECT_FALSE(r.chance(0.0));
  EXPECT_TRUE(r.chance(1.0));
}

TEST(SimRandom, FillIsReproducible) {
  SimRandom a(9), b(9);
  std::vector<uint8_t> x(37), y(37);
  a.fill(x);
  b.fill(y);
  EXPECT_EQ(x, y);
  EXPECT_NE(x, std::vector<uint8_t>(37, 0));
}

}  // namespace
}  // namespace swivel::hal::sim
