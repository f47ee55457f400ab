#pragma once
// The campaign front's engine target: a seed scenario and a list of typed
// mutations drawn from the choice tree, written as a config, run by the
// runner, judged by its checkers. Coverpoints are the features; a checker's
// rejection is a finding whose signature is the checker and the kind of
// violation; invalid scenarios (runner exit 2) are discarded.

#include <filesystem>
#include <memory>
#include <string>

#include "mutation.h"
#include "runner.h"
#include "testgen/engine.h"

namespace testgen::scenario {

struct ScenarioSetup {
  std::shared_ptr<const MutationContext> context;
  Runner runner;
  std::filesystem::path work_dir;  ///< scratch for runs (the corpus's _work/)
  int64_t max_mutations = 4;
  std::vector<size_t> seed_filter;  ///< empty: every seed
  bool trace_signature = false;     ///< also a feature per trace: the hash of its kind column
  std::string name = "scenario:all";
};

/// "election_safety: two leaders in term N": a checker's first output line
/// with numbers blanked, so one bug seen at two terms is one finding.
std::string violation_signature(const RunSummary& summary);

/// The stable hash of a trace's `kind` column (XXH64 over the kinds joined
/// by newlines): "trace_kind_hash:<file>:<16 hex digits>".
std::string trace_kind_hash(const std::filesystem::path& trace);

class ScenarioTarget : public Target {
 public:
  ScenarioTarget(ScenarioSetup setup, ProcessRunner& processes);
  std::string name() const override { return setup_.name; }
  RunResult run(const Cursor& input) override;
  std::string describe(const Cursor& input) override;

  /// The last run's outcome (for summaries).
  const RunOutcome& last_outcome() const { return last_; }

 private:
  ScenarioSetup setup_;
  ProcessRunner& processes_;
  Gen<MutatedScenario> scenarios_;
  RunOutcome last_;
  uint64_t runs_ = 0;
};

}  // namespace testgen::scenario
