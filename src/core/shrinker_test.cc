#include "testgen/shrinker.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "test_support.h"

namespace testgen {
namespace {

namespace g = gen;
using testing::draw;

// Builds an oracle from a predicate on generated values.
template <class T, class F>
ShrinkOracle oracle_for(const Gen<T>& gen, F fails) {
  return [gen, fails](const ChoiceTree& candidate) -> std::optional<ChoiceTree> {
    ChoiceTree copy = candidate;
    Source s(copy, SourceOptions{.fill = Fill::kSimplest});
    T v = gen(s.root());
    if (!fails(v)) return std::nullopt;
    return copy.forced_only();
  };
}

template <class T>
T value_of(const Gen<T>& gen, const ChoiceTree& tree) {
  return testing::replay_value(gen, tree);
}

TEST(Shrinker, EqualPairShrinksToTheSmallestEqualPair) {
  auto pair = g::tuple(g::choose(0, 1000000), g::choose(0, 1000000));
  auto fails = [](const std::tuple<int64_t, int64_t>& p) {
    return std::get<0>(p) == std::get<1>(p) && std::get<0>(p) >= 17;
  };
  ChoiceTree t;
  draw(pair, t);
  t.find({0})->value = 765432;
  t.find({1})->value = 765432;
  ShrinkResult r = shrink(t, oracle_for(pair, fails));
  EXPECT_EQ(value_of(pair, r.tree), std::make_tuple(int64_t{17}, int64_t{17}));
  bool duplicates_helped = false;
  for (const auto& p : r.passes) duplicates_helped |= p.pass == "lower_duplicates" && p.successes > 0;
  EXPECT_TRUE(duplicates_helped);
}

TEST(Shrinker, ListShrinksToOneMinimalElement) {
  auto gen = g::list(g::choose(0, 30), g::choose(-1000, 1000));
  auto fails = [](const std::vector<int64_t>& xs) {
    for (auto x : xs)
      if (x >= 100) return true;
    return false;
  };
  for (uint64_t seed = 0; seed < 20; ++seed) {
    ChoiceTree t;
    auto v = draw(gen, t, seed);
    if (!fails(v)) continue;
    ShrinkResult r = shrink(t, oracle_for(gen, fails));
    EXPECT_EQ(value_of(gen, r.tree), std::vector<int64_t>{100}) << "seed " << seed;
  }
}

TEST(Shrinker, DeletesFromTheMiddleKeepingTheNeededPair) {
  // Fails when 42 is immediately followed by 43 anywhere.
  auto gen = g::list(g::choose(0, 20), g::choose(-1000, 1000));
  auto fails = [](const std::vector<int64_t>& xs) {
    for (size_t i = 0; i + 1 < xs.size(); ++i)
      if (xs[i] == 42 && xs[i + 1] == 43) return true;
    return false;
  };
  ChoiceTree t;
  draw(gen, t, 3);
  // Hand-build: length 6 with [5, -7, 42, 43, 900, 1].
  ChoiceTree built;
  built.root().kind = ChoiceKind::kList;
  built.root().forced = true;
  ChoiceNode& len = built.root().child_or_create(0);
  len = ChoiceNode{.kind = ChoiceKind::kInteger, .lo = 0, .hi = 20, .value = 6, .forced = true};
  const int64_t values[] = {5, -7, 42, 43, 900, 1};
  for (uint32_t i = 0; i < 6; ++i) {
    ChoiceNode& e = built.root().child_or_create(i + 1);
    e = ChoiceNode{.kind = ChoiceKind::kInteger, .lo = -1000, .hi = 1000, .value = values[i], .forced = true};
  }
  ASSERT_TRUE(fails(value_of(gen, built)));
  ShrinkResult r = shrink(built, oracle_for(gen, fails));
  EXPECT_EQ(value_of(gen, r.tree), (std::vector<int64_t>{42, 43}));
}

TEST(Shrinker, OneofShrinksTowardTheFirstOption) {
  auto gen = g::oneof({g::unit<int64_t>(0), g::choose(1, 10), g::choose(100, 200)});
  auto fails = [](int64_t v) { return v > 0; };
  ChoiceTree t;
  draw(gen, t);
  t.root().value = 2;
  t.root().children.clear();
  ShrinkResult r = shrink(t, oracle_for(gen, fails));
  EXPECT_EQ(value_of(gen, r.tree), 1);
}

// A real list of four elements with the given values (sites as a run records them).
template <class T>
ChoiceTree list_tree(const Gen<T>& gen, std::vector<int64_t> values) {
  ChoiceTree t;
  draw(gen, t);
  t.find({0})->value = static_cast<int64_t>(values.size());
  t.root().children.resize(1);
  draw(gen, t, 1, 3, Fill::kSimplest);  // records the elements
  for (uint32_t i = 0; i < values.size(); ++i) t.find({i + 1})->value = values[i];
  return t;
}

TEST(Shrinker, RedistributeKeepsASumWhileEmptyingEarlyElements) {
  auto gen = g::list(g::choose(0, 10), g::choose(0, 100));
  auto fails = [](const std::vector<int64_t>& xs) {
    int64_t sum = 0;
    for (auto x : xs) sum += x;
    return sum == 100 && xs.size() >= 3;
  };
  ChoiceTree t = list_tree(gen, {10, 20, 30, 40});
  ASSERT_TRUE(fails(value_of(gen, t)));
  ShrinkResult r = shrink(t, oracle_for(gen, fails));
  EXPECT_EQ(value_of(gen, r.tree), (std::vector<int64_t>{0, 0, 100}));
}

TEST(Shrinker, SwapPutsTheSimplerElementFirst) {
  auto gen = g::list(g::choose(0, 10), g::choose(0, 100));
  auto fails = [](const std::vector<int64_t>& xs) { return xs.size() == 2 && xs[0] + xs[1] == 80 && xs[0] != xs[1] && xs[0] > 30 && xs[1] > 30; };
  ChoiceTree t = list_tree(gen, {45, 35});
  ShrinkResult r = shrink(t, oracle_for(gen, fails));
  EXPECT_EQ(value_of(gen, r.tree), (std::vector<int64_t>{31, 49}));
}

TEST(Shrinker, BudgetIsRespected) {
  auto gen = g::list(g::choose(0, 50), g::choose(0, 1000000));
  auto fails = [](const std::vector<int64_t>& xs) { return xs.size() > 3; };
  ChoiceTree t;
  draw(gen, t, 1);
  t.find({0})->value = 50;
  size_t calls = 0;
  auto counting = [&, inner = oracle_for(gen, fails)](const ChoiceTree& c) {
    ++calls;
    return inner(c);
  };
  ShrinkResult r = shrink(t, counting, {.max_calls = 7});
  EXPECT_EQ(calls, 7u);  // including the first replay of the failing tree
  EXPECT_EQ(r.calls, 7u);
  EXPECT_TRUE(r.budget_spent);
}

TEST(Shrinker, TimeLimitIsRespected) {
  auto gen = g::list(g::choose(0, 50), g::choose(0, 1000000));
  auto fails = [](const std::vector<int64_t>& xs) { return xs.size() > 3; };
  ChoiceTree t;
  draw(gen, t, 1);
  t.find({0})->value = 50;
  auto slow = [inner = oracle_for(gen, fails)](const ChoiceTree& c) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // a build, say
    return inner(c);
  };
  ShrinkResult r = shrink(t, slow, {.max_calls = 1000, .max_seconds = 0.1});
  EXPECT_TRUE(r.budget_spent);
  EXPECT_LE(r.calls, 7u);  // 0.1 s of 20 ms calls, and the one that crosses the line
  EXPECT_TRUE(fails(value_of(gen, r.tree)));  // what it has is still a failing case
}

TEST(Shrinker, PassesAreNamed) {
  std::vector<std::string_view> names(shrink_passes().begin(), shrink_passes().end());
  EXPECT_EQ(names, (std::vector<std::string_view>{"delete_elements", "simplest_subtree",
                                                  "lower_integers", "lower_duplicates",
                                                  "redistribute", "swap_elements",
                                                  "promote_descendant", "transplant_earlier"}));
}

// a has at least one element, b may be empty; a 77 anywhere fails. From
// a = [5], b = [77] every single step is stuck at a = [0], b = [77]: only
// moving the 77 into a while emptying b gets to the smaller a = [77], b = [].
TEST(Shrinker, TransplantMovesWhatFailsOutOfAPartThatCanThenGo) {
  auto element = g::choose(0, 100);
  auto gen = g::tuple(g::list(g::choose(1, 3), element), g::list(g::choose(0, 3), element));
  using Value = std::tuple<std::vector<int64_t>, std::vector<int64_t>>;
  auto fails = [](const Value& v) {
    for (const auto* xs : {&std::get<0>(v), &std::get<1>(v)})
      for (int64_t x : *xs)
        if (x == 77) return true;
    return false;
  };
  ChoiceTree t;
  for (uint64_t seed = 0;; ++seed) {
    t = ChoiceTree();
    const Value v = draw(gen, t, seed);
    if (std::get<1>(v).size() == 1 && std::get<0>(v).size() == 1) break;
  }
  t.find({0, 1})->value = 5;
  t.find({1, 1})->value = 77;
  ShrinkResult r = shrink(t, oracle_for(gen, fails));
  EXPECT_EQ(value_of(gen, r.tree), (Value{{77}, {}}));
  bool transplanted = false;
  for (const auto& p : r.passes) transplanted |= p.pass == "transplant_earlier" && p.successes > 0;
  EXPECT_TRUE(transplanted);
}

}  // namespace
}  // namespace testgen
