#include <gtest/gtest.h>

#include "test_support.h"
#include "testgen/shrinker.h"

namespace testgen {
namespace {

namespace g = gen;
using testing::draw;

// A predicate on generated values as a single and as a batch oracle; both
// count the candidates they were asked about.
template <class T, class F>
struct Oracles {
  Gen<T> gen;
  F fails;
  size_t asked = 0, rounds = 0;

  std::optional<ChoiceTree> one(const ChoiceTree& candidate) {
    ++asked;
    ChoiceTree copy = candidate;
    Source s(copy, SourceOptions{.fill = Fill::kSimplest});
    if (!fails(gen(s.root()))) return std::nullopt;
    return copy.forced_only();
  }
  ShrinkOracle single() {
    return [this](const ChoiceTree& c) { return one(c); };
  }
  BatchShrinkOracle batch() {
    return [this](std::span<const ChoiceTree> cs) {
      ++rounds;
      std::vector<std::optional<ChoiceTree>> out;
      for (const ChoiceTree& c : cs) out.push_back(one(c));
      return out;
    };
  }
};

template <class T, class F>
Oracles<T, F> oracles(Gen<T> gen, F fails) {
  return {std::move(gen), std::move(fails)};
}

TEST(BatchShrink, ReachesTheTreeShrinkReachesInFewerRounds) {
  auto gen = g::list(g::choose(0, 30), g::tuple(g::choose(-1000, 1000), g::choose(0, 1 << 20)));
  auto fails = [](const std::vector<std::tuple<int64_t, int64_t>>& xs) {
    int64_t big = 0;
    for (const auto& [a, b] : xs) big += a > 100 && b > 7;
    return big >= 2;
  };
  size_t compared = 0;
  for (uint64_t seed = 0; seed < 12; ++seed) {
    ChoiceTree t;
    if (!fails(draw(gen, t, seed))) continue;
    auto seq = oracles(gen, fails);
    std::unordered_set<uint64_t> memo;
    const ShrinkResult one_by_one = shrink(t, seq.single(), {.rejected = &memo});
    for (size_t lookahead : {2, 8, 32}) {
      auto bat = oracles(gen, fails);
      const ShrinkResult batched = shrink_batched(t, bat.batch(), lookahead, 100000);
      EXPECT_EQ(batched.tree.canonical(), one_by_one.tree.canonical()) << "seed " << seed << " lookahead " << lookahead;
      EXPECT_EQ(batched.calls, one_by_one.calls) << "the same steps, seed " << seed;
      EXPECT_FALSE(batched.budget_spent);
      EXPECT_EQ(batched.rounds, bat.rounds);
      // A round settles every candidate up to the first that fails; here
      // (a list of pairs, where two in five steps succeed) that is about two.
      EXPECT_LT(bat.rounds * (lookahead >= 8 ? 3 : 2), seq.asked * 2) << "seed " << seed;
    }
    ++compared;
  }
  EXPECT_GE(compared, 5u);
}

TEST(BatchShrink, ARoundBudgetStopsAtTheLastKnownStepAndResumes) {
  auto gen = g::list(g::choose(0, 40), g::choose(-1000, 1000));
  auto fails = [](const std::vector<int64_t>& xs) {
    for (int64_t x : xs)
      if (x >= 100) return true;
    return false;
  };
  ChoiceTree t;
  uint64_t seed = 0;
  while (!fails(draw(gen, t, seed))) ++seed;
  auto seq = oracles(gen, fails);
  const ShrinkResult whole = shrink(t, seq.single());

  // In slices of 2 rounds, each resuming where the last stopped, with the
  // memo of rejected candidates kept across slices.
  auto bat = oracles(gen, fails);
  std::unordered_set<uint64_t> rejected;
  ChoiceTree at = t;
  size_t first_pass = 0, slices = 0;
  bool verified = false;
  for (;; ++slices) {
    ASSERT_LT(slices, 1000u);
    const ShrinkResult part = shrink_batched(
        at, bat.batch(), 4, 2, {.start_verified = verified, .first_pass = first_pass, .rejected = &rejected});
    EXPECT_LE(part.rounds, 2u);
    verified = true;
    at = part.tree;
    first_pass = part.resume_at;
    if (!part.budget_spent) break;
  }
  EXPECT_GT(slices, 1u);
  std::vector<int64_t> expected{100};
  EXPECT_EQ(testing::replay_value(gen, at), expected);
  EXPECT_EQ(testing::replay_value(gen, whole.tree), expected);
}

TEST(BatchShrink, AMissizedAnswerEndsTheReductionWithWhatIsKnown) {
  auto gen = g::choose(0, 1 << 30);
  ChoiceTree t;
  draw(gen, t, 5);
  size_t calls = 0;
  const BatchShrinkOracle broken = [&](std::span<const ChoiceTree>) {
    ++calls;
    return std::vector<std::optional<ChoiceTree>>{};  // no answer at all
  };
  const ShrinkResult r = shrink_batched(t, broken, 8, 100);
  EXPECT_EQ(calls, 1u);
  EXPECT_TRUE(r.budget_spent);
  EXPECT_EQ(r.tree.canonical(), t.forced_only().canonical());
}

}  // namespace
}  // namespace testgen
