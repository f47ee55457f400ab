#pragma once
// What bash and the translation answer for one function's inputs, asked
// once per input and remembered: unit tests, properties, doc examples and
// mutant-killing inputs all come from the same calls, and an input is only
// ever used when both sides agreed on it.

#include <map>
#include <string>
#include <vector>

#include "paired_calls.h"

namespace testgen::bash {

class Oracle {
 public:
  Oracle(BashSide& bash, RustSide& rust, std::string function)
      : bash_(bash), rust_(rust), function_(std::move(function)) {}

  /// Runs the inputs not asked before (in parallel), then answers all.
  std::vector<const PairedCall*> ask(const std::vector<CallInput>& inputs);
  const PairedCall& ask(const CallInput& input) { return *ask(std::vector<CallInput>{input}).front(); }
  /// Asks again, without memory (to see whether the answers change).
  std::vector<PairedCall> ask_fresh(const std::vector<CallInput>& inputs) {
    return run_both(bash_, rust_, function_, inputs);
  }
  /// Asks with a longer timeout for bash (an example its author wrote may be slow).
  const PairedCall& ask_patiently(const CallInput& input, std::chrono::milliseconds timeout);
  /// Remembers an answer found elsewhere (the check's samples).
  void remember(const CallInput& input, const BashCall& bash);

  const std::string& function() const { return function_; }
  uint64_t bash_calls() const { return bash_calls_; }

 private:
  BashSide& bash_;
  RustSide& rust_;
  std::string function_;
  std::map<CallInput, PairedCall> answers_;
  uint64_t bash_calls_ = 0;
};

}  // namespace testgen::bash
