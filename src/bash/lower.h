#pragma once
// tree-sitter's concrete tree of a script to our typed AST (ast.h). A
// function that uses a construct outside the subset is refused with the
// construct named and located; the other functions still lower.

#include <stdexcept>
#include <string>

#include "ast.h"
#include "testgen/errors.h"

namespace testgen::bash {

/// A syntax error in the script: FILE:LINE:COL and what is wrong.
class BashSyntaxError : public InputError {
 public:
  using InputError::InputError;
};

/// Thrown inside the lowering of one function; becomes a Refusal.
struct Unsupported : std::runtime_error {
  Unsupported(std::string what_construct, Pos where, std::string what_detail = "")
      : std::runtime_error(what_construct), construct(std::move(what_construct)), pos(where), detail(std::move(what_detail)) {}
  std::string construct;
  Pos pos;
  std::string detail;
};

/// Lowers `source` (the text of `path`). Throws BashSyntaxError on a syntax
/// error. Where tree-sitter-bash cannot parse a piece, `bash -n` decides
/// whether it is bash's syntax (then only the functions in it are refused);
/// `ask_bash` false skips that and calls it a syntax error (the fuzzer).
Script lower_script(const std::string& path, std::string source, bool ask_bash = true);

}  // namespace testgen::bash
