#pragma once
// A lowered script to Rust: each function's translation, and the functions
// refused (by the lowering, by the code generator, or because they call a
// refused function).

#include <set>
#include <string>
#include <vector>

#include "ast.h"
#include "signature.h"

namespace testgen::bash {

struct TranslatedFunction {
  const Function* function = nullptr;
  std::string module;  ///< the Rust module (and wrapper) name
  std::string body;    ///< the body of `run`
  std::set<std::string> callees;
  Signature signature;
};

struct Translation {
  const Script* script = nullptr;
  std::vector<TranslatedFunction> functions;  ///< in script order
  std::vector<Refusal> refused;
};

/// Translates every function of `script` it can. A later definition of
/// a name replaces an earlier one, as in bash.
Translation translate(const Script& script);

}  // namespace testgen::bash
