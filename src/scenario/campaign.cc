#include "campaign.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "calibration.h"

namespace testgen::scenario {
namespace fs = std::filesystem;
using nlohmann::json;
namespace {

// Sum of closeness over the goals not met yet (the runner's "near.GOAL" stats).
double closeness_to(const RunSummary& summary, const std::vector<std::string>& unmet) {
  double total = 0;
  for (const std::string& g : unmet) total += closeness(summary, g);
  return total;
}

// What calibration climbs: closeness to the unmet goals where the runner
// reports it (`guided`); otherwise how rare what the run reached is (rare
// coverpoints reached together, counts in buckets few runs reached), which
// every runner gives. Not both: rarity moves with every run, and mixed in
// it would let the climb wander along a plateau of closeness.
double score_of(const RunSummary& summary, const std::vector<std::string>& features, const ScenarioTarget& target,
                const std::vector<std::string>& unmet, bool guided) {
  return guided ? closeness_to(summary, unmet) : target.rarity(features);
}

double score(const ScenarioTarget& target, const std::vector<std::string>& unmet, bool guided) {
  const RunOutcome& outcome = target.last_outcome();
  return outcome.summary ? score_of(*outcome.summary, target.last_features(), target, unmet, guided) : -1;
}

// The kept cases of this campaign's target that score best, best first:
// where calibration starts (and starts again when a climb gets stuck).
// `guided` is set when any of them is close to a goal by the runner's stats.
std::vector<std::pair<ChoiceTree, double>> starts(const Corpus& corpus, const ScenarioTarget& target,
                                                  const std::vector<std::string>& unmet, size_t how_many, bool& guided) {
  struct Kept {
    ChoiceTree tree;
    RunSummary summary;
    std::vector<std::string> features;
  };
  std::vector<Kept> kept;
  for (const CaseInfo& c : corpus.cases()) {  // sorted: the same starts whatever order the directory lists
    const fs::path summary = c.dir / "run_summary.json";
    if (c.target != target.name() || !fs::exists(summary)) continue;
    try {
      RunSummary s = parse_run_summary(read_file(summary), summary.string());
      guided = guided || closeness_to(s, unmet) > 0;
      std::vector<std::string> features = run_features(s, c.dir / "logs", target.feature_options());
      kept.push_back({Corpus::read_tree(c.dir), std::move(s), std::move(features)});
    } catch (const std::exception&) {
      continue;  // a case this campaign cannot read is no place to start from
    }
  }
  std::vector<std::pair<ChoiceTree, double>> found;
  for (Kept& k : kept) found.emplace_back(std::move(k.tree), score_of(k.summary, k.features, target, unmet, guided));
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (found.size() > how_many) found.resize(how_many);
  return found;
}

void add_up(EngineReport& total, EngineReport more, uint64_t explored) {
  total.runs += more.runs;
  total.kept += more.kept;
  total.discards += more.discards;
  total.rechecks += more.rechecks;
  total.flaky_verdicts += more.flaky_verdicts;
  total.flaky_coverage += more.flaky_coverage;
  total.features = std::max(total.features, more.features);
  for (Finding& f : more.findings) {
    f.found_at_run += explored;
    total.findings.push_back(std::move(f));
  }
}

// Calibration from the kept cases nearest the unmet goals; adds its runs to `result`.
void calibrate(ScenarioSession& session, Corpus& corpus, const CampaignOptions& options, EngineOptions base,
               const std::vector<std::string>& unmet, CampaignResult& result) {
  ScenarioTarget& target = session.target();
  target.freeze_rarity();
  bool guided = false;
  std::vector<std::pair<ChoiceTree, double>> from = starts(corpus, target, unmet, 8, guided);
  if (from.empty()) {
    result.calibration = {{"ran", false}, {"why", "no kept case to start from"}};
    return;
  }
  Calibration climb(session.context(), session.params().max_mutations, session.seeds().chosen,
                    options.budget.seed() ^ 0xca11b4a7e);
  size_t next_start = 0;
  climb.start(from[next_start].first, from[next_start].second);
  const double start_score = from[next_start++].second;
  double best = start_score;
  bool first = true;
  EngineOptions calibrate = std::move(base);
  calibrate.seed = options.budget.seed() + 1;
  calibrate.max_runs = options.max_calibration;
  calibrate.adapt = false;
  calibrate.novelty = false;
  calibrate.on_progress = options.on_calibrate;
  calibrate.propose = [&]() -> std::optional<ChoiceTree> {
    if (!first) climb.observe(score(target, unmet, guided));
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
  if (!first) climb.observe(score(target, unmet, guided));
  best = std::max(best, climb.best_score());
  result.calibration = {{"ran", true},
                        {"runs", more.runs},
                        {"climbs", guided ? "closeness to the goals (near.* stats)" : "rarity (no near.* stat)"},
                        {"score_from", start_score},
                        {"score_to", best},
                        {"starts", next_start},
                        {"climbed", climb.climbed()}};
  add_up(result.report, std::move(more), result.explored);
}

}  // namespace

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

json campaign_options_json(const ScenarioParams& params, const CampaignOptions& options) {
  return {{"protocol", params.protocol},
          {"goals", params.goals},
          {"budget", options.budget.runs},
          {"rng_seed", options.budget.rng_seed},
          {"shard", shard_json(options.budget.shard())},
          {"max_calibration_iters", options.max_calibration},
          {"seed_filter", params.seed_filter},
          {"use_trace_signature", params.trace_signature},
          {"schedule", options.uniform ? "uniform-seeds" : "coverage"},
          {"max_mutations", params.max_mutations},
          {"schema", params.schema_file},
          {"allow_nondeterministic", options.allow_nondeterministic}};
}

json campaign_plan(const fs::path& root, const ScenarioParams& params, const CampaignOptions& options,
                   const std::string& runner) {
  const SeedChoice seeds = choose_seeds(root, params);
  const bool goals = !params.goals.empty();
  return {{"dry_run", true},
          {"runner", runner},
          {"corpus_root", root.string()},
          {"seeds", seeds.names},
          {"options", campaign_options_json(params, options)},
          {"phases",
           {{{"phase", "explore"},
             {"runs", options.budget.runs},
             {"schedule", options.uniform ? "uniform-seeds" : "coverage"},
             {"stops", goals ? "at the budget or when every goal is met" : "at the budget"}},
            {{"phase", "calibrate"},
             {"runs_at_most", goals && !options.uniform ? options.max_calibration : 0},
             {"when", goals ? "if goals are unmet after exploring" : "never: no goals"}}}}};
}

CampaignResult run_campaign(ScenarioSession& session, Corpus& corpus, const CampaignOptions& options) {
  ScenarioTarget& target = session.target();
  const std::vector<std::string>& goals = session.params().goals;
  CorpusView store(corpus, target.name());
  std::set<std::string> met = corpus.observed_names();  // goals met before this campaign count
  auto unmet = [&] {
    for (const std::string& c : target.coverpoints_seen()) met.insert(c);
    std::vector<std::string> out;
    for (const std::string& goal : goals)
      if (!met.count(goal)) out.push_back(goal);
    return out;
  };
  EngineOptions base = scenario_engine_options(options.uniform, options.allow_nondeterministic, store, target);
  options.budget.apply(base);
  if (!goals.empty()) base.done = [&] { return unmet().empty(); };

  CampaignResult result;
  EngineOptions explore = base;
  explore.on_progress = options.on_explore;
  const std::unique_ptr<SyncDir> sync = options.budget.open_sync();
  if (sync) sync->attach(explore, target.name());
  // Goals the corpus has met before leave nothing to do.
  if (goals.empty() || !unmet().empty()) result.report = Engine(target, explore).run();
  result.explored = result.report.runs;

  result.calibration = {{"ran", false}};
  const std::vector<std::string> left = unmet();
  if (!left.empty() && options.max_calibration > 0 && !options.uniform)
    calibrate(session, corpus, options, base, left, result);
  const std::vector<std::string> still = unmet();
  for (const std::string& goal : goals) result.goals[goal] = !std::count(still.begin(), still.end(), goal);
  result.goals_met = still.empty();
  result.sync = sync_json(sync.get());
  return result;
}

}  // namespace testgen::scenario
