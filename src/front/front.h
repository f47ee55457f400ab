#pragma once
// The front layer, between the engine and the command line. A front is a
// kind of target (puzzle, abi, scenario, ...): one row in the table of
// fronts (front_table.cc). Each row rebuilds its Target from a stored
// case's TargetSpec, declares the files it keeps in a case directory, and
// replays and minimises a stored case, returning results for the caller to
// print. `testgen replay` and `testgen minimize` look the front up by the
// name in case.json and have no per-front code.
//
// Adding a front: a Target whose spec() names the front, a Front subclass
// beside it (in the front's own folder), a row in fronts().

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "testgen/corpus.h"
#include "testgen/engine.h"
#include "testgen/shard.h"
#include "sync_dir.h"

namespace testgen {

/// The options every subcommand accepts (leanguard-testgen's globals, before
/// or after the subcommand). Fronts use what concerns them: a scenario
/// replay needs the runner, an abi replay none of it.
struct FrontOptions {
  std::filesystem::path corpus_root;
  std::string checker_dir;
  std::string runner;      ///< --runner / --leanguard-run
  std::string runner_cmd;  ///< --runner-cmd
  bool allow_nondeterministic = false;
  /// Lua suites get io, os.execute and loading of C modules (off: a
  /// suite, and a replayed case's Lua, cannot start processes or write files).
  bool allow_unsafe_lua = false;
};

/// The engine's budget and shrinking, as every front that runs the engine
/// takes them (one set of flags: --runs/--budget, --time, --rng-seed,
/// --shrink-calls, --no-shrink, --shrink-time, --shard).
struct EngineBudget {
  uint64_t runs = 0;          ///< 0: the front's default
  /// The user gave the runs. Without them, a time limit alone is the
  /// budget: a front's default run count does not end a timed run early.
  bool runs_given = false;
  double seconds = 0;         ///< wall time, 0: no limit
  uint64_t rng_seed = 0;
  size_t shrink_calls = 0;    ///< 0: the front's default
  double shrink_seconds = 0;  ///< per finding, 0: no limit
  bool shrink = true;
  /// --shard I/N as given; without it the scheduler's environment decides
  /// (Shard::from_environment).
  std::optional<std::string> shard_flag;
  /// --sync-dir: a directory the processes of one campaign share, to
  /// exchange kept inputs while they run (SyncDir); "" for none.
  std::filesystem::path sync_dir;
  double sync_seconds = 10;  ///< --sync-every: how often the peers' inputs are read

  /// This process's shard: the flag, else the environment, else unsharded.
  /// UsageError for a malformed flag or variable.
  Shard shard() const;
  /// The seed of this process's stream: --rng-seed, mixed with the shard's index.
  uint64_t seed() const { return shard().seed(rng_seed); }
  /// The exchange through sync_dir, or null without one.
  std::unique_ptr<SyncDir> open_sync() const;
  /// The run limit: `runs`, or none (the largest count) when only a time
  /// limit was given.
  uint64_t run_limit() const;
  /// Sets the budget and shrinking of `options`, keeping its values where
  /// this budget leaves the front's default.
  void apply(EngineOptions& options) const;
};

/// A shard as summaries report it: {"index", "count", "from"}, or null
/// when the run is not sharded.
nlohmann::json shard_json(const Shard& shard);

/// An exchange as summaries report it: {"dir", "published", "imported"},
/// or null without one.
nlohmann::json sync_json(const SyncDir* sync);

/// What replaying a stored case came to.
struct ReplayReport {
  Verdict verdict = Verdict::kPass;
  std::string signature;  ///< of a failure; "" when it passes
  bool same_signature = false;
  std::string value;   ///< the input, as the front renders it
  std::string detail;
  std::string ran_with;  ///< the runner or tool that re-ran it ("" if none)
  /// Facts a front adds to the JSON result (a scenario's runner status and coverage).
  nlohmann::json extra = nlohmann::json::object();
};

struct MinimizeRequest {
  size_t max_runs = 1000;  ///< runs the reduction may use
  double max_seconds = 0;  ///< 0: no time limit
};

/// What minimising a stored case came to. The case directory is rewritten
/// (atomically) only when `reduced`.
struct MinimizeReport {
  bool reduced = false;
  std::string before, after;  ///< the input, as the front renders it
  size_t runs = 0;
  bool budget_spent = false;
  nlohmann::json extra = nlohmann::json::object();
};

class Front {
 public:
  virtual ~Front() = default;
  /// The name in case.json and in TargetSpec::front.
  virtual std::string_view name() const = 0;
  /// The files this front keeps in a case directory beside case.json and
  /// tree.json, for the corpus to name in each case's metadata.
  virtual std::vector<KeptFile> kept_files() const { return {}; }
  /// Rebuilds the target of a stored case from its spec (files the case
  /// keeps, e.g. the user's Lua, are read from `case_dir`). Throws
  /// CorpusError if the spec is not one this front can rebuild.
  virtual std::unique_ptr<Target> make_target(const TargetSpec& spec, const std::filesystem::path& case_dir,
                                               const FrontOptions& options) const = 0;
  /// For cases written before target specs (case version 1): the spec
  /// their target name stood for, or nullopt.
  virtual std::optional<TargetSpec> legacy_spec(const std::string& target_name) const;
  /// Opens (locks, repairs) the corpus at `root` for this front's cases.
  std::unique_ptr<Corpus> open_corpus(const std::filesystem::path& root) const {
    return std::make_unique<Corpus>(root, std::string(name()), kept_files());
  }
  /// Runs `testgen minimize` may use when not told.
  virtual size_t default_minimize_runs() const { return 1000; }
  /// Re-runs a stored case. The default replays its choice tree on the
  /// rebuilt target.
  virtual ReplayReport replay(const CaseInfo& stored, const FrontOptions& options) const;
  /// Reduces a stored finding further, keeping its signature, and rewrites
  /// the case in `corpus`. The default runs the core shrinker on its tree.
  /// Throws CorpusError when the case does not fail that way any more.
  virtual MinimizeReport minimize(const CaseInfo& stored, Corpus& corpus, const MinimizeRequest& request,
                                  const FrontOptions& options) const;

 protected:
  /// The stored case's target, rebuilt (through legacy_spec for old cases).
  std::unique_ptr<Target> rebuild(const CaseInfo& stored, const FrontOptions& options) const;
};

/// The table of fronts.
std::span<const Front* const> fronts();
/// The front called `name`; CorpusError naming the fronts there are.
const Front& front_named(std::string_view name);
/// The front of a stored case; CorpusError naming its case.json if unknown.
const Front& front_of(const CaseInfo& stored);

}  // namespace testgen
