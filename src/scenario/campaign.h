#pragma once
// leanguard-testgen's generation campaign for one protocol: the engine
// explores with parents steered toward the goal coverpoints (and stops once
// all are met); if goals are still unmet when the budget is spent,
// calibration takes the kept cases closest to them (by the checkers'
// near.<coverpoint> stats) and hill-climbs one knob at a time.

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "front.h"
#include "scenario_session.h"

namespace testgen::scenario {

struct CampaignOptions {
  EngineBudget budget;            ///< runs of exploration, seed, shrinking
  size_t max_calibration = 300;   ///< runs calibration may use
  bool uniform = false;           ///< leanguard-testgen's schedule: no guidance, no calibration
  bool allow_nondeterministic = false;
  std::function<void(const Progress&)> on_explore, on_calibrate;
};

struct CampaignResult {
  EngineReport report;  ///< both phases
  uint64_t explored = 0;  ///< runs of the first phase
  nlohmann::json calibration;
  std::map<std::string, bool> goals;  ///< goal -> met (in this campaign or in the corpus before)
  bool goals_met = false;
  nlohmann::json sync;  ///< the --sync-dir exchange of the first phase (null: none)
};

/// "a,b" and repeated options into one list, in order, without duplicates.
std::vector<std::string> split_goals(const std::vector<std::string>& raw);

/// The options a campaign records in every case's metadata.
nlohmann::json campaign_options_json(const ScenarioParams& params, const CampaignOptions& options);

/// The plan --dry-run prints (seeds, options and the two phases); it
/// reads the corpus's seeds and writes nothing.
nlohmann::json campaign_plan(const std::filesystem::path& root, const ScenarioParams& params,
                             const CampaignOptions& options, const std::string& runner);

/// Runs the campaign on `session` (whose params hold the goals) over `corpus`.
CampaignResult run_campaign(ScenarioSession& session, Corpus& corpus, const CampaignOptions& options);

}  // namespace testgen::scenario
