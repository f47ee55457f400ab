#include "testgen/rng.h"

#include <gtest/gtest.h>

#include <array>
#include <limits>

namespace testgen {
namespace {

TEST(Rng, FixedSeedGivesDocumentedStream) {
  // Golden values: if these change, every stored seed changes meaning.
  Rng rng(0);
  EXPECT_EQ(rng.next(), 0x99ec5f36cb75f2b4ULL);
  EXPECT_EQ(rng.next(), 0xbf6e1f784956452aULL);
  Rng again(0);
  EXPECT_EQ(again.next(), 0x99ec5f36cb75f2b4ULL);
}

TEST(Rng, RangeReductionIsOurOwnAndStable) {
  Rng rng(42);
  std::array<int64_t, 6> got{};
  for (auto& g : got) g = rng.between(1, 6);
  Rng rng2(42);
  for (auto g : got) EXPECT_EQ(g, rng2.between(1, 6));
}

TEST(Rng, BetweenStaysInRangeAndHitsBothEnds) {
  Rng rng(7);
  bool saw_lo = false, saw_hi = false;
  for (int i = 0; i < 10000; ++i) {
    int64_t v = rng.between(-3, 3);
    ASSERT_GE(v, -3);
    ASSERT_LE(v, 3);
    saw_lo |= v == -3;
    saw_hi |= v == 3;
  }
  EXPECT_TRUE(saw_lo);
  EXPECT_TRUE(saw_hi);
}

TEST(Rng, FullRangeWorks) {
  Rng rng(1);
  const auto lo = std::numeric_limits<int64_t>::min();
  const auto hi = std::numeric_limits<int64_t>::max();
  bool negative = false, positive = false;
  for (int i = 0; i < 100; ++i) {
    int64_t v = rng.between(lo, hi);
    negative |= v < 0;
    positive |= v > 0;
  }
  EXPECT_TRUE(negative && positive);
  EXPECT_NO_THROW(rng.up_to(UINT64_MAX));
}

TEST(Rng, BelowIsRoughlyUniform) {
  Rng rng(3);
  std::array<int, 3> counts{};
  for (int i = 0; i < 30000; ++i) ++counts[rng.below(3)];
  for (int c : counts) EXPECT_NEAR(c, 10000, 500);
}

TEST(Rng, WeightedRespectsZeroWeights) {
  Rng rng(5);
  std::array<double, 3> w{0.0, 1.0, 0.0};
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(rng.weighted(w), 1u);
  std::array<double, 2> none{0.0, 0.0};
  EXPECT_THROW(rng.weighted(none), std::invalid_argument);
}

TEST(Rng, UnitIsInHalfOpenInterval) {
  Rng rng(9);
  for (int i = 0; i < 10000; ++i) {
    double u = rng.unit();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
  }
}

TEST(Rng, BadArgumentsThrow) {
  Rng rng(0);
  EXPECT_THROW(rng.below(0), std::invalid_argument);
  EXPECT_THROW(rng.between(2, 1), std::invalid_argument);
}

}  // namespace
}  // namespace testgen
