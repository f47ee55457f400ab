#include "testgen/engine.h"

#include <gtest/gtest.h>

#include <map>

#include "testgen/gen.h"

namespace testgen {
namespace {

namespace g = gen;

// A byte-string puzzle in the style of libFuzzer's SimpleTest: fails on "Hi!".
// Each matched prefix is a coverage feature, as branch coverage would give.
class HiTarget : public Target {
 public:
  std::string name() const override { return "test:hi"; }
  RunResult run(const Cursor& at) override {
    auto s = gen_(at);
    RunResult r;
    const std::string goal = "Hi!";
    size_t matched = 0;
    while (matched < s.size() && matched < goal.size() && s[matched] == goal[matched]) ++matched;
    for (size_t i = 1; i <= matched; ++i) r.features.add("prefix" + std::to_string(i));
    if (matched == goal.size()) {
      r.verdict = Verdict::kFail;
      r.signature = "said hi";
    }
    return r;
  }
  std::string describe(const Cursor& at) override {
    auto s = gen_(at);
    return std::string(s.begin(), s.end());
  }

 private:
  Gen<std::vector<char>> gen_ =
      g::list(g::choose(0, 8), g::map(g::choose(0, 127), [](int64_t c) { return static_cast<char>(c); }));
};

TEST(Engine, CoverageGuidanceCracksHi) {
  HiTarget target;
  EngineOptions options{.seed = 1, .max_runs = 200000};
  EngineReport report = Engine(target, options).run();
  ASSERT_EQ(report.findings.size(), 1u) << "runs: " << report.runs;
  EXPECT_EQ(report.findings[0].value_text, "Hi!");  // shrunk: nothing after the match
  EXPECT_GE(report.kept, 2u);  // "H" and "Hi" opened new coverage
}

TEST(Engine, SameSeedSameRun) {
  HiTarget a, b;
  EngineOptions options{.seed = 9, .max_runs = 3000, .stop_on_failure = false};
  EngineReport r1 = Engine(a, options).run();
  EngineReport r2 = Engine(b, options).run();
  EXPECT_EQ(r1.runs, r2.runs);
  EXPECT_EQ(r1.kept, r2.kept);
  EXPECT_EQ(r1.findings.size(), r2.findings.size());
  if (!r1.findings.empty()) {
    EXPECT_EQ(r1.findings[0].tree.to_json(), r2.findings[0].tree.to_json());
  }
}

// Counts the batches it is given; runs them through HiTarget one by one.
class BatchCountingHi : public HiTarget {
 public:
  std::vector<RunResult> run_batch(std::span<const Cursor> inputs) override {
    sizes.push_back(inputs.size());
    return Target::run_batch(inputs);
  }
  std::vector<size_t> sizes;
};

TEST(Engine, BatchesAreRunTogetherAndStillCrackHi) {
  BatchCountingHi target;
  EngineOptions options{.seed = 1, .max_runs = 200000, .batch = 16};
  EngineReport report = Engine(target, options).run();
  ASSERT_EQ(report.findings.size(), 1u) << "runs: " << report.runs;
  EXPECT_EQ(report.findings[0].value_text, "Hi!");
  ASSERT_FALSE(target.sizes.empty());
  EXPECT_EQ(target.sizes.front(), 16u);
  // The run that failed ends the hunt at the end of its batch.
  EXPECT_EQ(report.runs, 16u * target.sizes.size());
}

TEST(Engine, ABatchNeverOverrunsTheBudgetAndIsDeterministic) {
  BatchCountingHi a, b;
  EngineOptions options{.seed = 4, .max_runs = 100, .stop_on_failure = false, .batch = 16};
  EngineReport r1 = Engine(a, options).run();
  EngineReport r2 = Engine(b, options).run();
  EXPECT_EQ(r1.runs, 100u);
  EXPECT_EQ(a.sizes.back(), 4u);  // 6 batches of 16, then what is left
  EXPECT_EQ(r1.kept, r2.kept);
  EXPECT_EQ(a.sizes, b.sizes);
}

TEST(Engine, ProposedInputsAreRunKeptAndReportedUntilTheProposerStops) {
  HiTarget target;
  const EngineReport found = Engine(target, EngineOptions{.seed = 1, .max_runs = 200000}).run();
  ASSERT_EQ(found.findings.size(), 1u);
  int asked = 0;
  EngineOptions options{.seed = 2, .max_runs = 100, .stop_on_failure = false, .batch = 8};
  options.propose = [&]() -> std::optional<ChoiceTree> {
    ++asked;
    if (asked == 3) return found.findings[0].tree;  // the third proposal says hi
    if (asked > 4) return std::nullopt;
    return ChoiceTree();
  };
  const EngineReport report = Engine(target, options).run();
  EXPECT_EQ(report.runs, 4u) << "the proposer ends the run, not the budget";
  EXPECT_EQ(asked, 5);
  ASSERT_EQ(report.findings.size(), 1u);
  EXPECT_EQ(report.findings[0].found_at_run, 3u);
  EXPECT_EQ(report.findings[0].value_text, "Hi!");
}

TEST(Engine, ImportedInputsRunBeforeGeneratedOnes) {
  // A peer's input that says hi is the first run: a finding in one run,
  // which the engine's own search takes thousands for.
  HiTarget scout;
  const EngineReport found = Engine(scout, EngineOptions{.seed = 3, .max_runs = 200000}).run();
  ASSERT_EQ(found.findings.size(), 1u);
  ASSERT_GT(found.findings[0].found_at_run, 1u);

  HiTarget target;
  int calls = 0;
  EngineOptions options{.seed = 3, .max_runs = 1};
  options.import_inputs = [&] {
    ++calls;
    return calls == 1 ? std::vector<ChoiceTree>{found.findings[0].tree} : std::vector<ChoiceTree>{};
  };
  const EngineReport report = Engine(target, options).run();
  EXPECT_EQ(report.runs, 1u);
  ASSERT_EQ(report.findings.size(), 1u) << "the imported input was not the first run";
  EXPECT_EQ(report.findings[0].value_text, "Hi!");
  EXPECT_GE(calls, 1);
}

TEST(Engine, KnownFailuresAreCountedNotReduced) {
  HiTarget target;
  EngineOptions options{.seed = 1, .max_runs = 200000,
                        .is_known_failure = [](const std::string& s) { return s == "said hi"; }};
  options.max_runs = 20000;
  EngineReport report = Engine(target, options).run();
  EXPECT_TRUE(report.findings.empty());
  ASSERT_EQ(report.known.count("said hi"), 1u);
  EXPECT_GE(report.known.at("said hi"), 1u);
}

class FiniteTarget : public Target {
 public:
  std::string name() const override { return "test:finite"; }
  RunResult run(const Cursor& at) override {
    auto [a, b] = g::tuple(g::choose(0, 4), g::flip())(at);
    seen[{a, b}]++;
    return {};
  }
  std::string describe(const Cursor&) override { return ""; }
  std::map<std::pair<int64_t, bool>, int> seen;
};

TEST(Engine, NoveltyReportsExhaustionOfAFiniteSpace) {
  FiniteTarget t;
  EngineReport r = Engine(t, {.seed = 3, .max_runs = 1000}).run();
  EXPECT_TRUE(r.exhausted);
  EXPECT_EQ(r.runs, 10u);
  EXPECT_EQ(t.seen.size(), 10u);
  for (const auto& [k, n] : t.seen) EXPECT_EQ(n, 1) << "ran twice";
  FiniteTarget u;
  EngineReport without = Engine(u, {.seed = 3, .max_runs = 1000, .novelty = false}).run();
  EXPECT_FALSE(without.exhausted);
  EXPECT_EQ(without.runs, 1000u);
}

class DiscardTarget : public Target {
 public:
  std::string name() const override { return "test:discard"; }
  RunResult run(const Cursor& at) override {
    RunResult r;
    if (g::choose(0, 99)(at) % 2) r.verdict = Verdict::kDiscard;
    return r;
  }
  std::string describe(const Cursor&) override { return ""; }
};

TEST(Engine, DiscardsAreCountedNotKept) {
  DiscardTarget t;
  EngineReport r = Engine(t, {.seed = 1, .max_runs = 200, .novelty = false}).run();
  EXPECT_GT(r.discards, 50u);
  EXPECT_EQ(r.kept, 0u);
  EXPECT_TRUE(r.findings.empty());
}

// Valid only when all three values are 7 (then the property fails); how far
// the validity check got is its coverage, as SanitizerCoverage would see it.
class SevensAreValid : public Target {
 public:
  std::string name() const override { return "test:sevens"; }
  RunResult run(const Cursor& at) override {
    const auto xs = g::tuple(g::choose(0, 99), g::choose(0, 99), g::choose(0, 99))(at);
    RunResult r;
    const int64_t v[] = {std::get<0>(xs), std::get<1>(xs), std::get<2>(xs)};
    for (int i = 0; i < 3; ++i) {
      if (v[i] != 7) {
        r.verdict = Verdict::kDiscard;
        return r;
      }
      r.features.add("seven" + std::to_string(i));
    }
    r.verdict = Verdict::kFail;
    r.signature = "valid";
    return r;
  }
  std::string describe(const Cursor&) override { return ""; }
};

TEST(Engine, DiscardsThatReachNewCoverageAreSteppingStonesWhenAskedFor) {
  SevensAreValid a, b;
  const EngineOptions o{.seed = 3, .max_runs = 20000, .adapt = false, .shrink = false};
  EngineOptions keeping = o;
  keeping.keep_discards = true;
  const EngineReport plain = Engine(a, o).run();
  const EngineReport kept = Engine(b, keeping).run();
  EXPECT_TRUE(plain.findings.empty()) << "one in a million by chance";
  ASSERT_EQ(kept.findings.size(), 1u);
  EXPECT_GE(kept.kept, 2u) << "the partial matches were kept";
}

// Odd choices make an invalid input; a negative discard gain teaches the
// model to make them rarer.
class OddIsInvalid : public Target {
 public:
  std::string name() const override { return "test:odd"; }
  RunResult run(const Cursor& at) override {
    RunResult r;
    if (g::choose(0, 9)(at) % 2) r.verdict = Verdict::kDiscard;
    return r;
  }
  std::string describe(const Cursor&) override { return ""; }
};

TEST(Engine, ANegativeDiscardGainMakesInvalidChoicesRarer) {
  OddIsInvalid a, b;
  const EngineReport plain = Engine(a, {.seed = 1, .max_runs = 2000, .novelty = false}).run();
  const EngineReport taught = Engine(b, {.seed = 1, .max_runs = 2000, .novelty = false, .discard_gain = -1}).run();
  EXPECT_GT(plain.discards, 800u);  // about half
  EXPECT_LT(taught.discards, plain.discards * 6 / 10) << taught.discards << " vs " << plain.discards;
}

// Fails when x > 50, but only on every other call: a flaky verdict. Its
// features wobble the same way.
class FlakyTarget : public Target {
 public:
  std::string name() const override { return "test:flaky"; }
  RunResult run(const Cursor& at) override {
    const int64_t x = g::choose(0, 100)(at);
    RunResult r;
    r.features.add("x" + std::to_string(x / 10));
    if (++calls_ % 2) r.features.add("odd call");
    if (x > 50 && calls_ % 2) {
      r.verdict = Verdict::kFail;
      r.signature = "big";
    }
    return r;
  }
  std::string describe(const Cursor& at) override { return std::to_string(g::choose(0, 100)(at)); }

