#pragma once
// The options fuzz and campaign share (--schedule, --max-mutations,
// --schema, --use-trace-signature, --runner-timeout), and the runner they
// name with the global options.

#include <CLI/CLI.hpp>
#include <string>

#include "front.h"
#include "runner.h"
#include "scenario_session.h"

namespace testgen::cli {

inline constexpr const char* kDefaultScenarioCorpus = "leanguard_corpus";

struct ScenarioFlags {
  std::string schedule = "coverage";
  double runner_timeout = 60;
};

void add_scenario_flags(CLI::App& app, scenario::ScenarioParams& params, ScenarioFlags& flags);

/// The runner the global options name, with the flags' timeout.
scenario::Runner runner_for(const FrontOptions& options, const ScenarioFlags& flags);

}  // namespace testgen::cli
