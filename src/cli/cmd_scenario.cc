// Scenario campaigns with leanguard-testgen's command line: seed-index and fuzz.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli_support.h"
#include "common_options.h"
#include "error_exit.h"
#include "exit_codes.h"
#include "scenario_flags.h"
#include "scenario_front.h"
#include "scenario_session.h"
#include "testgen/interrupt.h"

namespace testgen::cli {
namespace fs = std::filesystem;
namespace {

int seed_index(const Args& args) {
  CLI::App app{"Copy seed scenarios (*.toml of a directory, or one file) into CORPUS/seeds/ and index them in\n"
               "CORPUS/metadata/seeds_index.json (name, tags from '# tags: a, b' lines, content hash).\n"
               "Every seed is checked first; a malformed one is named with its line and nothing is copied.",
               "testgen seed-index"};
  FrontOptions g;
  std::string source;
  app.add_option("seeds_src", source, "directory of seed *.toml files, or one file")->required();
  add_global_options(app, g, kDefaultScenarioCorpus);
  if (auto stop = parse(app, "seed-index", args)) return *stop;
  return guarded("seed-index", [&] {
    const std::unique_ptr<Corpus> corpus = scenario::ScenarioFront().open_corpus(g.corpus_root);
    const std::vector<scenario::SeedInfo> seeds = scenario::index_seeds(source, *corpus);
    nlohmann::json out = {{"corpus_root", g.corpus_root}, {"seeds", nlohmann::json::array()}};
    for (const scenario::SeedInfo& s : seeds)
      out["seeds"].push_back({{"name", s.name}, {"tags", s.tags}, {"hash", s.hash}, {"mutable_places", s.places}});
    print_json(out);
    return kExitOk;
  });
}

int fuzz(const Args& args) {
  CLI::App app{"Generate scenarios from the indexed seeds with typed mutations drawn by the engine, run each\n"
               "with the runner, keep those that reach new coverpoints (accepted/) and the ones a checker\n"
               "rejects (rejected/, saved as found, then replaced by the reduction to the mutations that\n"
               "matter). Parents come from the kept cases, favouring rare coverpoints; --schedule\n"
               "uniform-seeds mutates an original seed chosen uniformly each time, as leanguard-testgen did.\n"
               "Prints a JSON summary; exit 1 on a finding, 130/143 when interrupted (the summary so far).",
               "testgen fuzz"};
  FrontOptions g;
  EngineBudget budget;
  scenario::ScenarioParams params;
  ScenarioFlags flags;
  bool quiet = false, stop_on_finding = false;
  add_engine_flags(app, budget, {.runs = 100, .shrink_calls = 100, .runs_help = "runs"});
  add_scenario_flags(app, params, flags);
  app.add_flag("--stop-on-finding", stop_on_finding, "end at the first violation (after reducing it)");
  app.add_flag("-q,--quiet", quiet, "no progress line");
  add_global_options(app, g, kDefaultScenarioCorpus);
  if (auto stop = parse(app, "fuzz", args)) return *stop;
  return guarded("fuzz", [&] {
    if (!params.schema_file.empty()) params.schema_file = fs::absolute(params.schema_file).string();
    const scenario::Runner runner = runner_for(g, flags);
    const std::unique_ptr<Corpus> opened = scenario::ScenarioFront().open_corpus(g.corpus_root);
    Corpus& corpus = *opened;
    scenario::ScenarioSession session(corpus.root(), corpus.work_dir(), params, runner);
    CorpusView store(corpus, session.target().name());
    EngineOptions options = scenario::scenario_engine_options(flags.schedule == "uniform-seeds", g.allow_nondeterministic,
                                                              store, session.target());
    budget.apply(options);
    const std::unique_ptr<SyncDir> sync = budget.open_sync();
    if (sync) sync->attach(options, session.target().name());
    options.stop_on_failure = stop_on_finding;
    options.on_progress = progress_printer("fuzz", quiet);
    const EngineReport report = Engine(session.target(), options).run();
    end_progress_line(quiet);
    const nlohmann::json findings = scenario::findings_json(report, corpus);
    print_json({{"runner", runner.description}, {"corpus_root", g.corpus_root},
                {"schedule", flags.schedule},     {"runs", report.runs},
                {"accepted", report.kept},        {"invalid", report.discards},
                {"coverpoints", session.target().coverpoints_seen().size()},
                {"features", report.features},    {"rechecks", report.rechecks},
                {"flaky_verdicts", report.flaky_verdicts}, {"flaky_coverage", report.flaky_coverage},
                {"quarantined", corpus.quarantined()},
                {"interrupted", interrupted()},   {"shard", shard_json(budget.shard())},
                {"sync", sync_json(sync.get())},
                {"findings", findings}});
    return findings.empty() ? kExitOk : kExitFinding;
  });
}

}  // namespace

int run_seed_index(const Args& args) { return seed_index(args); }
int run_fuzz(const Args& args) { return fuzz(args); }

}  // namespace testgen::cli
