// testgen campaign: leanguard-testgen's full generation campaign for one
// protocol. Seeds are chosen by tag (and --seed-filter); the engine explores
// with parents steered toward the --goal coverpoints; if goals are still
// unmet when the budget is spent, calibration climbs the runner's closeness
// to them one knob at a time. --dry-run prints the plan and runs nothing.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <fnmatch.h>

#include <nlohmann/json.hpp>
#include <set>

#include "calibration.h"
#include "cli_support.h"
#include "exit_codes.h"
#include "scenario_options.h"
#include "scenario_target.h"
#include "seeds.h"
#include "testgen/corpus.h"

namespace testgen::cli {
namespace fs = std::filesystem;
using nlohmann::json;
namespace {

std::vector<std::string> split_goals(const std::vector<std::string>& raw) {
  std::vector<std::string> goals;
  for (const std::string& r : raw) {
    size_t start = 0;
    while (start <= r.size()) {
      size_t comma = r.find(',', start);
      if (comma == std::string::npos) comma = r.size();
      std::string g = r.substr(start, comma - start);
      g.erase(0, g.find_first_not_of(" \t"));
      g.erase(g.find_last_not_of(" \t") + 1);
      if (!g.empty() && std::find(goals.begin(), goals.end(), g) == goals.end()) goals.push_back(g);
      start = comma + 1;
    }
  }
  return goals;
}

bool seed_matches(const std::string& name, const std::string& filter) {
  if (filter.empty()) return true;
  if (filter.find_first_of("*?[") != std::string::npos) return ::fnmatch(filter.c_str(), name.c_str(), 0) == 0;
  return name.find(filter) != std::string::npos;
}

// Sum of closeness over the goals not met yet: what calibration climbs.
double score(const scenario::RunOutcome& outcome, const std::vector<std::string>& unmet) {
  if (!outcome.summary) return -1;
  double total = 0;
  for (const std::string& g : unmet) total += scenario::closeness(*outcome.summary, g);
  return total;
}

// The kept cases of this campaign closest to the unmet goals, best first:
// where calibration starts (and starts again when a climb gets stuck).
std::vector<std::pair<ChoiceTree, double>> starts(const fs::path& root, const std::string& target,
                                                  const std::vector<std::string>& unmet, size_t how_many) {
  std::vector<std::pair<ChoiceTree, double>> found;
  for (const char* status : {"accepted", "rejected"}) {
    if (!fs::is_directory(root / status)) continue;
    std::vector<fs::path> dirs;
    for (const auto& e : fs::directory_iterator(root / status)) dirs.push_back(e.path());
    std::sort(dirs.begin(), dirs.end());  // the same starts whatever order the directory lists
    for (const fs::path& dir : dirs) {
      try {
        if (Corpus::read_case(dir).target != target || !fs::exists(dir / "run_summary.json")) continue;
        const scenario::RunSummary summary =
            scenario::parse_run_summary(read_file(dir / "run_summary.json"), (dir / "run_summary.json").string());
        double s = 0;
        for (const std::string& g : unmet) s += scenario::closeness(summary, g);
        found.emplace_back(Corpus::read_tree(dir), s);
      } catch (const std::exception&) {
        continue;  // a case this campaign cannot read is no place to start from
      }
    }
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (found.size() > how_many) found.resize(how_many);
  return found;
}

}  // namespace

int run_campaign(const Args& args) {
  CLI::App app{"Run a generation campaign for one protocol: the seeds tagged with it (and matching\n"
               "--seed-filter) are mutated by the engine for --budget runs, parents chosen toward rare\n"
               "coverpoints and, above all, the --goal coverpoints (comma-separated or repeated). When the\n"
               "budget is spent with goals unmet, calibration takes the kept case closest to them (by the\n"
               "checkers' 'near.<coverpoint>' stats) and hill-climbs one knob at a time for up to\n"
               "--max-calibration-iters runs. Stops early once every goal is met. Findings are kept in\n"
               "rejected/ reduced; every case's metadata records the campaign options. --dry-run prints\n"
               "the plan and runs nothing. JSON summary on stdout; exit 1 on a finding.",
               "testgen campaign"};
  ScenarioArgs g;
  std::string protocol, seed_filter, schema_file, schedule = "coverage";
  std::vector<std::string> raw_goals;
  uint64_t budget = 0, seed = 0;
  size_t max_calibration = 300, shrink_calls = 100;
  int64_t max_mutations = 8;
  bool dry_run = false, trace_signature = false, no_shrink = false, quiet = false;
  double timeout = 60;
  app.add_option("--protocol", protocol, "seeds tagged with this ('# tags: ...' in the seed)")->required();
  app.add_option("--budget", budget, "runs of exploration")->required();
  app.add_option("--rng-seed", seed, "seed of the campaign")->capture_default_str();
  app.add_option("--goal", raw_goals, "coverpoints to reach (comma-separated, or repeat the option)");
  app.add_option("--max-calibration-iters", max_calibration, "runs calibration may use")->capture_default_str();
  app.add_option("--seed-filter", seed_filter, "only seeds whose file name contains this (or matches it as a glob)");
  app.add_flag("--dry-run", dry_run, "print the plan, run nothing");
  app.add_flag("--use-trace-signature", trace_signature, "a trace's kind-sequence hash counts as coverage too");
  app.add_option("--schema", schema_file, "TOML: frozen paths, [ranges], [enums]")->check(CLI::ExistingFile);
  app.add_option("--schedule", schedule, "coverage (default) or uniform-seeds")
      ->check(CLI::IsMember({"coverage", "uniform-seeds"}));
  app.add_option("--max-mutations", max_mutations, "mutations per scenario, at most")->capture_default_str();
  app.add_option("--shrink-calls", shrink_calls, "runs the reduction of one finding may use")->capture_default_str();
  app.add_flag("--no-shrink", no_shrink, "keep findings as found");
  app.add_option("--runner-timeout", timeout, "seconds one run may take")->capture_default_str();
  app.add_flag("-q,--quiet", quiet, "no progress line");
  add_globals(app, g);
  if (auto stop = parse(app, "campaign", args)) return *stop;

  return with_scenario_errors("campaign", [&] {
    const std::vector<std::string> goals = split_goals(raw_goals);
    std::vector<scenario::SeedInfo> infos;
    std::vector<scenario::Seed> seeds = scenario::load_seeds(g.corpus_root, &infos);
    if (seeds.empty())
      return fail(kExitBadInput, fmt::format("{}/seeds: no seeds (run 'testgen seed-index DIR --corpus-root {}' first)",
                                             g.corpus_root, g.corpus_root));
    std::vector<size_t> chosen;
    std::vector<std::string> chosen_names;
    for (size_t i = 0; i < infos.size(); ++i)
      if (std::find(infos[i].tags.begin(), infos[i].tags.end(), protocol) != infos[i].tags.end() &&
          seed_matches(infos[i].name, seed_filter)) {
        chosen.push_back(i);
        chosen_names.push_back(infos[i].name);
      }
    if (chosen.empty()) {
      std::set<std::string> tags;
      for (const auto& i : infos) tags.insert(i.tags.begin(), i.tags.end());
      return fail(kExitBadInput, fmt::format("{}/seeds: no seed is tagged '{}'{} (tags there: {})", g.corpus_root,
                                             protocol, seed_filter.empty() ? "" : " and matches '" + seed_filter + "'",
                                             fmt::join(tags, ", ")));
    }
    const json options = {{"protocol", protocol},
                          {"goals", goals},
                          {"budget", budget},
                          {"rng_seed", seed},
                          {"max_calibration_iters", max_calibration},
                          {"seed_filter", seed_filter},
                          {"use_trace_signature", trace_signature},
                          {"schedule", schedule},
                          {"max_mutations", max_mutations},
                          {"schema", schema_file},
                          {"allow_nondeterministic", g.allow_nondeterministic}};
    scenario::Runner runner = find_runner(g);
    runner.timeout = std::chrono::milliseconds(static_cast<int64_t>(timeout * 1000));
    if (dry_run) {
      json plan = {{"dry_run", true},
                   {"runner", runner.description},
                   {"corpus_root", g.corpus_root},
                   {"seeds", chosen_names},
                   {"options", options},
                   {"phases",
                    {{{"phase", "explore"}, {"runs", budget}, {"schedule", schedule},
                      {"stops", goals.empty() ? "at the budget" : "at the budget or when every goal is met"}},
                     {{"phase", "calibrate"}, {"runs_at_most", goals.empty() ? 0 : max_calibration},
                      {"when", goals.empty() ? "never: no goals" : "if goals are unmet after exploring"}}}}};
      fmt::print("{}\n", plan.dump(2));
      return kExitOk;
    }

    scenario::Schema schema = schema_file.empty() ? scenario::Schema{} : scenario::Schema::load(schema_file);
    Corpus corpus(g.corpus_root, "scenario");
    corpus.set_campaign_options(options.dump());
    std::string name = scenario_target_name(protocol, max_mutations);
    if (!seed_filter.empty()) name += "|seeds:" + seed_filter;
    if (!schema_file.empty()) name += "|schema";
    TargetStore store(corpus, name);
    auto context = std::make_shared<scenario::MutationContext>(std::move(seeds), std::move(schema));
    SubprocessRunner processes;
    scenario::ScenarioTarget target({.context = context,
                                     .runner = runner,
                                     .work_dir = fs::absolute(fs::path(g.corpus_root) / "_work"),
                                     .max_mutations = max_mutations,
                                     .seed_filter = chosen,
                                     .trace_signature = trace_signature,
                                     .goals = goals,
                                     .name = name},
                                    processes);
    std::set<std::string> met;  // goals seen, in this campaign or the corpus before it
    if (const fs::path known = fs::path(g.corpus_root) / "metadata" / "global_coverage.json"; fs::exists(known)) {
      const json observed = json::parse(read_file(known), nullptr, false);
      if (observed.is_object() && observed.contains("observed") && observed["observed"].is_array())
        for (const json& item : observed["observed"])
          if (item.is_string()) met.insert(item.get<std::string>());
    }
    auto unmet = [&] {
      for (const std::string& c : target.coverpoints_seen()) met.insert(c);
      std::vector<std::string> out;
      for (const std::string& goal : goals)
        if (!met.count(goal)) out.push_back(goal);
      return out;
    };
    const bool uniform = schedule == "uniform-seeds";
    EngineOptions base =
        scenario_engine_options(seed, uniform, !no_shrink, shrink_calls, store, g.allow_nondeterministic, target);
    if (!goals.empty()) base.done = [&] { return unmet().empty(); };

    EngineOptions explore = base;
    explore.max_runs = budget;
    explore.on_progress = progress_printer("campaign", quiet);
    // Goals the corpus has met before leave nothing to do.
    EngineReport report = goals.empty() || !unmet().empty() ? Engine(target, explore).run() : EngineReport{};
    const uint64_t explored = report.runs;

    // Calibration: from the kept case nearest the goals, one knob at a time.
    json calibration = {{"ran", false}};
    std::vector<std::string> left = unmet();
    if (!left.empty() && max_calibration > 0 && !uniform) {
      std::vector<std::pair<ChoiceTree, double>> from = starts(g.corpus_root, name, left, 8);
      if (!from.empty()) {
        scenario::Calibration climb(context, max_mutations, chosen, seed ^ 0xca11b4a7e);
        size_t next_start = 0;
        climb.start(from[next_start].first, from[next_start].second);
        const double start_score = from[next_start++].second;
        double best = start_score;
        bool first = true;
        EngineOptions calibrate = base;
        calibrate.seed = seed + 1;
        calibrate.max_runs = max_calibration;
        calibrate.adapt = false;
        calibrate.novelty = false;
        calibrate.on_progress = progress_printer("calibrate", quiet);
        calibrate.propose = [&]() -> std::optional<ChoiceTree> {
          if (!first) climb.observe(score(target.last_outcome(), left));
          first = false;
          best = std::max(best, climb.best_score());
          std::optional<ChoiceTree> knob = climb.next();
          // Stuck (no knob helps): climb again from the next nearest case.
          while (!knob && next_start < from.size()) {
            climb.start(from[next_start].first, from[next_start].second);
            ++next_start;
            knob = climb.next();
          }
          return knob;
        };
        EngineReport more = Engine(target, calibrate).run();
        if (!first) climb.observe(score(target.last_outcome(), left));
        best = std::max(best, climb.best_score());
        calibration = {{"ran", true},           {"runs", more.runs},
                       {"score_from", start_score}, {"score_to", best},
                       {"starts", next_start},  {"climbed", climb.climbed()}};
        report.runs += more.runs;
        report.kept += more.kept;
        report.discards += more.discards;
        report.rechecks += more.rechecks;
        report.flaky_verdicts += more.flaky_verdicts;
        report.flaky_coverage += more.flaky_coverage;
        report.features = std::max(report.features, more.features);
        for (Finding& f : more.findings) {
          f.found_at_run += explored;
          report.findings.push_back(std::move(f));
        }
      } else {
        calibration = {{"ran", false}, {"why", "no kept case to start from"}};
      }
    }
    left = unmet();
    json goal_status = json::object();
    for (const std::string& goal : goals) goal_status[goal] = !std::count(left.begin(), left.end(), goal);
    const json out = {{"runner", runner.description},
                      {"corpus_root", g.corpus_root},
                      {"protocol", protocol},
                      {"seeds", chosen_names},
                      {"options", options},
                      {"goals", goal_status},
                      {"goals_met", left.empty()},
                      {"runs", report.runs},
                      {"accepted", report.kept},
                      {"invalid", report.discards},
                      {"coverpoints", target.coverpoints_seen().size()},
                      {"features", report.features},
                      {"rechecks", report.rechecks},
                      {"flaky_verdicts", report.flaky_verdicts},
                      {"flaky_coverage", report.flaky_coverage},
                      {"calibration", calibration},
                      {"findings", findings_json(report, g.corpus_root)}};
    fmt::print("{}\n", out.dump(2));
    return report.findings.empty() ? kExitOk : kExitFinding;
  });
}

}  // namespace testgen::cli
