// Each puzzle must be cracked by the engine and shrunk to its known minimum.
// Budgets are generous: these test that guidance works, not how fast.
#include "puzzles.h"

#include <gtest/gtest.h>

namespace testgen::puzzles {
namespace {

class PuzzleTest : public ::testing::TestWithParam<std::string_view> {};

TEST_P(PuzzleTest, CrackedAndShrunkToTheKnownMinimum) {
  const Puzzle* p = find(GetParam());
  ASSERT_NE(p, nullptr);
  auto target = p->make();
  EngineOptions options{.seed = 1, .max_runs = 300000, .size = p->size};
  EngineReport report = Engine(*target, options).run();
  ASSERT_EQ(report.findings.size(), 1u) << p->name << " not cracked in " << report.runs << " runs";
  EXPECT_EQ(report.findings[0].value_text, p->minimum) << "found: " << report.findings[0].original_text;
  auto [again, tree] = replay(*target, report.findings[0].tree, p->size);
  EXPECT_EQ(again.verdict, Verdict::kFail);
}

INSTANTIATE_TEST_SUITE_P(All, PuzzleTest, ::testing::Values("pair-42-43", "tree-sum-100", "equal-pair", "hi"),
                         [](const auto& param_info) {
                           std::string n(param_info.param);
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });

TEST(Puzzles, TableIsConsistent) {
  for (const Puzzle& p : all()) {
    EXPECT_EQ(find(p.name), &p);
    EXPECT_EQ(p.make()->name(), "puzzle:" + std::string(p.name));
  }
  EXPECT_EQ(find("nope"), nullptr);
}

TEST(Puzzles, DistanceFeatureBucketsByBitWidth) {
  EXPECT_EQ(distance_feature("d", 5, 5), distance_feature("d", 0, 0));
  EXPECT_EQ(distance_feature("d", 4, 6), distance_feature("d", 6, 3));  // |d| in 2..3
  EXPECT_NE(distance_feature("d", 4, 5), distance_feature("d", 4, 6));
}

}  // namespace
}  // namespace testgen::puzzles
