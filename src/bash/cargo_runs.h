#pragma once
// cargo, run on a generated crate: offline, with a timeout, its process
// group killed at the end, and the outcome of `cargo test` read test by test.

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "testgen/process.h"

namespace testgen::bash {

struct CargoRun {
  std::vector<std::string> args;  ///< after "cargo"
  std::vector<std::pair<std::string, std::string>> env;
  std::chrono::seconds timeout{600};
  /// RLIMIT_AS of cargo and of everything it runs (0: none). A mutant that
  /// recurses without end allocates without end: this stops it early.
  uint64_t memory_bytes = 0;
};

ProcessResult run_cargo(const std::filesystem::path& crate, const CargoRun& run);

/// The address space generated tests may take (theirs and their mutants'):
/// far above what a crate's tests need, far below what a runaway recursion
/// reaches (an unbounded one took 18 GB before this limit).
inline constexpr uint64_t kTestMemory = uint64_t{8} << 30;

/// `test NAME ... ok|FAILED|ignored` lines of cargo test's output: the
/// outcome of each test, keyed "BINARY::NAME" where BINARY is the test file
/// (tests/x_test.rs -> "x_test"; doctests -> "doc").
std::map<std::string, std::string> test_outcomes(const std::string& cargo_output);

}  // namespace testgen::bash