 private:
  uint64_t calls_ = 0;
};

TEST(Engine, RechecksClassFlakyCasesAndHoldBackFlakyFindings) {
  FlakyTarget a;
  const EngineReport held = Engine(a, {.seed = 1, .max_runs = 300, .stop_on_failure = false, .recheck = true}).run();
  EXPECT_TRUE(held.findings.empty());
  EXPECT_GT(held.flaky_verdicts, 0u);
  EXPECT_GT(held.flaky_coverage + held.flaky_verdicts, 0u);
  EXPECT_GT(held.rechecks, 0u);
  FlakyTarget b;
  const EngineReport told =
      Engine(b, {.seed = 1, .max_runs = 300, .stop_on_failure = false, .recheck = true, .report_flaky = true}).run();
  EXPECT_EQ(told.findings.size(), 1u);
  // A deterministic target is stable: nothing flaky, and Hi is still found.
  HiTarget hi;
  const EngineReport stable = Engine(hi, {.seed = 1, .max_runs = 200000, .recheck = true}).run();
  ASSERT_EQ(stable.findings.size(), 1u);
  EXPECT_EQ(stable.flaky_verdicts + stable.flaky_coverage, 0u);
  EXPECT_GT(stable.rechecks, 1u);
}

class ThrowingTarget : public Target {
 public:
  std::string name() const override { return "test:throw"; }
  RunResult run(const Cursor& at) override {
    if (g::choose(0, 100)(at) > 50) throw std::runtime_error("boom");
    return {};
  }
  std::string describe(const Cursor& at) override { return std::to_string(g::choose(0, 100)(at)); }
};

TEST(Engine, AnExceptionIsAFindingAndShrinks) {
  ThrowingTarget t;
  EngineReport r = Engine(t, {.seed = 1, .max_runs = 1000}).run();
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].signature, "exception: boom");
  EXPECT_EQ(r.findings[0].value_text, "51");
}

