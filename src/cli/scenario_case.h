#pragma once
// replay and minimize of scenario cases: a scenario case is its config.toml
// (what leanguard-testgen replayed), so both work from the case's files and
// the corpus's seeds rather than from the choice tree.

#include <filesystem>

#include "scenario_options.h"

namespace testgen::cli {

/// Runs the case's config.toml again; exit 1 while it fails, 0 once it passes.
int replay_scenario_case(const std::filesystem::path& dir, const ScenarioArgs& g, bool quiet);

/// Delta debugging over the case's mutations, then numeric values back
/// toward the seed's, keeping the signature; rewrites the case in place
/// (config.orig.toml keeps the config as found, minimize_log.json says what
/// was tried).
int minimize_scenario_case(const std::filesystem::path& dir, const ScenarioArgs& g, size_t max_iters, bool quiet);

}  // namespace testgen::cli
