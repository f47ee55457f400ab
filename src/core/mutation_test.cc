#include "testgen/mutation.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace testgen {
namespace {

namespace g = gen;
using testing::draw;

TEST(Mutation, RedrawChangesOneNodeAndDropsItsSubtree) {
  auto gen = g::tuple(g::oneof({g::choose(0, 100), g::choose(200, 300)}), g::choose(0, 1000));
  ChoiceTree t;
  draw(gen, t, 4);
  const int64_t sibling = t.find({1})->value;
  const int64_t old = t.find({0})->value;
  Rng rng(1);
  redraw(t, {0}, rng);
  EXPECT_NE(t.find({0})->value, old);
  EXPECT_TRUE(t.find({0})->children.empty());
  EXPECT_EQ(t.find({1})->value, sibling);
  ChoiceTree copy = t;
  draw(gen, copy, 5);
  EXPECT_EQ(copy.find({1})->value, sibling) << "sibling replays unchanged";
}

TEST(Mutation, RedrawOfASingleValueRangeKeepsIt) {
  ChoiceTree t;
  draw(g::choose(3, 3), t);
  Rng rng(1);
  redraw(t, {}, rng);
  EXPECT_EQ(t.root().value, 3);
}

TEST(Mutation, NudgeStaysInRange) {
  Rng rng(2);
  for (int i = 0; i < 200; ++i) {
    ChoiceTree t;
    draw(g::choose(-5, 5), t, static_cast<uint64_t>(i));
    nudge(t, {}, rng);
    ASSERT_GE(t.root().value, -5);
    ASSERT_LE(t.root().value, 5);
  }
  ChoiceTree wide;
  draw(g::bits64(), wide);
  for (int i = 0; i < 200; ++i) nudge(wide, {}, rng);  // must not overflow
}

TEST(Mutation, SpliceCopiesASubtreeFromTheSameSite) {
  auto elem = g::choose(0, 1000000);
  auto gen = g::list(g::choose(1, 3), elem);
  ChoiceTree a, b;
  draw(gen, a, 1);
  draw(gen, b, 2);
  Rng rng(3);
  ASSERT_TRUE(splice(a, b, rng));
  bool shares_a_value = false;
  for (const auto& p : a.decision_paths(true))
    for (const auto& q : b.decision_paths(true))
      shares_a_value |= a.find(p)->site == elem.site().id && a.find(p)->value == b.find(q)->value;
  EXPECT_TRUE(shares_a_value);
  ChoiceTree other;
  draw(g::flip(), other);
  EXPECT_FALSE(splice(a, other, rng));
}

TEST(Mutation, AppendKeepsTheElementsAndAddsOneDrawnFresh) {
  auto gen = g::list(g::choose(0, 5), g::choose(0, 1000));
  ChoiceTree t;
  std::vector<int64_t> before;
  for (uint64_t seed = 1; seed < 100; ++seed) {
    t = ChoiceTree();
    before = draw(gen, t, seed);
    if (!before.empty() && before.size() < 5) break;
  }
  ASSERT_TRUE(append_element(t, {}));
  ChoiceTree copy = t;
  const std::vector<int64_t> after = draw(gen, copy, 5);
  ASSERT_EQ(after.size(), before.size() + 1);
  EXPECT_TRUE(std::equal(before.begin(), before.end(), after.begin())) << "the old elements replay unchanged";
  EXPECT_FALSE(append_element(t, {1})) << "not a list";
}

TEST(Mutation, AppendStopsAtTheMaximumLength) {
  auto gen = g::list(g::choose(2, 2), g::choose(0, 9));
  ChoiceTree t;
  draw(gen, t, 4);
  EXPECT_FALSE(append_element(t, {}));
}

TEST(Mutation, CrossoverJoinsTheParentsStepsWithARunOfTheDonors) {
  auto gen = g::list(g::choose(0, 8), g::choose(0, 1000000));
  ChoiceTree parent, donor;
  std::vector<int64_t> mine, theirs;
  for (uint64_t seed = 1; mine.empty() || mine.size() > 4; ++seed) mine = draw(gen, parent = ChoiceTree(), seed);
  for (uint64_t seed = 50; theirs.size() < 2 || theirs.size() > 4; ++seed) theirs = draw(gen, donor = ChoiceTree(), seed);
  bool joined_whole = false;
  for (uint64_t seed = 0; seed < 40; ++seed) {
    ChoiceTree child = parent;
    Rng rng(seed);
    ASSERT_TRUE(crossover(child, donor, rng));
    ChoiceTree copy = child;
    const std::vector<int64_t> got = draw(gen, copy, 7);
    ASSERT_LE(got.size(), 8u);
    // A prefix of the parent's values, then a run of the donor's that goes to its end.
    size_t k = 0;
    while (k < got.size() && k < mine.size() && got[k] == mine[k]) ++k;
    ASSERT_GE(k, 1u) << "the parent's first step is kept";
    const std::vector<int64_t> rest(got.begin() + static_cast<std::ptrdiff_t>(k), got.end());
    ASSERT_FALSE(rest.empty());
    EXPECT_TRUE(std::equal(rest.rbegin(), rest.rend(), theirs.rbegin())) << "a run of the donor's to its end";
    joined_whole |= k == mine.size() && rest.size() == theirs.size();
  }
  EXPECT_TRUE(joined_whole) << "sometimes all of both";
  ChoiceTree other;
  draw(g::flip(), other);
  Rng rng(1);
  EXPECT_FALSE(crossover(parent, other, rng)) << "no list of the same site";
}

TEST(Mutation, CrossoverStaysWithinTheMaximumLength) {
  auto gen = g::list(g::choose(0, 3), g::choose(0, 9));
  ChoiceTree a, b;
  for (uint64_t seed = 1; draw(gen, a = ChoiceTree(), seed).size() != 3; ++seed) {}
  for (uint64_t seed = 9; draw(gen, b = ChoiceTree(), seed).size() != 3; ++seed) {}
  for (uint64_t seed = 0; seed < 30; ++seed) {
    ChoiceTree child = a;
    Rng rng(seed);
    if (!crossover(child, b, rng)) continue;
    ChoiceTree copy = child;
    EXPECT_LE(draw(gen, copy, 1).size(), 3u);
  }
}

TEST(Mutation, TableHasNamedOperators) {
  std::vector<std::string_view> names;
  for (const auto& m : mutators()) names.push_back(m.name);
  EXPECT_EQ(names, (std::vector<std::string_view>{"redraw", "nudge", "splice", "append"}));
  ChoiceTree t;
  draw(g::choose(0, 10), t);
  Rng rng(4);
  auto what = mutators()[0].apply(t, nullptr, rng);
  ASSERT_TRUE(what);
  EXPECT_EQ(*what, "redraw root");
  EXPECT_FALSE(mutators()[2].apply(t, nullptr, rng));
}

TEST(Mutation, UseHintSetsAnIntegerToAComparedValueInItsRange) {
  ChoiceTree t;
  draw(g::choose(-1000, 1000), t);
  Rng rng(3);
  const std::vector<int64_t> hints = {5000000, 777};  // the first is out of range
  ASSERT_TRUE(use_hint(t, {}, hints, rng));
  EXPECT_GE(t.root().value, 776);
  EXPECT_LE(t.root().value, 778);
  const std::vector<int64_t> none_fit = {5000000};
  EXPECT_FALSE(use_hint(t, {}, none_fit, rng));
  EXPECT_FALSE(use_hint(t, {}, {}, rng));
}

}  // namespace
}  // namespace testgen