class MemoryStore : public CaseStore {
 public:
  std::string save(const CaseRecord& rec) override {
    std::string id = std::to_string(cases.size());
    cases.push_back(StoredCase{id, rec.target, rec.rejected, rec.tree, rec.result.features, rec.result.signature});
    records.push_back(rec.value_text);
    return id;
  }
  void replace(const std::string& id, const CaseRecord& rec) override {
    StoredCase& c = cases.at(std::stoul(id));
    c.tree = rec.tree;
    c.signature = rec.result.signature;
    records.at(std::stoul(id)) = rec.value_text;
    replaced.push_back(id);
  }
  std::vector<StoredCase> load() override { return cases; }
  void save_coverage(const GlobalCoverage& c, bool final) override {
    if (final) final_features = c.size();
  }
  std::vector<StoredCase> cases;
  std::vector<std::string> records;
  std::vector<std::string> replaced;
  size_t final_features = 0;
};

TEST(Engine, KeepsCasesInTheStoreAndResumesFromThem) {
  HiTarget t;
  MemoryStore store;
  EngineReport first = Engine(t, {.seed = 5, .max_runs = 100000, .store = &store}).run();
  ASSERT_EQ(first.findings.size(), 1u);
  const size_t saved = store.cases.size();
  EXPECT_EQ(saved, first.kept + 1);
  EXPECT_TRUE(store.cases.back().rejected);
  // The finding was saved as found, then replaced by its reduced form under the same id.
  EXPECT_EQ(store.replaced, std::vector<std::string>{first.findings[0].case_id});
  EXPECT_EQ(store.records.back(), first.findings[0].value_text);
  EXPECT_EQ(store.final_features, first.features);
  // Resuming: the known finding is not reported again, and coverage starts where it was.
  EngineReport second = Engine(t, {.seed = 6, .max_runs = 2000, .store = &store}).run();
  EXPECT_EQ(second.resumed_cases, saved);
  EXPECT_TRUE(second.findings.empty());
  EXPECT_GE(second.features, first.features);
}

