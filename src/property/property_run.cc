// run_property: the order of a property check. TESTGEN_REPLAY, if it names
// this property, is all that runs. Otherwise the failures kept in the
// database are replayed first (a failure found once is checked again until
// it passes), then the search: test mode or fuzzing mode on the engine.
#include <fmt/format.h>

#include <iostream>
#include <limits>

#include "discard_tally.h"
#include "failure_database.h"
#include "property_environment.h"
#include "property_target.h"
#include "replay_code.h"
#include "testgen/engine.h"
#include "testgen/interrupt.h"
#include "testgen/property.h"

namespace testgen {
namespace {

using property::FailureDatabase;
using property::PropertyTarget;

struct Check {
  const PropertyOptions& options;
  PropertyTarget& target;
  PropertyReport& report;
  std::function<void(const std::string&)> log;

  void say(const std::string& text) const { log(fmt::format("testgen: {}: {}", options.name, text)); }
  // A warning is said when it arises (a long fuzzing session should not
  // hide it until the end) and kept in the report.
  void warn(std::string text) {
    say("warning: " + text);
    report.warnings.push_back(std::move(text));
  }

  ShrinkOptions shrinking() const {
    return ShrinkOptions{.max_calls = options.shrink_calls, .max_seconds = options.shrink_seconds};
  }

  // Fills the report with a failure: `tree` fails with `result`.
  void failed(const ChoiceTree& tree, const RunResult& result, const std::string& found_by) {
    report.passed = false;
    report.found_by = found_by;
    report.signature = result.signature;
    report.message = result.detail;
    report.tree = tree;
    report.counterexample = describe(target, tree, options.size);
    report.replay = fmt::format("TESTGEN_REPLAY={}:{}", options.name, property::replay_code(tree));
  }

  // Shrinks a failure that was not found by this run's search (a kept one).
  void shrink_again(ChoiceTree& tree, RunResult& result) {
    ShrinkResult shrunk = minimize(target, tree, result.signature, options.size, shrinking());
    auto [again, forced] = replay(target, shrunk.tree, options.size);
    if (again.verdict != Verdict::kFail || again.signature != result.signature) return;  // flaky: keep as found
    tree = std::move(forced);
    result = std::move(again);
    report.shrink_calls = shrunk.calls;
    report.shrink_budget_spent = shrunk.budget_spent;
    report.shrink_log = std::move(shrunk.passes);
  }

  bool replay_requested() {
    const std::optional<std::string> code = property::replay_request(options.name);
    if (!code) return false;
    const ChoiceTree tree = property::tree_from_replay_code(*code);
    auto [result, forced] = replay(target, tree, options.size);
    report.runs = 1;
    if (result.verdict == Verdict::kFail) {
      failed(forced, result, "replay");
    } else {
      warn(fmt::format("TESTGEN_REPLAY: the input {} now",
                       result.verdict == Verdict::kDiscard ? "is discarded" : "passes"));
      report.counterexample = describe(target, forced, options.size);
    }
    return true;
  }

  // Keeps a failure in the database; a database that cannot be written (a
  // read-only checkout, a full disk) costs the next run its replay, not
  // this run its report.
  std::optional<std::filesystem::path> keep(const std::string& code, const std::string& signature) {
    try {
      return database().save(code, signature, report.counterexample);
    } catch (const StorageError& e) {
      warn(fmt::format("the failure is not kept for the next run: {}", e.what()));
      return std::nullopt;
    }
  }

  FailureDatabase database() const {
    return FailureDatabase(options.database.empty() ? std::filesystem::path(".testgen") : options.database,
                           options.name);
  }

  // Replays the kept failures; true when one still fails (the report says which).
  bool replay_database() {
    const FailureDatabase db = database();
    std::vector<std::string> problems;
    for (const property::FailureEntry& entry : db.load(problems)) {
      ChoiceTree tree;
      try {
        tree = property::tree_from_replay_code(entry.code);
      } catch (const UsageError& e) {
        problems.push_back(fmt::format("{}: {}", entry.file.string(), e.what()));
        continue;
      }
      auto [result, forced] = replay(target, tree, options.size);
      ++report.runs;
      if (result.verdict != Verdict::kFail) {
        db.drop(entry);
        ++report.dropped_stale;
        say(fmt::format("a failure kept from an earlier run passes now; dropped {}", entry.file.string()));
        continue;
      }
      report.original = describe(target, forced, options.size);
      shrink_again(forced, result);
      failed(forced, result, "database");
      const std::optional<std::filesystem::path> kept = keep(property::replay_code(forced), result.signature);
      if (kept && *kept != entry.file) db.drop(entry);
      break;
    }
    for (std::string& p : problems) warn(std::move(p));
    return !report.passed;
  }

