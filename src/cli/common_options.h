#pragma once
// Options declared once for every subcommand that takes them: the global
// options (leanguard-testgen's, accepted before or after the subcommand),
// the engine's budget and shrinking flags, and range-checked numbers.

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>

#include "front.h"
#include "subcommands.h"

namespace testgen::cli {

/// --corpus-root, --checker-dir, --runner/--leanguard-run, --runner-cmd,
/// --allow-nondeterministic, --allow-unsafe-lua.
void add_global_options(CLI::App& app, FrontOptions& options, const std::string& default_corpus_root = "");

/// `testgen --corpus-root DIR seed-index SRC`: the global options before
/// the subcommand are moved after it. Returns the arguments to dispatch.
Args hoist_global_options(const Args& args);

/// A front's defaults for the engine flags.
struct EngineDefaults {
  uint64_t runs = 10000;
  size_t shrink_calls = 1000;
  bool runs_required = false;
  std::string runs_help = "budget in runs";
};
/// --runs/--budget, --time, --rng-seed, --shrink-calls, --shrink-time,
/// --no-shrink, --shard, every number range-checked.
void add_engine_flags(CLI::App& app, EngineBudget& budget, const EngineDefaults& defaults);

/// A number in [lo, hi] (finite: "nan" and "inf" are refused), written as
/// decimal; the error gives the range.
CLI::Validator number_in(double lo, double hi);
/// A whole number in [lo, hi] (no sign, no fraction).
CLI::Validator count_in(double lo, double hi);

}  // namespace testgen::cli
