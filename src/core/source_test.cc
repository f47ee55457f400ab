#include "testgen/source.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace testgen {
namespace {

namespace g = gen;
using testing::draw;

// Fresh draws of a wide range follow what the model learnt about its
// buckets; without wide buckets they stay uniform.
TEST(Source, WideRangesAreDrawnFromTheLearntBucket) {
  auto wide = g::choose(-1000, 1000);
  auto share_near_42 = [&](size_t buckets) {
    AdaptiveModel model({.wide_buckets = buckets, .initial_expectation = 0.0});
    // Learn from one draw, so the decision carries the generator's site.
    ChoiceTree first;
    Source learner(first, {.seed = 1, .model = &model});
    wide(learner.root());
    std::vector<Decision> paid(learner.decisions().begin(), learner.decisions().end());
    paid[0].value = 42;
    for (int i = 0; i < 20; ++i) model.learn(paid, 10);
    int near = 0;
    for (uint64_t seed = 0; seed < 400; ++seed) {
      ChoiceTree t;
      Source source(t, {.seed = seed, .model = &model});
      const int64_t v = wide(source.root());
      // 42's bucket of 32 (1..63); the same values when buckets are off.
      near += v >= 1 && v <= 63;
    }
    return near;
  };
  AdaptiveModel cut({.wide_buckets = 32});
  EXPECT_EQ(cut.bucket_range(-1000, 1000, cut.bucket_of(-1000, 1000, 42)), std::make_pair(int64_t{1}, int64_t{63}));
  EXPECT_GT(share_near_42(32), 200) << "most draws from 42's bucket";
  EXPECT_LT(share_near_42(0), 40) << "uniform: about 1 in 32";
}

TEST(Source, MissingNodesAreDrawnAndRecorded) {
  auto pair = g::tuple(g::choose(0, 1000), g::choose(0, 1000));
  ChoiceTree t;
  auto [a, b] = draw(pair, t, 5);
  t.root().erase_child(1);  // forget b
  ChoiceTree copy = t;
  auto [a2, b2] = draw(pair, copy, 6);
  EXPECT_EQ(a2, a);
  EXPECT_NE(copy.find({1}), nullptr);
  EXPECT_EQ(copy.find({1})->value, b2);
}

TEST(Source, OutOfRangeRecordedValueIsRedrawn) {
  ChoiceTree t;
  draw(g::choose(0, 1000), t, 5);
  t.root().value = 999;
  EXPECT_LE(draw(g::choose(0, 10), t, 5), 10);
}

TEST(Source, SimplestFillGivesSimplestValues) {
  ChoiceTree t;
  auto v = draw(g::list(g::choose(2, 5), g::choose(-7, 7)), t, 1, 3, Fill::kSimplest);
  EXPECT_EQ(v, (std::vector<int64_t>{0, 0}));
}

TEST(Source, DemandMarksOnlyWhatWasForced) {
  auto lazy_pair = g::tuple(g::choose(0, 9), g::lazy(g::choose(0, 9)));
  ChoiceTree t;
  {
    Source s(t, {.seed = 3});
    auto [a, lz] = lazy_pair(s.root());
    (void)a;
    s.finish();
  }
  EXPECT_EQ(t.find({1, 0}), nullptr) << "lazy part never accessed: not drawn";
  EXPECT_EQ(t.decision_paths(true).size(), 1u);
  int64_t seen = -1;
  {
    Source s(t, {.seed = 3});
    auto [a, lz] = lazy_pair(s.root());
    seen = lz.get();
    EXPECT_TRUE(lz.evaluated());
    s.finish();
  }
  ASSERT_NE(t.find({1, 0}), nullptr);
  EXPECT_TRUE(t.find({1, 0})->forced);
  EXPECT_EQ(t.find({1, 0})->value, seen);
  {
    Source s(t, {.seed = 4});
    auto [a, lz] = lazy_pair(s.root());
    s.finish();
  }
  EXPECT_FALSE(t.find({1, 0})->forced) << "replayed without access: recorded but unforced";
  EXPECT_EQ(t.forced_only().find({1, 0}), nullptr);
}

TEST(Source, TwoDecisionsAtOneNodeIsAnError) {
  Gen<int> bad(Site::named("bad", "test"), [](const Cursor& at) {
    at.decide(Site::named("a", "test"), ChoiceKind::kBool, 0, 1);
    at.decide(Site::named("b", "test"), ChoiceKind::kBool, 0, 1);
    return 0;
  });
  ChoiceTree t;
  try {
    draw(bad, t);
    FAIL();
  } catch (const GenerationError& e) {
    EXPECT_NE(std::string(e.what()).find("two decisions at one node"), std::string::npos);
  }
}

TEST(Source, DecisionLogIsInDrawOrder) {
  ChoiceTree t;
  Source s(t, {.seed = 2});
  g::tuple(g::choose(10, 10), g::choose(20, 20))(s.root());
  ASSERT_EQ(s.decisions().size(), 2u);
  EXPECT_EQ(s.decisions()[0].value, 10);
  EXPECT_EQ(s.decisions()[1].value, 20);
  EXPECT_EQ(s.fresh_draws(), 2u);
}

TEST(Source, SameSeedSameTree) {
  auto l = g::list(g::choose(0, 20), g::choose(-1000, 1000));
  ChoiceTree a, b;
  draw(l, a, 77);
  draw(l, b, 77);
  EXPECT_EQ(a.to_json(), b.to_json());
}

// A generator without a base case ends in an error naming it, not in a
// stack overflow; one that grows without bound, before memory runs out.
TEST(Source, RunawayGeneratorsAreStoppedWithTheirName) {
  Gen<int64_t> endless = g::choose(0, 1);
  endless = g::bind(g::choose(0, 1), [&endless](int64_t) { return endless; });
  ChoiceTree tree;
  Source source(tree, {.seed = 1});
  try {
    endless(source.root());
    FAIL() << "no error";
  } catch (const GenerationError& e) {
    EXPECT_NE(std::string(e.what()).find("nests deeper than 2000 levels"), std::string::npos) << e.what();
  }
  ChoiceTree wide;
  Source many(wide, {.seed = 1});
  EXPECT_THROW(g::list(g::choose(3000000, 3000000), g::choose(0, 9))(many.root()), GenerationError);
}

}  // namespace
}  // namespace testgen