// A target that reports its coverage through a plugged-in source, not its result.
class SourceReportingTarget : public Target {
 public:
  explicit SourceReportingTarget(ReportedFeatures& sink) : sink_(sink) {}
  std::string name() const override { return "test:source"; }
  RunResult run(const Cursor& at) override {
    sink_.report("value:" + std::to_string(g::choose(0, 9)(at)));
    return {};
  }
  std::string describe(const Cursor&) override { return ""; }

 private:
  ReportedFeatures& sink_;
};

TEST(Engine, CoverageSourcesFeedTheEngine) {
  ReportedFeatures source;
  SourceReportingTarget t(source);
  EngineReport r = Engine(t, {.seed = 2, .max_runs = 200, .coverage_sources = {&source}}).run();
  EXPECT_EQ(r.features, 10u);
  EXPECT_EQ(r.kept, 10u);
  EXPECT_TRUE(r.exhausted);  // ten values, each run once
}

// A source that saw the target compare its input with a magic number.
class ComparingSource : public ReportedFeatures {
 public:
  std::span<const int64_t> hints() const override { return hints_; }

 private:
  std::vector<int64_t> hints_ = {3, 987654321, 40};
};

class MagicTarget : public Target {
 public:
  explicit MagicTarget(ReportedFeatures& sink) : sink_(sink) {}
  std::string name() const override { return "test:magic"; }
  RunResult run(const Cursor& at) override {
    const int64_t x = g::choose(0, int64_t{1} << 40)(at);
    sink_.report(x % 2 ? "odd" : "even");
    RunResult r;
    if (x == 987654321) r.verdict = Verdict::kFail;
    return r;
  }
  std::string describe(const Cursor&) override { return ""; }

