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
