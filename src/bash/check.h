#pragma once
// `testgen bash SCRIPT --check`: every translated function run against bash
// itself on generated argument tuples (guided by the lines bash runs), each
// difference shrunk to the smallest input that still shows it.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "bash_side.h"
#include "check_session.h"
#include "testgen/corpus.h"
#include "translate.h"

namespace testgen::bash {

struct CheckOptions {
  uint64_t runs = 300;           ///< inputs per function
  double seconds = 0;            ///< per function, 0: no limit
  uint64_t seed = 0;
  size_t batch = 64;             ///< calls per harness process
  bool shrink = true;
  size_t shrink_calls = 2000;
  /// Where differences (and inputs reaching new lines) are kept as cases
  /// `testgen replay` re-runs; none when null.
  Corpus* corpus = nullptr;
  std::function<void(const std::string&)> progress;
};

struct FunctionCheck {
  std::string name;
  uint32_t line = 0;
  bool translated = false;
  std::string construct;  ///< the refusal, when not translated
  uint32_t construct_line = 0, construct_col = 0;
  uint64_t compared = 0;      ///< inputs both sides ran to the end
  size_t distinct = 0;        ///< different inputs among them
  std::string note;           ///< why nothing could be compared
  uint64_t inconclusive = 0;  ///< inputs bash did not finish (timeouts, limits)
  size_t lines_run = 0, lines_total = 0;
  bool differs = false;
  std::string signature, input, original_input, detail;
  std::string bash_stdout, rust_stdout;
  int bash_status = 0, rust_status = 0;
  size_t shrink_calls = 0;
  std::string case_id;  ///< the difference's case in the corpus, if one was given
  double seconds = 0;
};

struct CheckReport {
  std::vector<FunctionCheck> functions;  ///< script order
  double build_seconds = 0;
  double seconds = 0;
  uint64_t calls = 0;
  uint64_t harness_processes = 0;
};

/// Checks every translated function of the session's script.
CheckReport check_translation(CheckSession& session, const CheckOptions& options);

}  // namespace testgen::bash
