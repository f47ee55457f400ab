#pragma once
// The bash side of the check: the script's definitions without its main
// commands (blanked, so line numbers stay the script's), and one call of a
// function in a real bash — in a fresh scratch directory, with a scrubbed
// environment, a timeout, resource limits and its process group killed at
// the end — with the lines it ran (xtrace) and the files it left.

#include <atomic>
#include <chrono>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "ast.h"
#include "testgen/process.h"

namespace testgen::bash {

/// The script's text with its top-level commands other than function
/// definitions and constant assignments replaced by blanks.
std::string definitions_only(const Script& script);

struct BashCall {
  bool conclusive = false;  ///< false: timed out, killed, or too much output
  bool undefined = false;   ///< bash did not define the function (its definitions did not load)
  std::string why;          ///< when not conclusive
  int status = 0;
  std::string out;
  std::string files;               ///< `path size` lines, as the harness gives them
  std::set<uint32_t> lines;        ///< script lines bash ran
  uint64_t steps = 0;              ///< commands bash traced: the call's cost, the same on every machine
};

struct BashOptions {
  std::chrono::milliseconds timeout{2000};
  uint64_t memory_bytes = uint64_t{1} << 30;
  uint64_t file_size_bytes = uint64_t{16} << 20;
  std::string bash = "bash";
};

class BashSide {
 public:
  /// `scratch`: a directory of ours; the definitions are written there.
  BashSide(const Script& script, std::filesystem::path scratch, BashOptions options = {});
  /// Safe to call from several threads at once.
  /// `timeout`: this call's own, when not zero.
  BashCall call(const std::string& function, const std::vector<std::string>& args, const std::string& input = "",
                std::chrono::milliseconds timeout = std::chrono::milliseconds(0));
  /// The environment both sides run in (bash and the harness).
  const std::vector<std::string>& environment() const { return env_; }

 private:
  std::filesystem::path scratch_;
  std::filesystem::path driver_;
  BashOptions options_;
  std::atomic<uint64_t> calls_{0};
  std::vector<std::string> env_;
};

/// The files under `dir` as `path size` lines, sorted (as the harness lists them).
std::string file_listing(const std::filesystem::path& dir);

}  // namespace testgen::bash
