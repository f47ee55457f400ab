// testgen campaign: leanguard-testgen's generation campaign for one protocol
// (src/scenario/campaign.h); this file parses and prints.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "campaign.h"
#include "cli_support.h"
#include "common_options.h"
#include "error_exit.h"
#include "exit_codes.h"
#include "scenario_flags.h"
#include "scenario_front.h"
#include "testgen/interrupt.h"

namespace testgen::cli {
namespace fs = std::filesystem;
using nlohmann::json;

int run_campaign(const Args& args) {
  CLI::App app{"Run a generation campaign for one protocol: the seeds tagged with it (and matching\n"
               "--seed-filter) are mutated by the engine for --budget runs, parents chosen toward rare\n"
               "coverpoints and, above all, the --goal coverpoints (comma-separated or repeated). When the\n"
               "budget is spent with goals unmet, calibration takes the kept case closest to them (by the\n"
               "checkers' 'near.<coverpoint>' stats) and hill-climbs one knob at a time for up to\n"
               "--max-calibration-iters runs. Stops early once every goal is met. Findings are kept in\n"
               "rejected/ as found, then replaced by their reduction; every case's metadata records the\n"
               "campaign options. --dry-run prints the plan and runs nothing. JSON summary on stdout; exit 1\n"
               "on a finding, 130/143 when interrupted (the summary so far).",
               "testgen campaign"};
  FrontOptions g;
  EngineBudget budget;
  scenario::ScenarioParams params;
  ScenarioFlags flags;
  scenario::CampaignOptions options;
  std::vector<std::string> raw_goals;
  bool dry_run = false, quiet = false;
  app.add_option("--protocol", params.protocol, "seeds tagged with this ('# tags: ...' in the seed)")->required();
  add_engine_flags(app, budget, {.runs = 0, .shrink_calls = 100, .runs_required = true, .runs_help = "runs of exploration"});
  app.add_option("--goal", raw_goals, "coverpoints to reach (comma-separated, or repeat the option)");
  app.add_option("--max-calibration-iters", options.max_calibration, "runs calibration may use")
      ->capture_default_str()
      ->check(count_in(0, 1e9));
  app.add_option("--seed-filter", params.seed_filter, "only seeds whose file name contains this (or matches it as a glob)");
  app.add_flag("--dry-run", dry_run, "print the plan, run nothing");
  params.max_mutations = 8;
  add_scenario_flags(app, params, flags);
  app.add_flag("-q,--quiet", quiet, "no progress line");
  add_global_options(app, g, kDefaultScenarioCorpus);
  if (auto stop = parse(app, "campaign", args)) return *stop;

  return guarded("campaign", [&] {
    params.goals = scenario::split_goals(raw_goals);
    if (!params.schema_file.empty()) params.schema_file = fs::absolute(params.schema_file).string();
    options.budget = budget;
    options.uniform = flags.schedule == "uniform-seeds";
    options.allow_nondeterministic = g.allow_nondeterministic;
    const scenario::Runner runner = runner_for(g, flags);
    if (dry_run) {
      print_json(scenario::campaign_plan(g.corpus_root, params, options, runner.description));
      return kExitOk;
    }
    const std::unique_ptr<Corpus> opened = scenario::ScenarioFront().open_corpus(g.corpus_root);
    Corpus& corpus = *opened;
    corpus.set_campaign_options(scenario::campaign_options_json(params, options).dump());
    scenario::ScenarioSession session(corpus.root(), corpus.work_dir(), params, runner);
    options.on_explore = progress_printer("campaign", quiet);
    options.on_calibrate = progress_printer("calibrate", quiet);
    const scenario::CampaignResult result = scenario::run_campaign(session, corpus, options);
    end_progress_line(quiet);
    const EngineReport& report = result.report;
    print_json({{"runner", runner.description},
                {"corpus_root", g.corpus_root},
                {"protocol", params.protocol},
                {"seeds", session.seeds().names},
                {"options", scenario::campaign_options_json(params, options)},
                {"goals", result.goals},
                {"goals_met", result.goals_met},
                {"runs", report.runs},
                {"accepted", report.kept},
                {"invalid", report.discards},
                {"coverpoints", session.target().coverpoints_seen().size()},
                {"features", report.features},
                {"rechecks", report.rechecks},
                {"flaky_verdicts", report.flaky_verdicts},
                {"flaky_coverage", report.flaky_coverage},
                {"calibration", result.calibration},
                {"sync", result.sync},
                {"quarantined", corpus.quarantined()},
                {"interrupted", interrupted()},
                {"findings", scenario::findings_json(report, corpus)}});
    return report.findings.empty() ? kExitOk : kExitFinding;
  });
}

}  // namespace testgen::cli
