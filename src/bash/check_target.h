#pragma once
// One translated function as an engine target: each input is an argument
// tuple, run through bash and through the Rust harness; the verdict is a
// failure when stdout, the exit status or the files left differ, a discard
// when bash itself did not finish (nothing to compare with). Features are
// the script lines bash ran, and its exit status.

#include <memory>
#include <set>
#include <string>

#include "bash_side.h"
#include "input_model.h"
#include "paired_calls.h"
#include "rust_side.h"
#include "testgen/engine.h"

namespace testgen::bash {

class CheckTarget : public Target {
 public:
  /// `script_text` is kept with every saved case (script.sh), so that a case
  /// replays the code it was found in.
  CheckTarget(std::string script, std::string function, const InputModel& model, BashSide& bash, RustSide& rust,
              std::string script_text = "");

  std::string name() const override { return "bash:" + script_ + ":" + function_; }
  TargetSpec spec() const override;
  RunResult run(const Cursor& input) override;
  std::vector<RunResult> run_batch(std::span<const Cursor> inputs) override;
  std::string describe(const Cursor& input) override;

  /// Calls compared (bash finished) and calls bash did not finish.
  uint64_t compared() const { return compared_; }
  uint64_t inconclusive() const { return inconclusive_; }
  /// Different inputs among those compared.
  size_t distinct() const { return distinct_.size(); }
  const std::string& last_inconclusive() const { return last_inconclusive_; }
  const std::set<uint32_t>& lines_run() const { return lines_; }

  /// An input on which bash and the translation agreed, with bash's answer.
  struct Sample {
    CallInput call;
    BashCall bash;
    bool new_path = false;  ///< the first input to run its set of lines (and exit status)
  };
  /// What the run kept: every input that ran a new set of lines, and the
  /// first others up to a bound (test generation draws from them).
  const std::vector<Sample>& samples() const { return samples_; }

 private:
  std::string script_, function_, script_text_;
  // The input is drawn from two children of the root: arguments and stdin.
  Gen<std::vector<std::string>> args_;
  Gen<std::string> input_;
  bool reads_stdin_;
  BashSide& bash_;
  RustSide& rust_;
  uint64_t compared_ = 0, inconclusive_ = 0;
  std::set<uint32_t> lines_;
  std::set<std::string> distinct_;
  std::string last_inconclusive_;
  static constexpr size_t kMaxSamples = 1000;
  std::vector<Sample> samples_;
  std::set<std::string> paths_;

  void keep_sample(const CallInput& call, const BashCall& bash);
};

/// `f 'a' 'b c'`: a call as one would type it.
std::string shell_call(const std::string& function, const std::vector<std::string>& args);

}  // namespace testgen::bash
