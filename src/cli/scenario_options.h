#pragma once
// What the scenario subcommands (and replay and minimize, for scenario
// cases) share: leanguard-testgen's global options, finding the runner, the
// target's name, and the corpus as one target sees it.

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "runner.h"
#include "scenario_target.h"
#include "testgen/engine.h"

namespace testgen::cli {

struct ScenarioArgs {
  std::string corpus_root = "leanguard_corpus";
  std::string checker_dir;
  std::string runner;
  std::string runner_cmd;
  bool allow_nondeterministic = false;
};

/// --corpus-root (unless `with_corpus_root` is false), --checker-dir,
/// --runner/--leanguard-run, --runner-cmd, --allow-nondeterministic.
void add_globals(CLI::App& app, ScenarioArgs& g, bool with_corpus_root = true);

/// --runner, --runner-cmd, then leanguard-run beside testgen or on PATH (as
/// leanguard-testgen looked), then the bundled simulator. RunnerError if none.
scenario::Runner find_runner(const ScenarioArgs& g);

/// "scenario:all|4": the seeds drawn from (a protocol tag, or all) and the
/// most mutations, which replay needs to read a tree the same way.
std::string scenario_target_name(const std::string& protocol, int64_t max_mutations);

/// Runs a subcommand's body and turns what it throws into one error line and
/// an exit code: a runner that cannot be used 2 (usage), a malformed
/// scenario, schema or corpus file 3, a corpus that cannot be written 5, a
/// generator error 4.
int with_scenario_errors(std::string_view command, const std::function<int()>& body);

/// The engine's options for fuzz and campaign: rechecks of new queue
/// entries and rejects (flaky rejects reported only with
/// --allow-nondeterministic), invalid scenarios made rarer, the target's
/// feature weights; `uniform` is leanguard-testgen's schedule (an original
/// seed mutated each time, nothing learnt).
EngineOptions scenario_engine_options(uint64_t seed, bool uniform, bool shrink, size_t shrink_calls, CaseStore& store,
                                      bool allow_nondeterministic, scenario::ScenarioTarget& target);

/// The findings of a scenario run, for JSON summaries.
nlohmann::json findings_json(const EngineReport& report, const std::string& corpus_root);

/// A corpus seen by one scenario target: it resumes only the cases that
/// target kept (a tree means something only to the generator that drew it).
class TargetStore : public CaseStore {
 public:
  TargetStore(CaseStore& store, std::string target) : store_(store), target_(std::move(target)) {}
  std::string save(const CaseRecord& record) override { return store_.save(record); }
  std::vector<StoredCase> load() override;
  void save_coverage(const GlobalCoverage& coverage, bool final) override { store_.save_coverage(coverage, final); }

 private:
  CaseStore& store_;
  std::string target_;
};

}  // namespace testgen::cli
