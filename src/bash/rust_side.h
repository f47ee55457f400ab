#pragma once
// The Rust side of the check: the generated crate built once (cargo,
// offline), and its harness binary answering many calls per process. A
// call that crashes the harness (a stack overflow, a panic) or hangs is
// answered as such, and the calls after it go to a new harness process.

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "testgen/process.h"

namespace testgen::bash {

struct RustCall {
  enum class Outcome { kAnswered, kCrashed, kTimedOut };
  Outcome outcome = Outcome::kAnswered;
  std::string why;
  int status = 0;
  std::string out;
  std::string files;
};

struct RustRequest {
  std::string input;  ///< standard input
  std::string function;
  std::vector<std::string> args;
};

/// Builds the crate in `crate_dir` (cargo build --offline; its own target/)
/// and returns the harness binary. Throws GenerationError with cargo's
/// message when it does not build.
std::filesystem::path build_harness(const std::filesystem::path& crate_dir);

class RustSide {
 public:
  /// `env`: the whole environment of the harness (the same as bash's).
  RustSide(std::filesystem::path harness, std::filesystem::path scratch, std::vector<std::string> env,
           std::chrono::milliseconds per_call_timeout = std::chrono::milliseconds(5000));
  std::vector<RustCall> call(const std::vector<RustRequest>& requests);
  uint64_t processes_started() const { return processes_; }

 private:
  std::filesystem::path harness_, scratch_;
  std::chrono::milliseconds per_call_;
  std::vector<std::string> env_;
  SubprocessRunner runner_;
  uint64_t processes_ = 0;
};

}  // namespace testgen::bash
