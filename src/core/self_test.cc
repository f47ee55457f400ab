// The engine tested with its own properties: serialise/replay round trips.
#include <gtest/gtest.h>

#include "testgen/check.h"
#include "testgen/gen.h"

namespace testgen {
namespace {

namespace g = gen;

// A generator of generator-shapes: the drawn "plan" decides how the value
// generator is built, so each run exercises a different tree shape.
Gen<std::vector<int64_t>> shaped_values() {
  auto leaf = g::oneof({g::choose(-5, 5), g::map(g::bits64(), [](uint64_t b) { return static_cast<int64_t>(b); }),
                        g::map(g::flip(), [](bool b) { return int64_t{b}; })});
  auto nested = g::recursive<std::vector<int64_t>>([leaf](Gen<std::vector<int64_t>> self) {
    return g::bind(g::iszero(), [self, leaf](bool zero) {
      auto flat = g::list(g::choose(0, 4), leaf);
      if (zero) return flat;
      return g::smaller<std::vector<int64_t>>(
          {flat, g::concat<int64_t>({self, self}),
           g::bind(g::choose(0, 3), [self](int64_t n) { return g::concat<int64_t>(std::vector(static_cast<size_t>(n), self)); })});
    });
  });
  return nested;
}

TEST(SelfTest, ReplayOfASerialisedTreeGivesTheSameValue) {
  // The property draws a seed for an inner generation, records it, serialises
  // the tree, parses it back and replays.
  auto seeds = g::tuple(g::bits64(), g::choose(0, 5));
  auto result = check(seeds, [](const std::tuple<uint64_t, int64_t>& p) {
    auto inner = shaped_values();
    ChoiceTree tree;
    std::vector<int64_t> first;
    {
      Source s(tree, {.seed = std::get<0>(p), .size = static_cast<int>(std::get<1>(p))});
      first = inner(s.root());
    }
    ChoiceTree back = ChoiceTree::from_json(tree.to_json(), "self");
    Source s2(back, {.seed = ~std::get<0>(p), .size = static_cast<int>(std::get<1>(p)), .fill = Fill::kSimplest});
    return inner(s2.root()) == first && back.to_json() == tree.to_json();
  }, {.seed = 11, .max_runs = 300});
  EXPECT_TRUE(result.passed) << result.counterexample_text;
  EXPECT_EQ(result.runs, 300u);
}

TEST(SelfTest, ForcedTreeReplaysTheSameValue) {
  auto result = check(g::tuple(g::bits64(), g::choose(0, 4)), [](const std::tuple<uint64_t, int64_t>& p) {
    auto inner = shaped_values();
    ChoiceTree tree;
    Source s(tree, {.seed = std::get<0>(p), .size = static_cast<int>(std::get<1>(p))});
    auto v = inner(s.root());
    ChoiceTree forced = tree.forced_only();
    Source s2(forced, {.seed = 1, .size = static_cast<int>(std::get<1>(p)), .fill = Fill::kSimplest});
    return inner(s2.root()) == v && forced.canonical() == tree.canonical();
  }, {.seed = 12, .max_runs = 300});
  EXPECT_TRUE(result.passed) << result.counterexample_text;
}

TEST(SelfTest, CheckFindsAndShrinksACounterexample) {
  auto result = check(g::list(g::choose(0, 9), g::choose(-50, 50)),
                      [](const std::vector<int64_t>& xs) { return xs.size() < 5; }, {.seed = 1, .max_runs = 1000});
  ASSERT_FALSE(result.passed);
  EXPECT_EQ(*result.counterexample, (std::vector<int64_t>(5, 0)));
  EXPECT_EQ(result.counterexample_text, "[0, 0, 0, 0, 0]");
}

}  // namespace
}  // namespace testgen
