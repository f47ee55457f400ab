#pragma once
// The abi hunt's target: one suite and one compiler pair. A run draws a
// case from the suite (so the engine can mutate and shrink it), writes it
// as two files in a scratch directory, builds them with the pair, runs the
// program and reports the failure signature and the case's shape features.

#include <filesystem>
#include <memory>
#include <string>

#include "interpreter.h"
#include "signature.h"
#include "testgen/engine.h"

namespace testgen::hunt {

struct HuntSetup {
  std::string suite = "ansi";
  abi::CompilerPair pair;
  std::string arch = "x86_64";
  std::string dialect = "c11";
  std::filesystem::path scratch;  ///< where each run writes and builds (reused)
  abi::BuildOptions build;        ///< its arch is set from `arch`
  /// User Lua files the interpreter has loaded: kept with every reproducer
  /// (under lua/) so that replay can load them again.
  std::vector<std::filesystem::path> lua_files;
  /// Shrink candidates of a mismatch built as one program (a mismatch line
  /// names its case, so one build answers for all of them).
  size_t shrink_lookahead = 8;
};

/// ABI-relevant shape classes of a case: per position (parameter index,
/// variadic or not, result) the type class and the shape of aggregates,
/// and the psABI's view (abi/sysv_class.h): size and alignment class, the
/// classes of the eightbytes, registers or stack, and spills because the
/// registers ran out. The engine steers toward classes not seen yet.
FeatureSet shape_features(const abi::TestCase& test);

/// A one-line C prototype of the case's callee ("int f(struct { float a; }, ...)").
std::string prototype(const abi::TestCase& test);

class HuntTarget : public Target {
 public:
  HuntTarget(std::shared_ptr<script::Interpreter> lua, HuntSetup setup, ProcessRunner& runner);
  std::string name() const override;
  /// {"abi", 1, {suite, arch, caller, callee}}: the compilers as their specs ("gcc -O2").
  TargetSpec spec() const override;
  RunResult run(const Cursor& input) override;
  /// Builds the cases as one program. A mismatch line names its case; a
  /// crash, hang, compile or link failure of a batch is pinned on one case
  /// by splitting the batch in halves and building each again.
  std::vector<RunResult> run_batch(std::span<const Cursor> inputs) override;
  /// One program; a crash ends it, and the results are those of the cases
  /// up to the one that crashed (the program says which).
  std::vector<RunResult> run_until_failure(std::span<const Cursor> inputs) override;
  /// HuntSetup::shrink_lookahead for a mismatch or a crash; 1 for a hang
  /// or build failure, whose batch would be split to learn whose it is.
  size_t shrink_lookahead(const RunResult& failure) const override;
  /// "pair|arch|kind|where": the same mismatch or crash place with other
  /// member types or psABI classes is likely the same bug.
  std::string signature_family(const std::string& signature) const override;
  std::string describe(const Cursor& input) override;

  /// Programs built so far (a batch that had to be split counts each part).
  uint64_t builds() const { return builds_; }

 private:
  abi::TestCase draw(const Cursor& input);
  // Builds cases [first, last) of `cases` as one program and runs it.
  abi::BuildOutcome build(const std::vector<abi::TestCase>& cases, size_t first, size_t last);
  // Fills the results of cases [first, last) from their program's outcome
  // (`built`, or a build now), splitting it when the outcome does not say whose.
  void attribute(const std::vector<abi::TestCase>& cases, size_t first, size_t last, std::vector<RunResult>& out,
                 const abi::BuildOutcome* built = nullptr);
  RunResult result_of(const abi::TestCase& test, const abi::BuildOutcome& outcome, bool alone) const;
  std::vector<Artifact> reproducer(const abi::TestCase& test, const abi::BuildOutcome& outcome,
                                   const std::string& signature) const;

  std::shared_ptr<script::Interpreter> lua_;
  HuntSetup setup_;
  ProcessRunner& runner_;
  Gen<abi::TestCase> cases_;
  std::vector<Artifact> lua_sources_;
  uint64_t builds_ = 0;
};

/// The setup a spec describes (suite, arch, pair); UsageError for a pair it cannot parse.
HuntSetup setup_of(const TargetSpec& spec);

/// A hunt target that owns everything it needs (interpreter, process
/// runner, a scratch directory removed with it): what `testgen replay`
/// rebuilds from a case's spec. The Lua files under `case_dir`/lua are
/// loaded after the built-in suites.
std::unique_ptr<Target> make_hunt_target(HuntSetup setup, const std::filesystem::path& case_dir, bool unsafe_lua);

}  // namespace testgen::hunt
