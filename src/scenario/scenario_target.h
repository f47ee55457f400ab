#pragma once
// The campaign front's engine target: a seed scenario and a list of typed
// mutations drawn from the choice tree, written as a config, run by the
// runner, judged by its checkers. Coverpoints are the features; a checker's
// rejection is a finding whose signature is the checker and the kind of
// violation; invalid scenarios (runner exit 2) are discarded.

#include <filesystem>
#include <memory>
#include <set>
#include <unordered_map>
#include <string>

#include "mutation.h"
#include "run_features.h"
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
  /// Numbers the run reports, in logarithmic buckets (run_features.h).
  bool numbers = true;
  /// Below this many distinct coverpoints seen, the traces' events are
  /// features too (how often each kind occurs, in buckets): a checker that
  /// reports little leaves the search blind otherwise.
  size_t few_coverpoints = 32;
  /// Pairs of the run's this-many rarest coverpoints are features too
  /// ("pair:A+B"): a run that reaches two rare things together is a parent
  /// worth keeping even when each was reached before, the step toward a
  /// violation that needs both (0 or 1: no pairs).
  size_t rare_pairs = 6;
  /// Also a feature per coverpoint and hit-count bucket ("hits:NAME:4-7"),
  /// when checkers report hits: a case that hits a coverpoint far more often
  /// than any before is a parent worth keeping.
  bool hit_buckets = true;
  /// Coverpoints a campaign aims at: weighted above the rest when parents
  /// are picked. (A run's closeness to any coverpoint a checker reports a
  /// "near.NAME" stat for becomes a feature in tenths, "near:NAME:0.6", so
  /// the steps toward it are kept and mutated further.)
  std::vector<std::string> goals;
  std::string name = "scenario:all";
  TargetSpec spec;  ///< what rebuilds this target (ScenarioParams::spec())
  /// Each log file a kept case copies is cut at this many bytes.
  uint64_t max_log_bytes = uint64_t{64} << 20;
};

/// "election_safety: two leaders in term N": a checker's first output line
/// with numbers blanked, so one bug seen at two terms is one finding.
std::string violation_signature(const RunSummary& summary);

/// What a run came to, as one string: the violation signature of a reject,
/// "runner error: ..." (numbers blanked), "accept" or "invalid".
std::string outcome_signature(const RunOutcome& outcome);

/// Runs `doc` once: writes it as DIR/config.toml with log_path DIR/logs
/// (DIR a fresh directory under `work_dir`, removed when the last copy of
/// `dir_alive` goes: case_files' artifacts hold it) and runs it.
struct ConfigRun {
  RunOutcome outcome;
  std::filesystem::path dir;
  std::shared_ptr<const void> dir_alive;
};
ConfigRun run_config(ProcessRunner& processes, const Runner& runner, const std::filesystem::path& work_dir,
                     const toml::table& doc);

/// The files a scenario case keeps: config.toml (log_path "logs"),
/// run_summary.json and the regular files under logs/ of `run` (copied
/// only if the case is kept, each cut at `max_log_bytes`; links and other
/// special files are left out).
std::vector<Artifact> case_files(const toml::table& doc, const ConfigRun& run, uint64_t max_log_bytes);

/// The coverpoints a run reports closeness to (metrics "near.NAME" or "CHECKER.near.NAME").
std::vector<std::string> near_points(const RunSummary& summary);

/// A run's closeness to `coverpoint`: 1 if covered, else the largest metric
/// named "near.COVERPOINT" (any checker's), else 0.
double closeness(const RunSummary& summary, const std::string& coverpoint);

class ScenarioTarget : public Target {
 public:
  ScenarioTarget(ScenarioSetup setup, ProcessRunner& processes);
  std::string name() const override { return setup_.name; }
  TargetSpec spec() const override { return setup_.spec; }
  RunResult run(const Cursor& input) override;
  std::string describe(const Cursor& input) override;

  /// The last run's outcome (for summaries).
  const RunOutcome& last_outcome() const { return last_; }
  /// For EngineOptions::feature_weight: a goal 8, a coverpoint or asked-for
  /// trace hash 1, closeness to a goal 2, a number's bucket or a trace hash
  /// not asked for 1/4, a hit-count or event-count bucket 1/8.
  double feature_weight(Feature f) const;
  /// The feature names of the last run that had a summary.
  const std::vector<std::string>& last_features() const { return last_features_; }
  /// Which features a run reaches under the current settings (the trace
  /// features depend on how many coverpoints were seen so far).
  FeatureOptions feature_options() const;
  /// "pair:A+B" for each pair of the rarest coverpoints of `coverage`.
  std::vector<std::string> rare_pairs(const std::vector<std::string>& coverage) const;
  /// Freezes the counts rarity() uses: a climb compares scores made with the same counts.
  void freeze_rarity() { frozen_counts_ = feature_counts_; }
  /// How rare what a run reached is: the sum over its features of
  /// weight / (1 + the runs before the freeze that reached it). Without a
  /// closeness stat, what calibration climbs: a run that reaches rare
  /// coverpoints together, or a count in a bucket few runs reached.
  double rarity(const std::vector<std::string>& features) const;
  /// Coverpoints seen by this target's runs (not hit buckets nor trace hashes).
  const std::set<std::string>& coverpoints_seen() const { return coverpoints_; }

 private:
  ScenarioSetup setup_;
  ProcessRunner& processes_;
  Gen<MutatedScenario> scenarios_;
  RunOutcome last_;
  std::set<std::string> coverpoints_;
  std::unordered_map<Feature, double> weights_;
  std::vector<std::string> last_features_;
  std::unordered_map<std::string, uint64_t> feature_counts_, frozen_counts_;
};

}  // namespace testgen::scenario
