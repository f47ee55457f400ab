// Scenario campaigns with leanguard-testgen's command line: seed-index and
// fuzz (campaign and the scenario side of minimize are next).
#include <fmt/format.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "cli_support.h"
#include "exit_codes.h"
#include "scenario_options.h"
#include "scenario_target.h"
#include "seeds.h"
#include "testgen/corpus.h"

namespace testgen::cli {
namespace fs = std::filesystem;
namespace {

int seed_index(const Args& args) {
  CLI::App app{"Copy seed scenarios (*.toml of a directory, or one file) into CORPUS/seeds/ and index them in\n"
               "CORPUS/metadata/seeds_index.json (name, tags from '# tags: a, b' lines, content hash).\n"
               "Every seed is checked first; a malformed one is named with its line and nothing is copied.",
               "testgen seed-index"};
  ScenarioArgs g;
  std::string source;
  app.add_option("seeds_src", source, "directory of seed *.toml files, or one file")->required();
  add_globals(app, g);
  if (auto stop = parse(app, "seed-index", args)) return *stop;
  return with_scenario_errors("seed-index", [&] {
    const std::vector<scenario::SeedInfo> seeds = scenario::index_seeds(source, g.corpus_root);
    nlohmann::json out = {{"corpus_root", g.corpus_root}, {"seeds", nlohmann::json::array()}};
    for (const scenario::SeedInfo& s : seeds)
      out["seeds"].push_back({{"name", s.name}, {"tags", s.tags}, {"hash", s.hash}, {"mutable_places", s.places}});
    fmt::print("{}\n", out.dump(2));
    return kExitOk;
  });
}

int fuzz(const Args& args) {
  CLI::App app{"Generate scenarios from the indexed seeds with typed mutations drawn by the engine, run each\n"
               "with the runner, keep those that reach new coverpoints (accepted/) and the ones a checker\n"
               "rejects (rejected/, reduced to the mutations that matter). Parents come from the kept cases,\n"
               "favouring rare coverpoints; --schedule uniform-seeds mutates an original seed chosen\n"
               "uniformly each time, as leanguard-testgen did. Prints a JSON summary; exit 1 on a finding.",
               "testgen fuzz"};
  ScenarioArgs g;
  uint64_t budget = 100, seed = 0;
  int64_t max_mutations = 4;
  std::string schedule = "coverage", schema_file;
  bool trace_signature = false, no_shrink = false, quiet = false;
  size_t shrink_calls = 100;
  double timeout = 60;
  app.add_option("--budget", budget, "runs")->capture_default_str();
  app.add_option("--rng-seed", seed, "seed of the campaign")->capture_default_str();
  app.add_option("--schedule", schedule, "coverage (default) or uniform-seeds")
      ->check(CLI::IsMember({"coverage", "uniform-seeds"}));
  app.add_option("--max-mutations", max_mutations, "mutations per scenario, at most")->capture_default_str();
  app.add_option("--schema", schema_file, "TOML: frozen paths, [ranges], [enums]")->check(CLI::ExistingFile);
  app.add_flag("--use-trace-signature", trace_signature, "a trace's kind-sequence hash counts as coverage too");
  app.add_option("--shrink-calls", shrink_calls, "runs the reduction of one finding may use")->capture_default_str();
  app.add_flag("--no-shrink", no_shrink, "keep findings as found");
  app.add_option("--runner-timeout", timeout, "seconds one run may take")->capture_default_str();
  app.add_flag("-q,--quiet", quiet, "no progress line");
  add_globals(app, g);
  if (auto stop = parse(app, "fuzz", args)) return *stop;
  return with_scenario_errors("fuzz", [&] {
    scenario::Runner runner = find_runner(g);
    runner.timeout = std::chrono::milliseconds(static_cast<int64_t>(timeout * 1000));
    Corpus corpus(g.corpus_root, "scenario");
    std::vector<scenario::Seed> seeds = scenario::load_seeds(g.corpus_root);
    if (seeds.empty())
      return fail(kExitBadInput, fmt::format("{}/seeds: no seeds (run 'testgen seed-index DIR --corpus-root {}' first)",
                                             g.corpus_root, g.corpus_root));
    scenario::Schema schema = schema_file.empty() ? scenario::Schema{} : scenario::Schema::load(schema_file);
    SubprocessRunner processes;
    const std::string name = scenario_target_name("all", max_mutations) + (schema_file.empty() ? "" : "|schema");
    TargetStore store(corpus, name);
    scenario::ScenarioTarget target(
        {.context = std::make_shared<scenario::MutationContext>(std::move(seeds), std::move(schema)),
         .runner = runner,
         .work_dir = fs::absolute(fs::path(g.corpus_root) / "_work"),
         .max_mutations = max_mutations,
         .trace_signature = trace_signature,
         .name = name},
        processes);
    EngineOptions options = scenario_engine_options(seed, schedule == "uniform-seeds", !no_shrink, shrink_calls, store,
                                                    g.allow_nondeterministic, target);
    options.max_runs = budget;
    options.on_progress = progress_printer("fuzz", quiet);
    const EngineReport report = Engine(target, options).run();
    const nlohmann::json findings = findings_json(report, g.corpus_root);
    const nlohmann::json out = {{"runner", runner.description}, {"corpus_root", g.corpus_root},
                                {"schedule", schedule},         {"runs", report.runs},
                                {"accepted", report.kept},      {"invalid", report.discards},
                                {"coverpoints", target.coverpoints_seen().size()},
                                {"features", report.features}, {"rechecks", report.rechecks},
                                {"flaky_verdicts", report.flaky_verdicts}, {"flaky_coverage", report.flaky_coverage},
                                {"findings", findings}};
    fmt::print("{}\n", out.dump(2));
    return findings.empty() ? kExitOk : kExitFinding;
  });
}

}  // namespace

int run_seed_index(const Args& args) { return seed_index(args); }
int run_fuzz(const Args& args) { return fuzz(args); }

}  // namespace testgen::cli
