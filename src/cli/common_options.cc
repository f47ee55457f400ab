#include "common_options.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

#include "testgen/errors.h"
#include "testgen/shard.h"

namespace testgen::cli {
namespace {

struct GlobalOption {
  std::string_view name;
  bool takes_value;
};
constexpr GlobalOption kGlobals[] = {{"--corpus-root", true},           {"--checker-dir", true},
                                     {"--runner", true},                {"--leanguard-run", true},
                                     {"--runner-cmd", true},            {"--allow-nondeterministic", false},
                                     {"--allow-unsafe-lua", false}};

const GlobalOption* global_option(std::string_view arg) {
  const std::string_view name = arg.substr(0, arg.find('='));
  for (const GlobalOption& g : kGlobals)
    if (g.name == name) return &g;
  return nullptr;
}

std::string range_text(double lo, double hi) { return fmt::format("{:g} to {:g}", lo, hi); }

}  // namespace

CLI::Validator number_in(double lo, double hi) {
  return CLI::Validator(
      [lo, hi](std::string& text) -> std::string {
        char* end = nullptr;
        const double v = std::strtod(text.c_str(), &end);
        if (text.empty() || *end != '\0' || !std::isfinite(v) || v < lo || v > hi)
          return fmt::format("'{}' is not a number from {}", text, range_text(lo, hi));
        return "";
      },
      fmt::format("NUMBER in {}", range_text(lo, hi)));
}

CLI::Validator count_in(double lo, double hi) {
  return CLI::Validator(
      [lo, hi](std::string& text) -> std::string {
        const bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
        const double v = digits ? std::strtod(text.c_str(), nullptr) : -1;
        if (!digits || v < lo || v > hi) return fmt::format("'{}' is not a whole number from {}", text, range_text(lo, hi));
        return "";
      },
      fmt::format("INTEGER in {}", range_text(lo, hi)));
}

void add_global_options(CLI::App& app, FrontOptions& g, const std::string& default_corpus_root) {
  CLI::Option* root = app.add_option("--corpus-root", g.corpus_root, "the corpus");
  if (!default_corpus_root.empty()) {
    g.corpus_root = default_corpus_root;
    root->capture_default_str();
  }
  app.add_option("--checker-dir", g.checker_dir,
                 "scenario cases: where the runner finds checkers (default: lean/.lake/build/bin for leanguard-run, "
                 "the bundled checkers for the bundled simulator)");
  app.add_option("--runner,--leanguard-run", g.runner, "scenario cases: a runner speaking leanguard-run's protocol");
  app.add_option("--runner-cmd", g.runner_cmd,
                 "scenario cases: any program, as a template: 'prog --config {config} --log-dir {log_dir}' (also "
                 "{checker_dir}, {coverage_dir}); it prints a RunSummaryV1 or leaves {log_dir}/run_summary.json");
  app.add_flag("--allow-nondeterministic", g.allow_nondeterministic,
               "scenario cases: let the runner run nondeterministic scenarios, and report flaky rejects");
  app.add_flag("--allow-unsafe-lua", g.allow_unsafe_lua,
               "Lua suites (and the Lua a replayed case holds) may start processes and write files");
}

Args hoist_global_options(const Args& args) {
  Args globals;
  size_t i = 0;
  while (i < args.size()) {
    const GlobalOption* g = global_option(args[i]);
    if (!g) break;
    globals.push_back(args[i]);
    const bool inline_value = args[i].find('=') != std::string::npos;
    if (g->takes_value && !inline_value && i + 1 < args.size()) globals.push_back(args[++i]);
    ++i;
  }
  if (globals.empty() || i >= args.size()) return args;
  Args out{args[i]};  // the subcommand
  // Subcommands with actions (abi hunt) take options after the action.
  size_t rest = i + 1;
  const Subcommand* command = find_subcommand(args[i]);
  if (command && !command->action.empty() && rest < args.size() && !args[rest].starts_with("-")) out.push_back(args[rest++]);
  out.insert(out.end(), globals.begin(), globals.end());
  out.insert(out.end(), args.begin() + static_cast<std::ptrdiff_t>(rest), args.end());
  return out;
}

void add_engine_flags(CLI::App& app, EngineBudget& b, const EngineDefaults& d) {
  b.runs = d.runs;
  b.shrink_calls = d.shrink_calls;
  CLI::Option* runs = app.add_option("--runs,--budget", b.runs, d.runs_help + " (with --time alone: no run limit)")
                          ->check(count_in(0, 1e12))
                          ->each([&b](const std::string&) { b.runs_given = true; });
  if (d.runs_required) runs->required();
  else runs->capture_default_str();
  app.add_option("--time", b.seconds, "wall time in seconds, reduction included (0: no limit)")
      ->capture_default_str()
      ->check(number_in(0, 1e7));
  app.add_option("--rng-seed", b.rng_seed, "seed of the run; the same seed and options give the same output")
      ->capture_default_str()
      ->check(count_in(0, 18446744073709551615.0));
  app.add_option("--shrink-calls", b.shrink_calls, "runs the reduction of one finding may use")
      ->capture_default_str()
      ->check(count_in(0, 1e9));
  app.add_option("--shrink-time", b.shrink_seconds, "seconds the reduction of one finding may take (0: no limit)")
      ->capture_default_str()
      ->check(number_in(0, 1e7));
  app.add_flag("--shrink,!--no-shrink", b.shrink, "keep findings as found, unreduced");
  app.add_option("--sync-dir", b.sync_dir,
                 "a directory the processes of one campaign share (shards, here or on other machines): each "
                 "publishes the inputs it keeps and runs the others' (kept here if they add coverage)");
  app.add_option("--sync-every", b.sync_seconds, "with --sync-dir: seconds between reads of the peers' inputs")
      ->capture_default_str()
      ->check(number_in(0, 86400));
  app.add_option_function<std::string>(
         "--shard", [&b](const std::string& text) { b.shard_flag = text; },
         "run shard I of N (0-based): its own seed stream and, in a hunt, its share of the pair x optimisation "
         "matrix; without it, read from TESTGEN_SHARD=I/N, a Slurm array task (SLURM_ARRAY_TASK_ID/COUNT) or a "
         "Kubernetes indexed Job (JOB_COMPLETION_INDEX with TESTGEN_SHARD_COUNT)")
      ->type_name("I/N")
      ->check(CLI::Validator(
          [](std::string& text) -> std::string {
            try {
              Shard::parse(text, "shard");
              return "";
            } catch (const UsageError& e) {
              return std::string(e.what()).substr(std::string_view("shard: ").size());  // CLI11 names the flag
            }
          },
          ""));
}

}  // namespace testgen::cli
