// Calibration, minimization and the pieces they stand on: value texts that
// read back, knobs, hit buckets and closeness.
#include "calibration.h"

#include <gtest/gtest.h>

#include "minimize.h"
#include "scenario_target.h"
#include "testgen/source.h"

namespace testgen::scenario {
namespace {

constexpr const char* kSeed = R"(duration_ms = 500
seed = 7
[cluster]
nodes = 3
fast = false
kind = "ring"
[[flows]]
from = 1
rate = 10
)";

std::shared_ptr<const MutationContext> context() {
  return std::make_shared<MutationContext>(std::vector<Seed>{{"a.toml", parse_scenario(kSeed, "a.toml")}},
                                           Schema{.enums = {{"cluster.kind", {"ring", "star"}}}});
}

MutatedScenario replay(const Gen<MutatedScenario>& gen, const ChoiceTree& tree) {
  ChoiceTree copy = tree;
  Source source(copy, SourceOptions{.fill = Fill::kSimplest});
  return gen(source.root());
}

TEST(ValueText, EveryValueIsOneLineThatReadsBack) {
  toml::table doc = parse_scenario(kSeed, "a.toml");
  for (const Leaf& leaf : leaves(doc)) {
    const std::string text = value_text(*node_at(doc, leaf.path));
    EXPECT_EQ(text.find('\n'), std::string::npos) << leaf.path << ": " << text;
    toml::table copy = doc;
    ASSERT_TRUE(set_value_text(copy, leaf.path, text)) << leaf.path << ": " << text;
    EXPECT_EQ(canonical_toml(copy), canonical_toml(doc)) << leaf.path;
  }
  EXPECT_EQ(value_text(*node_at(doc, "flows")), "[{ from = 1, rate = 10 }]");
  ASSERT_TRUE(set_value_text(doc, "flows[0].rate", "99"));
  ASSERT_TRUE(set_value_text(doc, "cluster.kind", "\"star\""));
  EXPECT_EQ(doc.at_path("flows[0].rate").value<int64_t>(), 99);
  EXPECT_EQ(doc.at_path("cluster.kind").value<std::string>(), "star");
  EXPECT_FALSE(set_value_text(doc, "flows[3].rate", "1")) << "no such element";
  EXPECT_FALSE(set_value_text(doc, "seed", "[unclosed")) << "not a value";
}

TEST(Calibration, KnobsAreOneMoreMutationEachAndClimbingKeepsTheFirstThatHelps) {
  const auto ctx = context();
  const Gen<MutatedScenario> gen = scenario_gen(ctx, 3);
  // The seed with no mutations: list length 0.
  ChoiceTree start;
  {
    Source source(start, SourceOptions{.fill = Fill::kSimplest});
    ASSERT_TRUE(gen(source.root()).mutations.empty());
    source.finish();
  }
  start = start.forced_only();

  Calibration climb(ctx, 3, {}, 1);
  climb.start(start, 0);
  // Score: 1 once cluster.fast is true, else 0. Every knob is one mutation.
  size_t tried_before_flip = 0;
  bool flipped = false;
  for (int i = 0; i < 500; ++i) {
    std::optional<ChoiceTree> knob = climb.next();
    if (!knob) break;
    const MutatedScenario s = replay(gen, *knob);
    // One more mutation than the best so far (none if the knob happens to
    // set a value already there: that is no mutation).
    ASSERT_LE(s.mutations.size(), flipped ? 2u : 1u);
    if (s.mutations.empty()) {
      climb.observe(0);
      continue;
    }
    if (!flipped) ++tried_before_flip;
    const bool fast = s.doc.at_path("cluster.fast").value<bool>().value_or(false);
    climb.observe(fast ? 1.0 : 0.0);
    flipped = flipped || fast;
  }
  EXPECT_TRUE(flipped);
  EXPECT_EQ(climb.best_score(), 1.0);
  ASSERT_EQ(climb.climbed().size(), 1u);
  EXPECT_EQ(climb.climbed()[0], "flip cluster.fast: false -> true (0.00 -> 1.00)");
  // Bold knobs come first: the flip is among the first four (the flip, the
  // enum value, duplicating and splicing the flow), never after the ~70
  // numeric ones.
  EXPECT_LE(tried_before_flip, 4u);
}

TEST(Calibration, PatienceEndsAClimbOnAPlateau) {
  const auto ctx = context();
  ChoiceTree start;
  {
    Source source(start, SourceOptions{.fill = Fill::kSimplest});
    scenario_gen(ctx, 3)(source.root());
    source.finish();
  }
  Calibration climb(ctx, 3, {}, 1, /*patience=*/5);
  climb.start(start.forced_only(), 0);
  int runs = 0;
  while (climb.next()) {
    climb.observe(0);
    ++runs;
  }
  EXPECT_EQ(runs, 5);
}

TEST(Minimize, KeepsOnlyTheMutationsThatMatterAndMovesNumbersTowardTheSeed) {
  const toml::table seed = parse_scenario(kSeed, "a.toml");
  const std::vector<Mutation> found = {{"flip", "cluster.fast", "false", "true"},
                                       {"scale", "duration_ms", "500", "5000"},
                                       {"enum", "cluster.kind", "\"ring\"", "\"star\""},
                                       {"boundary", "flows[0].rate", "10", "1000"}};
  // The "bug": fast and a rate of at least 300; other mutations are noise.
  size_t runs = 0;
  auto run = [&](const toml::table& doc) -> std::string {
    ++runs;
    const bool fast = doc.at_path("cluster.fast").value<bool>().value_or(false);
    return fast && doc.at_path("flows[0].rate").value<int64_t>().value_or(0) >= 300 ? "checker: too fast" : "accept";
  };
  const MinimizeResult r = minimize_scenario(seed, found, "checker: too fast", run, {.max_iters = 100});
  ASSERT_EQ(r.mutations.size(), 2u);
  EXPECT_EQ(r.mutations[0].path, "cluster.fast");
  EXPECT_EQ(r.mutations[1].path, "flows[0].rate");
  EXPECT_EQ(r.mutations[1].to, "300") << "moved back toward the seed's 10 as far as the failure allows";
  EXPECT_EQ(r.config.at_path("duration_ms").value<int64_t>(), 500);
  EXPECT_EQ(r.runs, runs) << "every run is counted";
  EXPECT_EQ(r.runs + r.cache_hits, r.tries.size());
  EXPECT_FALSE(r.budget_spent);
  for (const MinimizeTry& t : r.tries) EXPECT_EQ(t.kept, t.outcome == "checker: too fast");
}

TEST(Minimize, AnotherSignatureDoesNotCount) {
  const toml::table seed = parse_scenario(kSeed, "a.toml");
  const std::vector<Mutation> found = {{"flip", "cluster.fast", "false", "true"},
                                       {"enum", "cluster.kind", "\"ring\"", "\"star\""}};
  // Without the second mutation it still rejects, but for another reason.
  auto run = [](const toml::table& doc) -> std::string {
    const bool star = doc.at_path("cluster.kind").value<std::string>() == "star";
    return star ? "checker: star" : "checker: other";
  };
  const MinimizeResult r = minimize_scenario(seed, found, "checker: star", run);
  ASSERT_EQ(r.mutations.size(), 1u);
  EXPECT_EQ(r.mutations[0].path, "cluster.kind");
  const MinimizeResult capped = minimize_scenario(seed, found, "checker: star", run, {.max_iters = 1});
  EXPECT_TRUE(capped.budget_spent);
  EXPECT_EQ(capped.mutations.size(), 2u) << "out of runs: left as recorded";
}

TEST(Coverage, HitBucketsAndCloseness) {
  EXPECT_EQ(hit_bucket(1), "1");
  EXPECT_EQ(hit_bucket(3), "3");
  EXPECT_EQ(hit_bucket(5), "4-7");
  EXPECT_EQ(hit_bucket(100), "32-127");
  EXPECT_EQ(hit_bucket(1000), "128+");
  const RunSummary s = parse_run_summary(R"({"version": 1, "accept": true, "checker_results": [
      {"checker": "a", "status": "accept", "coverage": ["x"], "hits": {"x": 9},
       "stats": {"rows": 3, "near.y": 0.4}},
      {"checker": "b", "status": "accept", "coverage": ["x"], "hits": {"x": 1}, "stats": {"near.y": 0.7}}]})",
                                         "stdout");
  EXPECT_EQ(s.hits.at("x"), 10u);
  EXPECT_EQ(s.metrics.at("a.rows"), 3);
  EXPECT_DOUBLE_EQ(closeness(s, "x"), 1);
  EXPECT_DOUBLE_EQ(closeness(s, "y"), 0.7);
  EXPECT_DOUBLE_EQ(closeness(s, "z"), 0);
}

}  // namespace
}  // namespace testgen::scenario
