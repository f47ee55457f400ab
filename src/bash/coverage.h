#pragma once
// Line coverage of a generated crate by its tests, measured the way
// toolchain.md describes: the tests built with `-C instrument-coverage`
// (in a target directory of their own), run with LLVM_PROFILE_FILE, the
// profiles merged with Debian's llvm-22 llvm-profdata and read back with
// llvm-cov export (lcov). Also one input's coverage through the
// instrumented harness, for choosing inputs that reach uncovered lines.

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "paired_calls.h"

namespace testgen::bash {

/// Per source file (a path in the crate, "src/fibonacci.rs"): line -> hits.
using LineHits = std::map<std::string, std::map<uint32_t, uint64_t>>;

/// The llvm tools rustc's profiles need (llvm-22); throws UsageError naming
/// the package when they are missing.
std::filesystem::path llvm_tool(const std::string& name);

class CoverageMeter {
 public:
  CoverageMeter(std::filesystem::path crate);

  /// Runs the crate's unit and property tests instrumented.
  LineHits measure_tests();
  /// Lines one call reaches through the instrumented harness.
  LineHits measure_call(const std::string& function, const CallInput& call, const std::vector<std::string>& env);
  double cargo_seconds() const { return cargo_seconds_; }

 private:
  std::filesystem::path crate_, target_, profiles_;
  std::filesystem::path harness_;
  double cargo_seconds_ = 0;
  uint64_t calls_ = 0;

  LineHits report(const std::vector<std::filesystem::path>& objects, const std::filesystem::path& profraw_dir);
};

/// Covered and coverable lines of `file` in `hits`.
std::pair<size_t, size_t> line_counts(const LineHits& hits, const std::string& file);

}  // namespace testgen::bash
