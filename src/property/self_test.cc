// The engine tested with its own properties: serialise/replay round trips.
#include <gtest/gtest.h>

#include "testgen/gen.h"
#include "testgen/property.h"

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
  auto result = check(g::bits64(), g::choose(0, 5), [](uint64_t seed, int64_t size) {
    auto inner = shaped_values();
    ChoiceTree tree;
    std::vector<int64_t> first;
    {
      Source s(tree, {.seed = seed, .size = static_cast<int>(size)});
      first = inner(s.root());
    }
    ChoiceTree back = ChoiceTree::from_json(tree.to_json(), "self");
    Source s2(back, {.seed = ~seed, .size = static_cast<int>(size), .fill = Fill::kSimplest});
    return inner(s2.root()) == first && back.to_json() == tree.to_json();
  }, PropertyOptions{.name = "self.serialised", .tests = 300, .seed = 11, .use_database = false, .read_environment = false});
  EXPECT_TRUE(result.passed) << result.report();
  EXPECT_EQ(result.runs, 300u);
}

TEST(SelfTest, ForcedTreeReplaysTheSameValue) {
  auto result = check(g::bits64(), g::choose(0, 4), [](uint64_t seed, int64_t size) {
    auto inner = shaped_values();
    ChoiceTree tree;
    Source s(tree, {.seed = seed, .size = static_cast<int>(size)});
    auto v = inner(s.root());
    ChoiceTree forced = tree.forced_only();
    Source s2(forced, {.seed = 1, .size = static_cast<int>(size), .fill = Fill::kSimplest});
    return inner(s2.root()) == v && forced.canonical() == tree.canonical();
  }, PropertyOptions{.name = "self.forced", .tests = 300, .seed = 12, .use_database = false, .read_environment = false});
  EXPECT_TRUE(result.passed) << result.report();
}


}  // namespace
}  // namespace testgen
