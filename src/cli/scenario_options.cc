#include "scenario_options.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <sstream>

#include "scenario_target.h"
#include "seeds.h"
#include "testgen/corpus.h"
#include "testgen/process.h"
#include "cli_support.h"
#include "exit_codes.h"

namespace testgen::cli {
namespace fs = std::filesystem;
namespace {

fs::path own_directory() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path(".") : exe.parent_path();
}

bool executable(const fs::path& p) { return ::access(p.c_str(), X_OK) == 0 && fs::is_regular_file(p); }

std::optional<fs::path> on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "");
  for (std::string dir; std::getline(dirs, dir, ':');)
    if (!dir.empty() && executable(fs::path(dir) / program)) return fs::path(dir) / program;
  return std::nullopt;
}

}  // namespace

// The options every scenario subcommand takes (leanguard-testgen's globals).
void add_globals(CLI::App& app, ScenarioArgs& g, bool with_corpus_root) {
  if (with_corpus_root) app.add_option("--corpus-root", g.corpus_root, "the corpus")->capture_default_str();
  app.add_option("--checker-dir", g.checker_dir,
                 "where the runner finds checkers (default: lean/.lake/build/bin for leanguard-run, the bundled "
                 "checkers for the bundled simulator)");
  app.add_option("--runner,--leanguard-run", g.runner, "a runner speaking leanguard-run's protocol");
  app.add_option("--runner-cmd", g.runner_cmd,
                 "any program, as a template: 'prog --config {config} --log-dir {log_dir}' (also {checker_dir}, "
                 "{coverage_dir}); it prints a RunSummaryV1 or leaves {log_dir}/run_summary.json");
  app.add_flag("--allow-nondeterministic", g.allow_nondeterministic,
               "let the runner run nondeterministic scenarios, and report flaky rejects");
}

// --runner, --runner-cmd, then leanguard-run beside us or on PATH (as
// leanguard-testgen looked), then the bundled simulator.
scenario::Runner find_runner(const ScenarioArgs& g) {
  if (!g.runner.empty() && !g.runner_cmd.empty())
    throw scenario::RunnerError("give --runner or --runner-cmd, not both");
  if (!g.runner_cmd.empty()) return scenario::command_runner(g.runner_cmd, g.checker_dir, g.allow_nondeterministic);
  const std::string lean_checkers = g.checker_dir.empty() ? "lean/.lake/build/bin" : g.checker_dir;
  if (!g.runner.empty()) {
    if (!executable(g.runner)) throw scenario::RunnerError(fmt::format("runner '{}' is not an executable file", g.runner));
    return scenario::leanguard_runner(g.runner, lean_checkers, g.allow_nondeterministic);
  }
  if (executable(own_directory() / "leanguard-run"))
    return scenario::leanguard_runner(own_directory() / "leanguard-run", lean_checkers, g.allow_nondeterministic);
  if (auto found = on_path("leanguard-run")) return scenario::leanguard_runner(*found, lean_checkers, g.allow_nondeterministic);
  const fs::path bundled = own_directory() / "raftlog-run";
  if (!executable(bundled))
    throw scenario::RunnerError("no runner: give --runner or --runner-cmd (no leanguard-run on PATH, no bundled "
                                "raftlog-run beside testgen)");
  scenario::Runner r = scenario::leanguard_runner(
      bundled, g.checker_dir.empty() ? own_directory() / "raftlog-checkers" : fs::path(g.checker_dir),
      g.allow_nondeterministic);
  r.description = fmt::format("bundled simulator: {}", bundled.string());
  return r;
}


int with_scenario_errors(std::string_view command, const std::function<int()>& body) {
  try {
    return body();
  } catch (const scenario::RunnerError& e) {
    return usage_error(command, e.what());
  } catch (const scenario::ScenarioError& e) {
    return fail(kExitBadInput, e.what());
  } catch (const CorpusWriteError& e) {
    return fail(kExitStorage, e.what());
  } catch (const CorpusError& e) {
    return fail(kExitBadInput, e.what());
  } catch (const GenerationError& e) {
    return fail(kExitGenerator, e.what());
  }
}

EngineOptions scenario_engine_options(uint64_t seed, bool uniform, bool shrink, size_t shrink_calls, CaseStore& store,
                                      bool allow_nondeterministic, scenario::ScenarioTarget& target) {
  EngineOptions options{.seed = seed,
                        .size = 4,
                        .adapt = !uniform,
                        .novelty = !uniform,
                        .mutate_ratio = uniform ? 0.0 : 0.7,
                        .shrink = shrink,
                        .shrinking = {.max_calls = shrink_calls},
                        .stop_on_failure = false,
                        .store = &store,
                        .progress_every = 10};
  // An invalid scenario (runner exit 2): the choices that made it become rarer.
  if (!uniform) options.discard_gain = -1;
  // New queue entries and rejects run twice; a reject that does not repeat
  // is no finding unless nondeterminism is allowed.
  options.recheck = true;
  options.report_flaky = allow_nondeterministic;
  options.feature_weight = [&target](Feature f) { return target.feature_weight(f); };
  return options;
}

nlohmann::json findings_json(const EngineReport& report, const std::string& corpus_root) {
  nlohmann::json findings = nlohmann::json::array();
  for (const Finding& f : report.findings)
    findings.push_back({{"case_id", f.case_id},
                        {"case_dir", (fs::path(corpus_root) / "rejected" / f.case_id).string()},
                        {"signature", f.signature},
                        {"scenario", f.value_text},
                        {"scenario_as_found", f.original_text},
                        {"found_at_run", f.found_at_run}});
  return findings;
}

std::vector<StoredCase> TargetStore::load() {
  std::vector<StoredCase> mine;
  for (StoredCase& c : store_.load())
    if (c.target == target_) mine.push_back(std::move(c));
  return mine;
}

std::string scenario_target_name(const std::string& protocol, int64_t max_mutations) {
  return fmt::format("scenario:{}|{}", protocol, max_mutations);
}

}  // namespace testgen::cli
