#pragma once
// Running one scenario: the runner protocol of leanguard-run (flags, exit
// codes, a RunSummaryV1 JSON object on stdout), so that an existing
// leanguard-run works unchanged, and a generic form for any program
// (`--runner-cmd 'prog --config {config} --log-dir {log_dir}'`) that prints
// the same summary on stdout or leaves it in {log_dir}/run_summary.json.

#include "testgen/errors.h"
#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "testgen/process.h"

namespace testgen::scenario {

class RunnerError : public UsageError {
 public:
  using UsageError::UsageError;
};

struct Runner {
  /// leanguard-run's protocol: argv is the program; the flags are added.
  /// Otherwise argv is a template whose words may hold {config}, {log_dir},
  /// {checker_dir} and {coverage_dir}.
  bool leanguard_protocol = true;
  std::vector<std::string> argv;
  std::filesystem::path checker_dir;
  bool allow_nondeterministic = false;
  std::chrono::milliseconds timeout{60'000};
  std::string description;  ///< for summaries: which runner was used
};

/// leanguard-run at `program`.
Runner leanguard_runner(std::filesystem::path program, std::filesystem::path checker_dir, bool allow_nondeterministic);
/// A command template, split into words like a shell does for quotes
/// ('...' and "...") but never run by one. Throws RunnerError if empty,
/// unbalanced, or without {config}.
Runner command_runner(const std::string& command, std::filesystem::path checker_dir, bool allow_nondeterministic);

struct CheckerResult {
  std::string checker;
  std::string status;  ///< accept, reject, error, missing_checker, ...
  std::optional<int> exit_code;
  std::string stdout_text;
  std::vector<std::string> coverage;
  /// testgen's extensions to a checker result (optional): how often each
  /// coverpoint was hit, and the checker's numbers (its coverage file's stats).
  std::map<std::string, uint64_t> hits;
  std::map<std::string, double> stats;
};

struct RunSummary {
  bool accept = false;
  std::string mode, determinism, simulator_status, simulator_error;
  std::vector<std::string> traces;
  std::vector<CheckerResult> checkers;
  std::vector<std::string> coverage;  ///< union over checkers (coverage.union, else per checker)
  std::map<std::string, uint64_t> hits;  ///< summed over checkers (only those that report hits)
  /// The runner's numbers: "metrics" of the summary as they are, and each
  /// checker's stats as "CHECKER.KEY". Calibration climbs them.
  std::map<std::string, double> metrics;
  nlohmann::json raw;
};

/// Parses and checks a RunSummaryV1; errors are "ORIGIN: what".
RunSummary parse_run_summary(std::string_view text, std::string_view origin);

enum class RunStatus {
  kAccept,   ///< exit 0, the summary accepts
  kReject,   ///< exit 1: a checker found a violation, or the simulation failed
  kInvalid,  ///< exit 2: the scenario is not valid input
  kError,    ///< anything else: crash, hang, garbage, missing summary
};
std::string_view status_name(RunStatus status);

struct RunOutcome {
  RunStatus status = RunStatus::kError;
  std::optional<RunSummary> summary;
  std::string error;  ///< for kError (and kInvalid: the runner's stderr)
  std::vector<std::string> argv;
  ProcessResult process;
};

/// Runs one scenario: `config` is the config file, `log_dir` the directory
/// its log_path points at, `coverage_dir` where checkers write coverage.
RunOutcome run_scenario(ProcessRunner& processes, const Runner& runner, const std::filesystem::path& config,
                        const std::filesystem::path& log_dir, const std::filesystem::path& coverage_dir);

}  // namespace testgen::scenario
