#pragma once
// Runs mutants of a crate the way cargo-mutants does: each mutant applied
// to a copy of the crate, built (`cargo test --no-run`: a build failure is
// "unviable") and tested (`cargo test --tests` under a timeout: a failing
// test is "caught", a pass is "missed", a hang is "timeout"). Workers run
// in parallel, each with its own copy of the sources and one target
// directory it reuses for every mutant it is given (an incremental build).

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "rust_mutants.h"
#include "rust_side.h"

namespace testgen::bash {

enum class MutantOutcome { kCaught, kMissed, kTimeout, kUnviable };
const char* outcome_name(MutantOutcome o);

struct MutantResult {
  Mutant mutant;
  MutantOutcome outcome = MutantOutcome::kMissed;
  double seconds = 0;
};

struct MutationOptions {
  size_t jobs = 0;  ///< workers (0: the cores)
  double timeout_multiplier = 5;       ///< of the unmutated test run's time
  /// Seconds (cargo-mutants' default is 20). A mutant that recurses
  /// without end only ends at the timeout, and the generated tests of an
  /// unmutated crate take a second or two, so 10 s leaves a wide margin.
  double minimum_test_timeout = 10;
  std::function<void(const std::string&)> progress;
};

class MutationRunner {
 public:
  /// `crate`: the crate (never modified); `work`: where the workers' copies live.
  MutationRunner(std::filesystem::path crate, std::filesystem::path work, MutationOptions options);

  /// Builds and tests the unmutated crate in every worker (their target
  /// directories warm), and takes the test timeout from it. Throws
  /// GenerationError when the unmutated tests fail.
  void prepare();
  std::vector<MutantResult> run(const std::vector<Mutant>& mutants);
  /// Copies the crate's tests into the workers again (after tests were added).
  void refresh_tests();
  /// The mutant's harness answering `requests` (in the first worker): the
  /// inputs on which it and bash differ are the tests that kill it.
  /// Empty when the mutant's harness does not build.
  std::vector<RustCall> mutant_answers(const Mutant& m, const std::vector<RustRequest>& requests,
                                       const std::vector<std::string>& env);

  double baseline_seconds() const { return baseline_seconds_; }
  std::chrono::seconds test_timeout() const { return timeout_; }
  double cargo_seconds() const { return cargo_seconds_; }

 private:
  std::filesystem::path crate_, work_;
  MutationOptions options_;
  std::vector<std::filesystem::path> workers_;
  double baseline_seconds_ = 0, cargo_seconds_ = 0;
  std::chrono::seconds timeout_{20};

  void copy_sources(const std::filesystem::path& to) const;
  void seed_target(const std::filesystem::path& worker) const;
  MutantResult run_one(const std::filesystem::path& worker, const Mutant& m);
};

}  // namespace testgen::bash
