#pragma once
// Everything one check of a script needs, owned together: the lowered
// script and its translation, the crate (written and built), bash's side
// and the harness. `testgen bash --check` makes one per run; the bash
// front (bash_front.h) makes one to replay a stored difference.

#include <filesystem>
#include <memory>
#include <string>

#include "bash_side.h"
#include "check_target.h"
#include "oracle.h"
#include "rust_side.h"
#include "testgen/corpus.h"
#include "translate.h"

namespace testgen::bash {

class CheckSession {
 public:
  /// Lowers and translates `source` (the text of `script_path`), writes the
  /// crate to `crate_dir` (a scratch directory when empty) and builds it.
  CheckSession(std::string script_path, std::string source, std::filesystem::path crate_dir, BashOptions bash,
               bool format = true);
  ~CheckSession();

  const Script& script() const { return *script_; }
  const Translation& translation() const { return translation_; }
  const std::filesystem::path& crate_dir() const { return crate_dir_; }
  double build_seconds() const { return build_seconds_; }
  uint64_t harness_processes() const { return rust_ ? rust_->processes_started() : 0; }

  /// The engine target for translated function `name` (nullptr if it was not translated).
  std::unique_ptr<CheckTarget> target(const std::string& name);
  /// Bash's and the translation's answers for function `name`, remembered.
  std::unique_ptr<Oracle> oracle(const std::string& name) { return std::make_unique<Oracle>(*bash_, *rust_, name); }
  BashSide& bash() { return *bash_; }
  RustSide& rust() { return *rust_; }

 private:
  std::unique_ptr<Script> script_;
  Translation translation_;
  std::unique_ptr<ScratchDir> crate_scratch_, run_scratch_;
  std::filesystem::path crate_dir_;
  std::unique_ptr<BashSide> bash_;
  std::unique_ptr<RustSide> rust_;
  double build_seconds_ = 0;
};

/// The model of a function with those of every script function it reaches.
InputModel reachable_model(const Translation& t, const TranslatedFunction& f);

}  // namespace testgen::bash