  EngineOptions engine_options() const {
    EngineOptions eo;
    eo.seed = report.seed;
    eo.size = options.size;
    eo.shrinking = shrinking();
    eo.novelty = options.novelty;
    if (report.fuzzing) {
      eo.max_runs = options.fuzz_runs ? options.fuzz_runs : std::numeric_limits<uint64_t>::max();
      eo.max_seconds = options.fuzz_seconds;
      // A line now and then, so a long fuzzing session shows it is moving.
      eo.progress_every = 50000;
      eo.on_progress = [this, last = uint64_t{0}](const Progress& p) mutable {
        if (p.runs == last) return;  // the engine's closing call after a round number
        last = p.runs;
        say(fmt::format("{} inputs, {} features, {} kept, {:.0f} s", p.runs, p.features, p.kept, p.seconds));
      };
      CoverageSource* coverage = options.coverage ? in_process_coverage() : nullptr;
      if (coverage) eo.coverage_sources.push_back(coverage);
      eo.adapt = options.adapt && coverage;
      eo.use_hints = options.hints;
      eo.keep_discards = true;
      eo.mutate_ratio = coverage ? 0.8 : 0;
    } else {
      // Test mode: fresh inputs, no feedback; the novelty trie still keeps
      // a small domain from being drawn twice (and says when it is exhausted).
      eo.max_runs = options.tests;
      eo.adapt = false;
      eo.mutate_ratio = 0;
    }
    return eo;
  }

  void search() {
    if (report.fuzzing && options.coverage && !in_process_coverage())
      warn("fuzzing without coverage feedback: nothing in this program was built with testgen_instrument(), "
           "so inputs are generated afresh and nothing steers them");
    if (report.fuzzing)
      say(options.fuzz_seconds > 0 ? fmt::format("fuzzing for {:g} s", options.fuzz_seconds)
                                   : fmt::format("fuzzing for {} inputs", options.fuzz_runs));
    EngineReport er = Engine(target, engine_options()).run();
    report.runs += er.runs;
    report.discards = er.discards;
    report.features = er.features;
    if (er.exhausted && report.passed)
      say(fmt::format("every distinct input was checked ({} in all)", er.runs));
    if (er.findings.empty()) return;
    const Finding& f = er.findings.front();
    report.found_at_run = f.found_at_run;
    report.found_at_seconds = f.found_at_seconds;
    report.original = f.original_text;
    report.shrink_calls = f.shrink_calls;
    report.shrink_budget_spent = f.shrink_budget_spent;
    report.shrink_log = f.shrink_log;
    RunResult result;
    result.signature = f.signature;
    result.detail = f.detail;
    failed(f.tree, result, "search");
    if (options.use_database && !interrupted()) keep(property::replay_code(f.tree), f.signature);
  }
};

}  // namespace

PropertyReport run_property(const ErasedProperty& erased, PropertyOptions options, const PropertyHooks& hooks) {
  options = property::with_environment(std::move(options));
  PropertyReport report;
  report.name = options.name;
  report.fuzzing = options.fuzz_seconds > 0 || options.fuzz_runs > 0;
  report.seed = options.seed.value_or(feature_of(options.name));
  if (report.fuzzing) {
    report.shard = options.shard;
    report.seed = options.shard.seed(report.seed);
  }
  auto log = options.log ? options.log : [](const std::string& line) { std::cerr << line << "\n"; };
  property::DiscardTally tally;
  PropertyTarget target(erased, hooks, options.name, tally);
  Check check{options, target, report, log};
  const auto start = std::chrono::steady_clock::now();

  if (!check.replay_requested() && !(options.use_database && check.replay_database())) check.search();

  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (std::string& w : tally.warnings(report.runs, options.discard_warning)) check.warn(std::move(w));
  return report;
}

}  // namespace testgen
