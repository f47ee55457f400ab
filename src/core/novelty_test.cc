#include "testgen/novelty.h"

#include <gtest/gtest.h>

#include <set>

#include "test_support.h"

namespace testgen {
namespace {

namespace g = gen;

TEST(NoveltyTrie, DuplicateRunIsReported) {
  NoveltyTrie trie;
  auto* a = trie.descend(trie.root(), 0, 1, 1);
  EXPECT_TRUE(trie.finish(a));
  auto* b = trie.descend(trie.root(), 0, 1, 1);
  EXPECT_EQ(a, b);
  EXPECT_FALSE(trie.finish(b));
}

TEST(NoveltyTrie, ExhaustionPropagatesUp) {
  NoveltyTrie trie;
  EXPECT_FALSE(trie.exhausted());
  trie.finish(trie.descend(trie.root(), 0, 1, 0));
  EXPECT_TRUE(trie.exhausted(trie.root(), 0));
  EXPECT_FALSE(trie.exhausted());
  trie.finish(trie.descend(trie.root(), 0, 1, 1));
  EXPECT_TRUE(trie.exhausted());
}

TEST(NoveltyTrie, RunsPastAWideDecisionAreTrackedWithoutGrowingTheTrie) {
  NoveltyTrie trie;
  auto run = [&](int64_t wide, int64_t small) {
    auto* n = trie.descend(trie.root(), 0, 3, 1);
    n = trie.descend(n, INT32_MIN, INT32_MAX, wide);
    n = trie.descend(n, 0, 3, small);
    return trie.finish(n);
  };
  EXPECT_TRUE(run(123456, 2));
  const size_t nodes = trie.nodes();
  EXPECT_TRUE(run(123456, 3)) << "another value after the wide one is another run";
  EXPECT_TRUE(run(-5, 2));
  EXPECT_FALSE(run(123456, 2)) << "the same run again is a duplicate";
  EXPECT_EQ(trie.nodes(), nodes) << "no node per value of a 32-bit range";
  EXPECT_FALSE(trie.exhausted(trie.root(), 1)) << "a 2^32-wide subtree is never exhausted";
}

TEST(NoveltyTrie, SaturationStopsGrowth) {
  NoveltyTrie trie(3);
  auto* n = trie.root();
  n = trie.descend(n, 0, 9, 1);
  n = trie.descend(n, 0, 9, 2);
  EXPECT_TRUE(trie.saturated());
  EXPECT_EQ(trie.descend(n, 0, 9, 3), nullptr);
  EXPECT_TRUE(trie.finish(nullptr));
}

TEST(NoveltyTrie, SourceNeverRepeatsAForcedTreeAndFindsTheEnd) {
  // 3 * 2 = 6 distinct values; with novelty, 6 runs give all six, then exhaustion.
  auto pair = g::tuple(g::choose(0, 2), g::flip());
  NoveltyTrie trie;
  std::set<std::pair<int64_t, bool>> seen;
  int runs = 0;
  while (!trie.exhausted() && runs < 100) {
    ChoiceTree t;
    Source s(t, {.seed = static_cast<uint64_t>(runs), .novelty = &trie});
    auto [a, b] = pair(s.root());
    EXPECT_TRUE(s.finish()) << "duplicate at run " << runs;
    seen.insert({a, b});
    ++runs;
  }
  EXPECT_EQ(runs, 6);
  EXPECT_EQ(seen.size(), 6u);
}

TEST(NoveltyTrie, VariableShapesAreExhaustedToo) {
  // A list of 0..2 booleans: 1 + 2 + 4 = 7 distinct forced trees.
  auto l = g::list(g::choose(0, 2), g::flip());
  NoveltyTrie trie;
  std::set<std::vector<bool>> seen;
  int runs = 0;
  while (!trie.exhausted() && runs < 100) {
    ChoiceTree t;
    Source s(t, {.seed = static_cast<uint64_t>(runs) * 7, .novelty = &trie});
    seen.insert(l(s.root()));
    s.finish();
    ++runs;
  }
  EXPECT_EQ(runs, 7);
  EXPECT_EQ(seen.size(), 7u);
}

}  // namespace
}  // namespace testgen
