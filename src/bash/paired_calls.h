#pragma once
// One function called with the same inputs in bash and in the Rust harness:
// bash runs one process per call, as many at once as there are cores; the
// calls bash finished go to the harness in one batch. Shared by the check
// (check_target.h) and by test generation, which keeps only inputs on which
// both sides agree.

#include <string>
#include <vector>

#include "bash_side.h"
#include "rust_side.h"

namespace testgen::bash {

/// One call's input: the arguments and standard input.
struct CallInput {
  std::vector<std::string> args;
  std::string input;
  bool operator<(const CallInput& o) const { return std::tie(args, input) < std::tie(o.args, o.input); }
  bool operator==(const CallInput& o) const = default;
};

struct PairedCall {
  BashCall bash;
  RustCall rust;        ///< meaningful only when bash.conclusive
  /// Both sides finished with the same output, status and files.
  bool agree() const {
    return bash.conclusive && rust.outcome == RustCall::Outcome::kAnswered && rust.status == bash.status &&
           rust.out == bash.out && rust.files == bash.files;
  }
};

std::vector<PairedCall> run_both(BashSide& bash, RustSide& rust, const std::string& function,
                                 const std::vector<CallInput>& inputs);

}  // namespace testgen::bash
