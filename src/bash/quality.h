#pragma once
// `testgen bash SCRIPT -o DIR --tests` and `--quality`: the crate written
// with its generated tests, the tests run (any that fails is dropped and
// reported), and with --quality the spec's gates measured on the crate:
// rustfmt, clippy -D warnings with the complexity threshold, line coverage
// (llvm-cov), the mutation score (our runner), properties and doctests per
// function. Coverage and mutants that the tests miss drive more tests.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "check_session.h"
#include "test_suite.h"

namespace testgen::bash {

struct QualityOptions {
  TestGenOptions tests;
  bool gates = false;  ///< measure and enforce (--quality); otherwise only write and run the tests
  double target_coverage = 80;
  double target_mutation_score = 85;
  size_t coverage_rounds = 3;   ///< rounds of tests added for uncovered lines
  size_t mutation_rounds = 2;   ///< rounds of tests added for missed mutants
  size_t jobs = 0;              ///< mutants built at once (0: the cores)
  bool format = true;
  std::function<void(const std::string&)> progress;
};

/// Killed (caught or timed out) out of the mutants judged, in percent; 100
/// when none was (unviable mutants are not judged, as in cargo-mutants).
double mutation_score(size_t caught, size_t timeouts, size_t missed);

struct FunctionQuality {
  std::string name, module;
  size_t unit_tests = 0, property_tests = 0, doctests = 0;
  size_t bash_lines_run = 0, bash_lines_total = 0;
  size_t rust_lines_covered = 0, rust_lines_total = 0;
  size_t caught = 0, missed = 0, timeouts = 0, unviable = 0;
  double coverage() const { return rust_lines_total ? 100.0 * rust_lines_covered / rust_lines_total : 0; }
  double mutation_score() const;
  std::vector<std::string> notes;
};

struct Gate {
  std::string name;
  bool passed = false;
  std::string detail;
};

struct MissedMutant {
  std::string where;  ///< file:line
  std::string change;
};

struct QualityReport {
  std::string crate;
  std::filesystem::path dir;
  std::vector<FunctionQuality> functions;
  size_t tests_dropped = 0;
  bool measured = false;
  bool fmt_passed = false, clippy_passed = false;
  std::string clippy_detail;
  double coverage = 0;          ///< lines of the translated modules
  size_t lines_covered = 0, lines_total = 0;
  double mutation_score = 0;
  size_t caught = 0, missed = 0, timeouts = 0, unviable = 0;
  std::vector<MissedMutant> missed_mutants;
  double seconds = 0, cargo_seconds = 0;
  double tests_seconds = 0;     ///< generating the tests (bash calls, the check)
  double coverage_seconds = 0, mutation_seconds = 0;
  double mutant_test_timeout = 0;  ///< seconds
  std::vector<Gate> gates;
  bool passed() const;
};

QualityReport generate_and_verify(CheckSession& session, const std::filesystem::path& dir, const QualityOptions& options);

}  // namespace testgen::bash
