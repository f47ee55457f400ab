#pragma once
/// \file
/// The engine loop shared by every front.
///
///     generate (fresh, or mutate a kept parent)  ->  run the target
///     ->  observe verdict + coverage features  ->  learn, keep, shrink, persist
///
/// A front implements `Target`: it draws its input from the cursor it is
/// given (so the engine can replay, mutate and shrink it) and reports a
/// verdict, a failure signature and coverage features. Persistence goes
/// through `CaseStore`, implemented by the corpus layer.
///
/// Example usage:
///     MyTarget target;
///     EngineOptions options;
///     options.seed = 1;
///     options.max_runs = 10000;
///     EngineReport report = Engine(target, options).run();

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "testgen/adaptive_model.h"
#include "testgen/choice_tree.h"
#include "testgen/coverage.h"
#include "testgen/shrinker.h"
#include "testgen/source.h"

namespace testgen {

enum class Verdict {
  kPass,     ///< ran, nothing wrong
  kFail,     ///< the system under test misbehaved: a finding
  kDiscard,  ///< the input was invalid for this target; not kept, not a finding
};
std::string_view verdict_name(Verdict v);

/// A file a target wants kept with a case (reproducer sources, commands,
/// a report, logs): written into the case directory under `path`.
struct Artifact {
  std::string path;  ///< relative, '/'-separated, no ".."
  std::string contents;
  bool executable = false;
  /// Instead of `contents`: a file to copy, at most `max_bytes` of it (0:
  /// all), so that big logs are never read into memory and only kept cases
  /// copy them. `keep_alive` holds what keeps `source` on disk (a run's
  /// scratch directory) until the result is dropped.
  std::filesystem::path source;
  uint64_t max_bytes = 0;
  std::shared_ptr<const void> keep_alive;
};

/// What rebuilds a target from a stored case: the row of the table of
/// fronts that owns it (src/front), the version of that front's
/// parameters, and the parameters, each a string the front documents
/// (docs/corpus-format.md). Saved in case.json as "target_spec".
struct TargetSpec {
  std::string front;
  int version = 1;
  std::map<std::string, std::string> params;
  bool operator==(const TargetSpec&) const = default;
};

struct RunResult {
  Verdict verdict = Verdict::kPass;
  /// What kind of failure this is. Two failures with one signature are one
  /// finding; the shrinker keeps the signature while it reduces.
  std::string signature;
  FeatureSet features;
  /// Free text for reports (expected/received, a message, ...).
  std::string detail;
  /// Files to keep beside the case when it is saved (may be empty).
  std::vector<Artifact> artifacts;
  /// The names of the features, when they mean something to people
  /// (coverpoints): each feature is feature_of(name). Saved cases and the
  /// corpus's global coverage list them by name.
  std::vector<std::string> feature_names;
  /// Facts about the input worth recording with a saved case, by name
  /// (a scenario's seed: "seed" -> "steady.toml").
  std::map<std::string, std::string> labels;
};

class Target {
 public:
  virtual ~Target() = default;
  /// The target's identity, e.g. "puzzle:pair-42-43": recorded in every
  /// case, shown to people, and compared (a corpus resumes the cases of the
  /// same target). Never parsed: spec() is what rebuilds a target.
  virtual std::string name() const = 0;
  /// What rebuilds this target from a stored case. The default names no
  /// front: its cases are kept but `testgen replay` cannot rebuild them.
  virtual TargetSpec spec() const { return {}; }
  /// Draws the input at `input` and runs it.
  virtual RunResult run(const Cursor& input) = 0;
  /// Draws every input and runs them together, one result per input in
  /// order. Targets whose runs have a high fixed cost (building a program)
  /// override this; the default runs them one by one.
  virtual std::vector<RunResult> run_batch(std::span<const Cursor> inputs);
  /// Runs the inputs in order and may stop at the first failure that ends
  /// the whole run (a crash of the one program that holds them all): the
  /// results of a prefix, at least one. What shrink look-ahead asks, where
  /// only the first failure in order counts. The default is run_batch.
  virtual std::vector<RunResult> run_until_failure(std::span<const Cursor> inputs) { return run_batch(inputs); }
  /// How many shrink candidates of `failure` to run together in one
  /// run_batch (see shrink_batched): 1, the default, runs them one by one.
  /// A target whose batches pin every result at the cost of one run (a
  /// program whose output names each case's mismatch) says more; one whose
  /// batches must be split to tell who failed (a crash) keeps 1.
  virtual size_t shrink_lookahead(const RunResult& failure) const {
    (void)failure;
    return 1;
  }
  /// Findings whose signatures share a family are likely one bug met in
  /// different shapes (the hunt: one pair, kind and place, other member
  /// types). When findings wait for reduction, one of each family is
  /// reduced before a second of any: a short run ends with a reduced
  /// reproducer of as many bugs as it can. The default: each its own family.
  virtual std::string signature_family(const std::string& signature) const { return signature; }
  /// A readable rendering of the input drawn at `input` (for reports).
  virtual std::string describe(const Cursor& input) = 0;
};

/// A case the engine keeps: new coverage (accepted) or a finding (rejected).
struct CaseRecord {
  std::string target;
  TargetSpec spec;  ///< what rebuilds the target (Target::spec())
  bool rejected = false;
  ChoiceTree tree;  ///< forced tree (shrunk, for a finding)
  RunResult result;
  std::string value_text;
  std::optional<std::string> parent;  ///< case id of the parent, if mutated
  std::vector<std::string> mutations;
  size_t new_features = 0;
  uint64_t run_index = 0;
  /// The size the input was generated with (needed to replay it).
  int size = 0;
  /// For findings: the tree as first found, and what the shrinker did.
  std::optional<ChoiceTree> original;
  /// False for a finding saved as found, before (or without) reduction.
  bool reduced = true;
  std::vector<ShrinkPassStats> shrink_log;
  /// With EngineOptions::recheck: "stable", "flaky-coverage" or "flaky-verdict".
  std::string stability;
};

/// A case loaded back from storage (to resume a campaign).
struct StoredCase {
  std::string id;
  std::string target;  ///< Target::name() of the run that kept it
  bool rejected = false;
  ChoiceTree tree;
  FeatureSet features;
  std::string signature;
};

struct Progress {
  uint64_t runs = 0;
  uint64_t kept = 0;
  uint64_t findings = 0;
  size_t features = 0;
  double seconds = 0;
};

/// Where kept cases go. Implemented by the corpus layer.
class CaseStore {
 public:
  virtual ~CaseStore() = default;
  /// Saves a case; returns its id.
  virtual std::string save(const CaseRecord& record) = 0;
  /// Replaces the finding saved as `id` (as found) by its reduced form,
  /// keeping the id; the store makes the swap atomic where it can. The
  /// engine saves every finding as found before it reduces it, so a run
  /// killed during a long reduction loses nothing.
  virtual void replace(const std::string& id, const CaseRecord& reduced) = 0;
  /// Every case saved so far (by this or an earlier run).
  virtual std::vector<StoredCase> load() = 0;
  /// Saves the global coverage union (may be throttled; `final` forces it).
  virtual void save_coverage(const GlobalCoverage& coverage, bool final) = 0;
  /// Notes how the run of `target` is going, after each batch and at its
  /// end (`final`), for a report's coverage over runs and time. A store may
  /// keep a throttled log; the default keeps nothing.
  virtual void note_progress(const std::string& target, const Progress& progress, bool final) {
    (void)target, (void)progress, (void)final;
  }
};

struct Finding;

struct EngineOptions {
  uint64_t seed = 0;
  /// Budget: runs, and seconds of wall time (0 = no time limit).
  uint64_t max_runs = 10000;
  double max_seconds = 0;
  int size = 6;
  bool adapt = true;
  AdaptiveOptions adaptive;
  bool novelty = true;
  /// Chance of mutating a kept parent rather than generating afresh.
  double mutate_ratio = 0.8;
  /// Add crossover to the mutation operators: a parent's list (its steps)
  /// joined with a run of a donor's list of the same site, the donor picked
  /// among a few weighted draws as the one holding the most rare features
  /// the parent lacks. For inputs that are lists of steps (scenario
  /// mutations), where a rare outcome needs the steps of two parents.
  bool crossover = false;
  /// Let mutations set integers to values the code compared them with, when
  /// a coverage source sees comparisons (CoverageSource::hints).
  bool use_hints = true;
  /// Keep a discarded input (a precondition did not hold) when it reached
  /// new coverage, as a stepping stone: with naive generators almost every
  /// input is invalid, and the ones that got further into the validity check
  /// are how the search finds valid ones. Off, discards are never kept.
  bool keep_discards = false;
  bool shrink = true;
  ShrinkOptions shrinking;
  /// How much of the work reduction may take while the budget lasts, as a
  /// share of target calls (an exploration batch and a shrink step are one
  /// call each; counted, not timed, so the same seed gives the same result).
  /// At 1 a finding is reduced as soon as it is found and exploration
  /// waits. Below 1 findings are saved as found and reduced
  /// `reduction_slice` steps at a time between batches (to its end, the
  /// earliest found first, but the first of each signature family before
  /// the second of any: Target::signature_family), so that a target rich
  /// in bugs is still explored. When the
  /// budget ends, unfinished reductions go on while time is left; those cut
  /// off stay as found or part-reduced (Finding::reduction_finished false).
  double reduction_share = 1;
  size_t reduction_slice = 25;
  bool stop_on_failure = true;
  CaseStore* store = nullptr;
  std::vector<CoverageSource*> coverage_sources;
  /// Called about every `progress_every` runs (0: never) and at the end.
  std::function<void(const Progress&)> on_progress;
  uint64_t progress_every = 1000;
  /// Run every case once more before keeping it (new coverage) or reporting
  /// it (a failure), and class it: stable, flaky-coverage (other features
  /// the second time) or flaky-verdict (another verdict or signature). A
  /// flaky-verdict case is neither kept nor reported, unless report_flaky.
  bool recheck = false;
  bool report_flaky = false;
  /// What the adaptive model learns from a discarded (invalid) input; below
  /// zero, the choices that made it become rarer than choices that merely
  /// found nothing new.
  double discard_gain = 0;
  /// Inputs generated before they are run together (Target::run_batch).
  /// Learning and parent choice see a batch's results after the batch.
  /// Coverage sources measure single runs, so they force 1.
  size_t batch = 1;
  /// Called with each new finding once it is reduced (and saved), or at
  /// the end of the run for one whose reduction was cut off.
  std::function<void(const Finding&)> on_finding;
  /// How much a feature counts when parents are picked (default 1 each): a
  /// parent's weight is the sum over its features of weight / how many
  /// queued cases hold it. A front raises the features it aims at (a
  /// campaign's goals) and lowers the merely fine-grained ones.
  std::function<double(Feature)> feature_weight;
  /// Checked after each batch: true ends the run (a campaign whose goals are met).
  std::function<bool()> done;
  /// Inputs a front proposes instead of generated ones, for a systematic
  /// search (a campaign's calibration): called before each run (batches
  /// are then single runs), nullopt ends the run. A proposal is run, kept,
  /// reported and shrunk like any generated input; the front learns each
  /// result through its target.
  std::function<std::optional<ChoiceTree>()> propose;
  /// Called between batches (and once at the start): inputs other
  /// processes of the campaign found (a shared --sync-dir, SyncDir), run
  /// before generated ones and kept, like any input, only if they add
  /// coverage here. Empty: nothing new.
  std::function<std::vector<ChoiceTree>()> import_inputs;
  /// Failures whose signature this returns true for are counted in
  /// EngineReport::known (expected failures) and neither reduced nor kept.
  std::function<bool(const std::string& signature)> is_known_failure;
};

struct Finding {
  std::string signature;
  std::string case_id;  ///< empty without a store
  ChoiceTree tree;      ///< shrunk
  ChoiceTree original;
  std::string value_text;
  std::string original_text;
  std::string detail;
  uint64_t found_at_run = 0;  ///< 1-based run index
  double found_at_seconds = 0;  ///< since the engine started
  size_t shrink_calls = 0;   ///< candidates the reduction's steps asked about
  size_t shrink_rounds = 0;  ///< target calls they took (fewer: candidates run together)
  /// The reduction stopped at its budget (calls or time), not at a minimum.
  bool shrink_budget_spent = false;
  /// The reduction ran to its end (a minimum, or its budget); false when
  /// the run's budget or an interrupt cut it off, or without shrinking.
  bool reduction_finished = false;
  std::vector<ShrinkPassStats> shrink_log;
};

struct EngineReport {
  uint64_t runs = 0;
  uint64_t kept = 0;
  uint64_t discards = 0;
  uint64_t duplicates = 0;
  /// With recheck: cases whose second run changed the verdict, or the features.
  uint64_t rechecks = 0;
  uint64_t flaky_verdicts = 0;
  uint64_t flaky_coverage = 0;
  uint64_t resumed_cases = 0;
  bool exhausted = false;
  double seconds = 0;
  size_t features = 0;
  std::vector<Finding> findings;
  /// Known failures seen (EngineOptions::is_known_failure), by signature.
  std::map<std::string, uint64_t> known;
};

class Engine {
 public:
  Engine(Target& target, EngineOptions options);
  ~Engine();
  EngineReport run();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Replays `tree` on `target` (missing decisions filled with simplest values)
/// and returns the result and the forced tree the run used.
std::pair<RunResult, ChoiceTree> replay(Target& target, const ChoiceTree& tree, int size);
/// Renders the value `tree` produces.
std::string describe(Target& target, const ChoiceTree& tree, int size);
/// Replays the trees in one Target::run_until_failure: the results of a
/// prefix of them (at least one), each with the forced tree it used.
std::vector<std::pair<RunResult, ChoiceTree>> replay_batch(Target& target, std::span<const ChoiceTree> trees, int size);
/// Shrinks a failing tree of `target`, keeping `signature`. With a
/// `lookahead` above 1 the candidates are run that many at a time
/// (shrink_batched, at most `max_rounds` batches); the result is the same.
ShrinkResult minimize(Target& target, const ChoiceTree& failing, const std::string& signature,
                      int size, ShrinkOptions options = {}, size_t lookahead = 1,
                      size_t max_rounds = static_cast<size_t>(-1));

}  // namespace testgen
