// The SanitizerCoverage runtime on code compiled with testgen_instrument()
// (gcc here: trace-pc and trace-cmp; clang's inline counters are covered by
// tests/property_gtest_test.sh): branches are features, hit counts are
// bucketed, and compared constants are hints.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>

#include "testgen/coverage.h"

namespace testgen::sancov::fixture {
int branch(int64_t x);
int loop(int n);
bool magic(uint32_t x);
bool negative_magic(int32_t x);
}  // namespace testgen::sancov::fixture

namespace testgen::sancov {
namespace {

template <class F>
FeatureSet features_of(F run) {
  CoverageSource* source = in_process_coverage();
  source->begin_run();
  run();
  FeatureSet out;
  source->end_run(out);
  return out;
}

bool has_hint(int64_t value) {
  const auto hints = in_process_coverage()->hints();
  return std::find(hints.begin(), hints.end(), value) != hints.end();
}

TEST(SancovTest, LinkingInstrumentedCodeRegistersTheSource) {
  ASSERT_NE(in_process_coverage(), nullptr);
  EXPECT_EQ(in_process_coverage()->name(), "sancov");
}

TEST(SancovTest, BranchesGiveFeaturesAndTheSameRunTheSameOnes) {
  const FeatureSet big = features_of([] { fixture::branch(1000); });
  const FeatureSet small = features_of([] { fixture::branch(-1000); });
  const FeatureSet again = features_of([] { fixture::branch(1000); });
  EXPECT_FALSE(big.empty());
  EXPECT_EQ(big.items(), again.items());
  EXPECT_NE(big.items(), small.items());
  // Nothing instrumented ran: nothing is reported (the counters were reset).
  EXPECT_TRUE(features_of([] {}).empty());
}

TEST(SancovTest, MoreIterationsOfALoopAreNewFeatures) {
  const FeatureSet one = features_of([] { fixture::loop(1); });
  const FeatureSet many = features_of([] { fixture::loop(40); });
  size_t only_in_many = 0;
  for (Feature f : many) only_in_many += !one.contains(f);
  EXPECT_GT(only_in_many, 0u) << "the loop's hit-count bucket changed";
}

TEST(SancovTest, ComparedConstantsBecomeHints) {
  features_of([] { fixture::magic(7); });
  features_of([] { fixture::negative_magic(5); });
  // Hints are read every few runs: run until they are.
  for (int i = 0; i < 40; ++i) features_of([] { fixture::branch(0); });
  EXPECT_TRUE(has_hint(0x5eed1234));
  EXPECT_TRUE(has_hint(-77)) << "a 32-bit operand is also read as signed";
  EXPECT_TRUE(has_hint(100));
}

}  // namespace
}  // namespace testgen::sancov