 private:
  ReportedFeatures& sink_;
};

TEST(Engine, ComparedValuesFromACoverageSourceCrackAMagicNumber) {
  ComparingSource source;
  MagicTarget t(source);
  EngineReport with = Engine(t, {.seed = 4, .max_runs = 5000, .coverage_sources = {&source}}).run();
  ASSERT_EQ(with.findings.size(), 1u);
  EXPECT_LT(with.findings[0].found_at_run, 1000u);
  EngineReport without = Engine(t, {.seed = 4, .max_runs = 5000, .use_hints = false, .coverage_sources = {&source}}).run();
  EXPECT_TRUE(without.findings.empty()) << "one value in 2^40: chance alone does not find it";
}

TEST(Engine, TimeBudgetStopsTheLoop) {
  HiTarget t;
  EngineReport r = Engine(t, {.seed = 1, .max_runs = UINT64_MAX, .max_seconds = 0.2, .novelty = false,
                              .stop_on_failure = false}).run();
  EXPECT_GE(r.seconds, 0.2);
  EXPECT_LT(r.seconds, 5.0);
  EXPECT_GT(r.runs, 0u);
}

TEST(Engine, ProgressIsReported) {
  HiTarget t;
  std::vector<uint64_t> seen;
  Engine(t, {.seed = 1, .max_runs = 3000, .stop_on_failure = false,
             .on_progress = [&](const Progress& p) { seen.push_back(p.runs); }, .progress_every = 1000}).run();
  ASSERT_GE(seen.size(), 3u);
  EXPECT_EQ(seen[0], 1000u);
  EXPECT_EQ(seen.back(), 3000u);
  seen.clear();
  Engine(t, {.seed = 1, .max_runs = 10, .stop_on_failure = false,
             .on_progress = [&](const Progress& p) { seen.push_back(p.runs); }, .progress_every = 0}).run();
  EXPECT_EQ(seen, std::vector<uint64_t>{10}) << "0: only the final report";
}

TEST(Engine, GenerationErrorsStopTheEngine) {
  auto bad = g::filter(g::choose(0, 3), [](int64_t) { return false; }, "never");
  class T : public Target {
   public:
    explicit T(Gen<int64_t> g) : g_(std::move(g)) {}
    std::string name() const override { return "test:bad"; }
    RunResult run(const Cursor& at) override { g_(at); return {}; }
    std::string describe(const Cursor&) override { return ""; }
    Gen<int64_t> g_;
  } target(bad);
  EXPECT_THROW(Engine(target, {.max_runs = 10}).run(), GenerationError);
}

}  // namespace
}  // namespace testgen
