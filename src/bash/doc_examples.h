#pragma once
// Examples a script's author already wrote: `# Example: fibonacci 10` with
// `# Output: 55` in the comment above a function, and call sites such as
// `factorial 5 # Should output 120`. They become doctests once bash has
// run them (a claim bash contradicts is reported, and bash's answer is
// what the doctest asserts).

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "ast.h"

namespace testgen::bash {

struct WrittenExample {
  std::string function;
  std::string words;    ///< the arguments as written (still to be split by bash)
  std::optional<std::string> claimed;  ///< what the comment says it prints
  uint32_t line = 0;
  std::string where;    ///< "the comment above it" / "a call in the script"
};

/// Every example in `script` of one of `functions`.
std::vector<WrittenExample> written_examples(const Script& script, const std::set<std::string>& functions);

/// The words of `text` as bash splits them, when they hold no expansion,
/// substitution or operator (nothing but quoting); nullopt otherwise.
std::optional<std::vector<std::string>> literal_words(const std::string& text, const std::string& bash = "bash");

}  // namespace testgen::bash
