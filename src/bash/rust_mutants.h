#pragma once
// The mutants of a Rust source file, found with tree-sitter-rust, with
// cargo-mutants' operators: a function's body replaced by values of its
// return type, binary operators swapped, unary `-` and `!` deleted, match
// arms deleted (where a wildcard arm remains), match guards replaced by
// true and false. Two more fit the code testgen generates: bash's 64-bit
// wrapping arithmetic (`a.wrapping_add(b)`, the generated `+`) swapped like
// binary operators, and the operators of bash's `test` (`"-le"` in the argv
// of `[`) swapped like relational operators.

#include <cstdint>
#include <string>
#include <vector>

namespace testgen::bash {

struct Mutant {
  std::string file;      ///< as given to find_mutants (a path in the crate)
  uint32_t line = 0, col = 0;
  uint32_t start = 0, end = 0;  ///< the bytes replaced
  std::string replacement;
  std::string function;  ///< the function it is in
  std::string operator_name;  ///< fn-value, binary-op, unary-op, match-arm, match-guard, wrapping-op, test-op
  std::string description;    ///< "replace == with != in run"

  /// The file's text with this mutation applied.
  std::string apply(const std::string& source) const {
    return source.substr(0, start) + replacement + source.substr(end);
  }
};

/// `file` names the source in the mutants; `source` is its text.
std::vector<Mutant> find_mutants(const std::string& file, const std::string& source);

}  // namespace testgen::bash
