#include "testgen/coverage.h"

#include <gtest/gtest.h>

namespace testgen {
namespace {

TEST(Coverage, FeatureSetIsSortedAndUnique) {
  FeatureSet s;
  s.add(5);
  s.add(1);
  s.add(5);
  EXPECT_EQ(s.items(), (std::vector<Feature>{1, 5}));
  FeatureSet t;
  t.add(3);
  s.merge(t);
  EXPECT_EQ(s.items(), (std::vector<Feature>{1, 3, 5}));
  EXPECT_TRUE(s.contains(3));
}

TEST(Coverage, GlobalUnionCountsNewAndFrequency) {
  GlobalCoverage g;
  FeatureSet a;
  a.add("x");
  a.add("y");
  EXPECT_EQ(g.count_new(a), 2u);
  EXPECT_EQ(g.merge(a), 2u);
  EXPECT_EQ(g.merge(a), 0u);
  EXPECT_EQ(g.frequency(feature_of("x")), 2u);
  EXPECT_EQ(g.size(), 2u);
}

TEST(Coverage, BucketsFollowAfl) {
  EXPECT_EQ(bucketed_feature("b", 0), 0u);
  EXPECT_NE(bucketed_feature("b", 1), bucketed_feature("b", 2));
  EXPECT_EQ(bucketed_feature("b", 4), bucketed_feature("b", 7));
  EXPECT_NE(bucketed_feature("b", 7), bucketed_feature("b", 8));
  EXPECT_EQ(bucketed_feature("b", 32), bucketed_feature("b", 127));
  EXPECT_EQ(bucketed_feature("b", 128), bucketed_feature("b", 100000));
}

TEST(Coverage, ReportedFeaturesResetPerRun) {
  ReportedFeatures r;
  r.begin_run();
  r.report("a");
  FeatureSet out;
  r.end_run(out);
  EXPECT_EQ(out.size(), 1u);
  r.begin_run();
  FeatureSet out2;
  r.end_run(out2);
  EXPECT_TRUE(out2.empty());
}

}  // namespace
}  // namespace testgen
