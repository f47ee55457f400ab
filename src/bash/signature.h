#pragma once
// The typed face of a translated function, inferred from its uses: how
// many parameters it takes and what they are called (`local path=$1`), which
// of them are integers (every use is arithmetic or a numeric test), what it
// returns (one integer printed: i64; only a status: bool; otherwise its
// output and status), and its side effects (files written, commands run,
// globals set), which part 2's tests need.

#include <set>
#include <string>
#include <vector>

#include "ast.h"

namespace testgen::bash {

struct Parameter {
  std::string name;       ///< a Rust identifier
  bool integer = false;
  /// Used as a file name (a file test such as -f or -d, or a redirection's
  /// target) and in no other way: `&Path`.
  bool path = false;
  std::string why_text;   ///< when not an integer: the first use that is text ("" if unused)
};

enum class ResultKind {
  kInteger,  ///< always prints one integer and succeeds: i64
  kStatus,   ///< prints nothing: bool (status 0)
  kText,     ///< prints text with echo/printf and always succeeds: String
  kOutput,   ///< anything else: Output { stdout, status }
};

struct Signature {
  bool variadic = false;  ///< takes `args: &[&str]`
  std::vector<Parameter> params;
  ResultKind result = ResultKind::kOutput;
  std::string why_output;  ///< when kOutput: what rules out a narrower type
  std::set<std::string> commands_run;  ///< external commands
  bool writes_files = false;
  std::set<std::string> globals_set;   ///< variables assigned without `local`
  bool reads_stdin = false;
};

/// `functions`: the names of the script's functions (calls to them are not
/// external commands).
Signature infer_signature(const Function& f, const std::set<std::string>& functions);

}  // namespace testgen::bash
