#include "testgen/adaptive_model.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <numeric>

namespace testgen {
namespace {

Decision pick(uint64_t site, int64_t value) { return Decision{site, ChoiceKind::kIndex, 0, 3, value}; }

double prob(const AdaptiveModel& m, uint64_t site, int64_t option) {
  std::vector<double> p;
  m.probabilities(site, 0, 3, {}, p);
  return p[static_cast<size_t>(option)];
}

TEST(AdaptiveModel, StartsUniform) {
  AdaptiveModel m;
  EXPECT_DOUBLE_EQ(prob(m, 1, 2), 1.0);  // raw weights before anything is learnt
}

TEST(AdaptiveModel, GainAboveExpectationRaisesForcedChoices) {
  AdaptiveModel m({.alpha = 0.9, .learning_rate = 0.5, .floor = 0.1, .initial_expectation = 0.0});
  std::vector<Decision> run{pick(1, 2)};
  for (int i = 0; i < 5; ++i) m.learn(run, 10.0);
  EXPECT_GT(prob(m, 1, 2), 0.5);
  EXPECT_LT(prob(m, 1, 0), 0.25);
}

TEST(AdaptiveModel, GainBelowExpectationLowersForcedChoices) {
  AdaptiveModel m({.initial_expectation = 5.0});
  std::vector<Decision> run{pick(1, 3)};
  m.learn(run, 0.0);
  EXPECT_LT(prob(m, 1, 3), 0.25);
}

TEST(AdaptiveModel, NoOptionEverReachesZero) {
  AdaptiveModel m({.floor = 0.1, .initial_expectation = 0.0});
  std::vector<Decision> run{pick(1, 0)};
  for (int i = 0; i < 10000; ++i) m.learn(run, 100.0);
  // floor * static share: 0.1 * 1/4.
  EXPECT_GE(prob(m, 1, 3), 0.025 - 1e-12);
  EXPECT_LE(prob(m, 1, 0), 1.0);
}

TEST(AdaptiveModel, ExpectationIsAnExponentialMovingAverage) {
  AdaptiveModel m({.alpha = 0.5, .initial_expectation = 2.0});
  m.learn({}, 4.0);
  EXPECT_DOUBLE_EQ(m.expectation(), 3.0);
  m.learn({}, 0.0);
  EXPECT_DOUBLE_EQ(m.expectation(), 1.5);
}

TEST(AdaptiveModel, WeightsAreKeyedBySiteNotPosition) {
  AdaptiveModel m({.initial_expectation = 0.0});
  // Two forced decisions at different tree positions but the same site.
  std::vector<Decision> run{pick(7, 1), pick(7, 1)};
  m.learn(run, 3.0);
  EXPECT_EQ(m.sites(), 1u);
  EXPECT_GT(prob(m, 7, 1), 0.25);
  EXPECT_DOUBLE_EQ(prob(m, 8, 1), 1.0);  // another site learnt nothing
}

TEST(AdaptiveModel, StaticWeightsAreRespected) {
  AdaptiveModel m({.initial_expectation = 0.0});
  std::vector<double> p;
  std::vector<double> w{0.0, 1.0, 1.0, 2.0};
  m.learn(std::vector<Decision>{pick(1, 1)}, 5.0);
  m.probabilities(1, 0, 3, w, p);
  EXPECT_DOUBLE_EQ(p[0], 0.0);  // a zero static weight means "never"
  EXPECT_GT(p[1], p[2]);
}

TEST(AdaptiveModel, WideRangesAreAdaptedByBucket) {
  AdaptiveModel m({.max_options = 64, .wide_buckets = 32, .initial_expectation = 0.0});
  EXPECT_TRUE(m.adapts(0, 63));
  EXPECT_FALSE(m.adapts(0, 64));
  EXPECT_TRUE(m.adapts_by_bucket(0, 64));
  EXPECT_TRUE(m.adapts_by_bucket(INT64_MIN, INT64_MAX));
  std::vector<double> p;
  EXPECT_FALSE(m.bucket_probabilities(1, -1000, 1000, p)) << "nothing learnt yet";
  // 42 pays, again and again: its bucket comes to dominate.
  for (int i = 0; i < 20; ++i) m.learn(std::vector<Decision>{{1, ChoiceKind::kInteger, -1000, 1000, 42}}, 10);
  ASSERT_TRUE(m.bucket_probabilities(1, -1000, 1000, p));
  ASSERT_EQ(p.size(), 32u);
  const size_t b = m.bucket_of(-1000, 1000, 42);
  const auto [first, last] = m.bucket_range(-1000, 1000, b);
  EXPECT_LE(first, 42);
  EXPECT_GE(last, 42);
  EXPECT_GT(p[b], 0.5);
  EXPECT_NEAR(std::accumulate(p.begin(), p.end(), 0.0), 1.0, 1e-9);
  for (double x : p) EXPECT_GT(x, 0) << "the floor keeps every bucket reachable";
  AdaptiveModel off({.wide_buckets = 0});
  off.learn(std::vector<Decision>{{1, ChoiceKind::kInteger, 0, 1000, 5}}, 10);
  EXPECT_EQ(off.sites(), 0u) << "wide_buckets = 0 leaves wide ranges alone";
  EXPECT_EQ(off.bucket_range(0, 1000, 0), std::make_pair(int64_t{0}, int64_t{1000})) << "one bucket, no division by 0";
}

TEST(AdaptiveModel, BucketsTileTheRangeExactly) {
  AdaptiveModel m({.wide_buckets = 32});
  for (auto [lo, hi] : {std::pair<int64_t, int64_t>{0, 127}, {-1000, 1000}, {0, 99}, {INT64_MIN, INT64_MAX},
                        {INT32_MIN, INT32_MAX}}) {
    int64_t next = lo;
    for (size_t b = 0; b < 32; ++b) {
      const auto [first, last] = m.bucket_range(lo, hi, b);
      EXPECT_EQ(first, next) << lo << ".." << hi << " bucket " << b;
      EXPECT_LE(first, last);
      EXPECT_EQ(m.bucket_of(lo, hi, first), b);
      EXPECT_EQ(m.bucket_of(lo, hi, last), b);
      if (b + 1 < 32) next = last + 1;
      else EXPECT_EQ(last, hi);
    }
  }
}

TEST(AdaptiveModel, ABiasThatStopsPayingFades) {
  // Option 2 pays early; then nothing pays for long enough that the
  // expectation is ~0; then option 2 keeps being forced without paying.
  auto scenario = [](double decay) {
    AdaptiveModel m({.initial_expectation = 0.0, .decay = decay});
    std::vector<Decision> chosen{pick(1, 2)}, elsewhere{pick(99, 0)};
    for (int i = 0; i < 5; ++i) m.learn(chosen, 10.0);
    for (int i = 0; i < 200; ++i) m.learn(elsewhere, 0.0);
    const double learnt = prob(m, 1, 2);
    for (int i = 0; i < 300; ++i) m.learn(chosen, 0.0);
    return std::make_pair(learnt, prob(m, 1, 2));
  };
  auto [learnt, faded] = scenario(0.02);
  EXPECT_GT(learnt, 0.6);
  EXPECT_LT(faded, 0.3);
  auto [learnt_sticky, kept] = scenario(0.0);
  EXPECT_GT(kept, 0.6) << "without decay the bias stays";
}

TEST(AdaptiveModel, RejectsBadOptions) {
  EXPECT_THROW(AdaptiveModel({.decay = 1.0}), std::invalid_argument);
  EXPECT_THROW(AdaptiveModel({.alpha = 1.0}), std::invalid_argument);
  EXPECT_THROW(AdaptiveModel({.floor = 0.0}), std::invalid_argument);
}

}  // namespace
}  // namespace testgen
