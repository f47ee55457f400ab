#pragma once
/// \file
/// Running child processes: argv, environment, working directory, stdin,
/// a timeout, and CPU / memory / file-size limits. The child leads its own
/// process group, and the whole group is killed on timeout and once the
/// child has exited (so nothing it started is left behind). A child dies
/// with testgen (PR_SET_PDEATHSIG), and is killed when SIGINT or SIGTERM
/// reaches testgen (testgen/interrupt.h).
///
/// Example usage:
///     SubprocessRunner runner;
///     ProcessResult r = runner.run({.argv = {"cc", "-c", "t.c"}, .timeout = std::chrono::seconds(30)});
///     if (!r.ok()) std::cerr << r.describe() << "\n" << r.err;

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace testgen {

struct ProcessLimits {
  uint64_t cpu_seconds = 0;      ///< RLIMIT_CPU; 0 = unlimited
  uint64_t memory_bytes = 0;     ///< RLIMIT_AS; 0 = unlimited
  uint64_t file_size_bytes = 0;  ///< RLIMIT_FSIZE; 0 = unlimited
};

struct ProcessSpec {
  std::vector<std::string> argv;  ///< argv[0] is looked up in PATH
  /// The whole environment; nullopt inherits ours.
  std::optional<std::vector<std::string>> env;
  /// Variables set on top of the environment ("NAME", "value").
  std::vector<std::pair<std::string, std::string>> set_env;
  std::filesystem::path cwd;  ///< empty: our working directory
  std::string stdin_data;
  std::chrono::milliseconds timeout{0};  ///< 0 = none
  ProcessLimits limits;
  /// Output beyond this many bytes per stream is dropped (and flagged).
  size_t max_output = size_t{64} << 20;
};

struct ProcessResult {
  std::optional<int> exit_code;  ///< set when the child exited
  std::optional<int> signal;     ///< set when a signal ended it
  bool timed_out = false;
  /// SIGINT/SIGTERM reached testgen while the child ran: it was killed.
  bool interrupted = false;
  bool spawn_failed = false;     ///< could not start (exec failed): see `spawn_error`
  std::string spawn_error;
  bool output_truncated = false;
  std::string out;
  std::string err;
  double seconds = 0;

  bool ok() const { return exit_code && *exit_code == 0; }
  /// "exit 3", "killed by SIGSEGV", "timed out after 2.0 s", "could not start: ...".
  std::string describe() const;
};

/// `text` with every byte that is not part of valid UTF-8 written as
/// \xNN: what a child printed, safe to put in JSON and on a terminal.
std::string printable(std::string_view text);

/// The interface fronts use, so their unit tests can substitute a fake.
class ProcessRunner {
 public:
  virtual ~ProcessRunner() = default;
  virtual ProcessResult run(const ProcessSpec& spec) = 0;
};

/// Runs real processes (fork + exec).
class SubprocessRunner : public ProcessRunner {
 public:
  ProcessResult run(const ProcessSpec& spec) override;
};

}  // namespace testgen
