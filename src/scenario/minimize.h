#pragma once
// Minimizing a rejected scenario the way its reader thinks of it: which of
// the recorded mutations matter (delta debugging over the list), then how
// far each numeric change can move back toward the seed's value. A try
// counts only if it fails with the same signature (the checker and the
// kind of violation), not merely "still rejects". Results are cached by the
// canonical TOML of the config, so no config runs twice.

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "mutation.h"

namespace testgen::scenario {

struct MinimizeOptions {
  size_t max_iters = 25;  ///< runs of the runner (cache hits are free)
};

struct MinimizeTry {
  std::string phase;    ///< "ddmin" or "numeric"
  std::string change;   ///< "mutations 0, 2 of 3" or "faults[0].down_ms: 0 -> 150"
  std::string outcome;  ///< the signature, "accept", "invalid" or "error: ..."
  bool cached = false;
  bool kept = false;
};

struct MinimizeResult {
  toml::table config;
  std::vector<Mutation> mutations;  ///< the ones kept, `to` as minimized
  std::vector<MinimizeTry> tries;
  size_t runs = 0, cache_hits = 0;
  bool budget_spent = false;
};

/// Applies recorded mutations to `seed` in order (each sets its path to its
/// `to`); a mutation whose path no longer exists is skipped.
toml::table apply_mutations(const toml::table& seed, const std::vector<Mutation>& mutations);

/// `run` runs one config and returns its outcome as in MinimizeTry.
MinimizeResult minimize_scenario(const toml::table& seed, std::vector<Mutation> mutations, const std::string& signature,
                                 const std::function<std::string(const toml::table&)>& run,
                                 MinimizeOptions options = {});

}  // namespace testgen::scenario
