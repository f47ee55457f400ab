#include "testgen/gen.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "test_support.h"

namespace testgen {
namespace {

namespace g = gen;
using testing::draw;
using testing::replay_value;

TEST(Gen, UnitAndMapDrawNothing) {
  ChoiceTree t;
  EXPECT_EQ(draw(g::map(g::unit(20), [](int x) { return x + 1; }), t), 21);
  EXPECT_EQ(t.decision_count(), 0u);
}

TEST(Gen, ChooseAndIntegerStayInRange) {
  for (uint64_t seed = 0; seed < 200; ++seed) {
    ChoiceTree t1, t2;
    int64_t c = draw(g::choose(-3, 4), t1, seed);
    int64_t i = draw(g::integer(5), t2, seed);
    ASSERT_GE(c, -3);
    ASSERT_LE(c, 4);
    ASSERT_GE(i, 0);
    ASSERT_LT(i, 5);
  }
  EXPECT_THROW(g::integer(0), GenerationError);
  EXPECT_THROW(g::choose(2, 1), GenerationError);
}

TEST(Gen, ElementsOneofFreqCoverTheirOptions) {
  std::set<std::string> seen_e, seen_o;
  auto e = g::elements({std::string("a"), std::string("b"), std::string("c")});
  auto o = g::oneof({g::unit(std::string("x")), g::unit(std::string("y"))});
  for (uint64_t seed = 0; seed < 100; ++seed) {
    ChoiceTree t1, t2;
    seen_e.insert(draw(e, t1, seed));
    seen_o.insert(draw(o, t2, seed));
  }
  EXPECT_EQ(seen_e.size(), 3u);
  EXPECT_EQ(seen_o.size(), 2u);
}

TEST(Gen, FreqFollowsWeights) {
  auto f = g::freq<int>({{1, g::unit(0)}, {9, g::unit(1)}});
  int ones = 0;
  for (uint64_t seed = 0; seed < 2000; ++seed) {
    ChoiceTree t;
    ones += draw(f, t, seed);
  }
  EXPECT_NEAR(ones, 1800, 80);
  auto never = g::freq<int>({{0, g::unit(0)}, {1, g::unit(1)}});
  for (uint64_t seed = 0; seed < 200; ++seed) {
    ChoiceTree t;
    ASSERT_EQ(draw(never, t, seed), 1);
  }
}

TEST(Gen, SimplestFreqOptionIsTheFirstAllowed) {
  auto f = g::freq<int>({{0, g::unit(0)}, {0, g::unit(1)}, {5, g::unit(2)}, {1, g::unit(3)}});
  ChoiceTree t;
  EXPECT_EQ(draw(f, t, 1, 3, Fill::kSimplest), 2);
}

TEST(Gen, ListLengthComesFromItsGenerator) {
  auto l = g::list(g::choose(2, 4), g::flip());
  for (uint64_t seed = 0; seed < 100; ++seed) {
    ChoiceTree t;
    auto v = draw(l, t, seed);
    ASSERT_GE(v.size(), 2u);
    ASSERT_LE(v.size(), 4u);
    EXPECT_EQ(t.root().kind, ChoiceKind::kList);
    EXPECT_EQ(t.root().children.size(), v.size() + 1);
  }
}

TEST(Gen, ConcatJoinsParts) {
  auto c = g::concat<int>({g::list(g::unit<int64_t>(2), g::unit(1)), g::list(g::unit<int64_t>(1), g::unit(7))});
  ChoiceTree t;
  EXPECT_EQ(draw(c, t), (std::vector<int>{1, 1, 7}));
}

TEST(Gen, BindFeedsTheFirstValueToTheSecond) {
  auto b = g::bind(g::choose(1, 5), [](int64_t n) { return g::list(g::unit(n), g::unit(n)); });
  for (uint64_t seed = 0; seed < 50; ++seed) {
    ChoiceTree t;
    auto v = draw(b, t, seed);
    ASSERT_FALSE(v.empty());
    EXPECT_EQ(static_cast<int64_t>(v.size()), v[0]);
  }
}

// quest's shape: a type is a leaf at size 0, otherwise a smaller choice.
Gen<int> depth_gen() {
  return g::recursive<int>([](Gen<int> self) {
    return g::bind(g::iszero(), [self](bool zero) {
      if (zero) return g::unit(0);
      return g::smaller<int>({g::unit(0), g::map(self, [](int d) { return d + 1; })});
    });
  });
}

TEST(Gen, SizedRecursionIsBoundedBySize) {
  Gen<int> depth = depth_gen();
  int deepest = 0;
  for (uint64_t seed = 0; seed < 300; ++seed) {
    ChoiceTree t;
    int d = draw(depth, t, seed, /*size=*/4);
    ASSERT_LE(d, 4);
    deepest = std::max(deepest, d);
  }
  EXPECT_EQ(deepest, 4);
  ChoiceTree t;
  EXPECT_EQ(draw(depth, t, 1, /*size=*/0), 0);
}

TEST(Gen, SizedAndResizeSeeTheSize) {
  auto s = g::sized([](int size) { return g::unit(size); });
  ChoiceTree t;
  EXPECT_EQ(draw(s, t, 1, 7), 7);
  EXPECT_EQ(draw(g::resize(2, s), t, 1, 7), 2);
}

TEST(Gen, FilterRetriesAndNamesItselfWhenItNeverPasses) {
  auto even = g::filter(g::choose(0, 100), [](int64_t x) { return x % 2 == 0; }, "even");
  for (uint64_t seed = 0; seed < 50; ++seed) {
    ChoiceTree t;
    EXPECT_EQ(draw(even, t, seed) % 2, 0);
  }
  auto impossible = g::filter(g::choose(0, 10), [](int64_t x) { return x > 10; }, "above ten", 20);
  ChoiceTree t;
  try {
    draw(impossible, t);
    FAIL() << "expected GenerationError";
  } catch (const GenerationError& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("filter 'above ten' (filter@gen_test.cc:"), std::string::npos) << what;
    EXPECT_NE(what.find("rejected 20 values in a row"), std::string::npos) << what;
  }
}

TEST(Gen, SitesAreStableAndDistinct) {
  auto make = [] { return g::choose(0, 9); };
  EXPECT_EQ(make().site().id, make().site().id);
  auto first = g::choose(0, 9);
  auto second = g::choose(0, 9);  // same parameters, another line: another site
  EXPECT_NE(first.site().id, second.site().id);
  EXPECT_NE(g::choose(0, 9).site().id, g::choose(0, 8).site().id);
  EXPECT_NE(make().site().label.find("choose@gen_test.cc:"), std::string::npos);
}

TEST(Gen, ScriptsNameTheirSites) {
  auto a = g::choose(0, 9, g::Where::named("suite.lua:12"));
  auto b = g::choose(0, 9, g::Where::named("suite.lua:12"));
  auto c = g::choose(0, 9, g::Where::named("suite.lua:13"));
  EXPECT_EQ(a.site().id, b.site().id);
  EXPECT_NE(a.site().id, c.site().id);
  EXPECT_EQ(a.site().label, "choose@suite.lua:12");
}

TEST(Gen, TupleDrawsPartsInSlots) {
  auto t2 = g::tuple(g::choose(0, 9), g::flip());
  ChoiceTree t;
  auto [a, b] = draw(t2, t, 3);
  EXPECT_EQ(t.find({0})->value, a);
  EXPECT_EQ(t.find({1})->value, b ? 1 : 0);
}

TEST(Gen, Bits64ReachesTheUpperHalf) {
  bool upper = false;
  for (uint64_t seed = 0; seed < 64; ++seed) {
    ChoiceTree t;
    upper |= draw(g::bits64(), t, seed) >> 63;
  }
  EXPECT_TRUE(upper);
}

TEST(Gen, ReplayGivesTheSameValue) {
  auto l = g::list(g::choose(0, 10), g::oneof({g::choose(-100, 100), g::unit<int64_t>(5)}));
  for (uint64_t seed = 0; seed < 100; ++seed) {
    ChoiceTree t;
    auto v = draw(l, t, seed);
    EXPECT_EQ(replay_value(l, t), v);
  }
}

}  // namespace
}  // namespace testgen
