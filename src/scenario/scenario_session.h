#pragma once
// What fuzz, campaign and a replayed scenario case share: which seeds a
// run draws from, the target over them (with the scratch directory and
// process runner it needs), its spec and identity, and the engine options
// a scenario run uses.

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "front.h"
#include "runner.h"
#include "scenario_target.h"
#include "seeds.h"
#include "testgen/corpus.h"

namespace testgen::scenario {

/// The scenario target's parameters (TargetSpec params: protocol,
/// max_mutations, seed_filter, schema, trace_signature).
struct ScenarioParams {
  std::string protocol = "all";  ///< a seed tag, or "all"
  std::string seed_filter;       ///< substring or glob of seed file names
  std::string schema_file;       ///< absolute, or ""
  int64_t max_mutations = 4;
  bool trace_signature = false;
  std::vector<std::string> goals;  ///< not part of the spec: they steer, they do not change what a tree means
  uint64_t max_log_bytes = uint64_t{64} << 20;  ///< each log a kept case copies is cut here (not in the spec either)

  TargetSpec spec() const;
  static ScenarioParams from_spec(const TargetSpec& spec);  ///< CorpusError if malformed
  /// The identity kept cases are resumed by ("scenario:raft|8|seeds:...").
  std::string target_name() const;
};

/// The seeds of a corpus that a run draws from.
struct SeedChoice {
  std::vector<Seed> seeds;         ///< all of them, sorted by name
  std::vector<SeedInfo> infos;
  std::vector<size_t> chosen;      ///< indices into seeds (empty: all)
  std::vector<std::string> names;  ///< of the chosen seeds
};
/// InputError when the corpus has no seeds, or none with the protocol's
/// tag and the filter (naming the tags there are).
SeedChoice choose_seeds(const std::filesystem::path& root, const ScenarioParams& params);

/// A scenario target with what it needs alive: the seeds, a scratch
/// directory under `work_parent` and a process runner.
class ScenarioSession {
 public:
  ScenarioSession(const std::filesystem::path& root, const std::filesystem::path& work_parent, ScenarioParams params,
                  Runner runner);
  ScenarioTarget& target() { return *target_; }
  const SeedChoice& seeds() const { return seeds_; }
  const ScenarioParams& params() const { return params_; }
  const Runner& runner() const { return runner_; }
  std::shared_ptr<const MutationContext> context() const { return context_; }

 private:
  ScenarioParams params_;
  Runner runner_;
  SeedChoice seeds_;
  std::shared_ptr<const MutationContext> context_;
  ScratchDir scratch_;
  SubprocessRunner processes_;
  std::unique_ptr<ScenarioTarget> target_;
};

/// The engine's options for a scenario run: rechecks of new queue entries
/// and rejects (flaky rejects reported only with allow_nondeterministic),
/// invalid scenarios made rarer, the target's feature weights; `uniform` is
/// leanguard-testgen's schedule (an original seed mutated each time,
/// nothing learnt). Budget and shrinking are the caller's.
EngineOptions scenario_engine_options(bool uniform, bool allow_nondeterministic, CaseStore& store,
                                      ScenarioTarget& target);

/// The files a scenario case keeps, for the corpus's metadata.
std::vector<KeptFile> scenario_kept_files();

/// The findings of a run, for JSON summaries.
nlohmann::json findings_json(const EngineReport& report, const Corpus& corpus);

}  // namespace testgen::scenario
