#pragma once
// A call of a translated function, and bash's answer to it, as Rust: the
// typed wrapper when its types can carry both (`assert_eq!(fibonacci(10),
// 55)`), otherwise the whole Output through `invoke_with_input` (stdout and
// status exactly as bash gave them). Unit tests, doctests and the tests
// that kill mutants all write their calls here.

#include <string>
#include <vector>

#include "bash_side.h"
#include "paired_calls.h"
#include "translate.h"

namespace testgen::bash {

struct RustCallText {
  std::string call;                     ///< an expression
  std::vector<std::string> assertions;  ///< statements
};

/// `crate`: the crate's name, as test and doc code uses it.
RustCallText call_text(const std::string& crate, const TranslatedFunction& f, const CallInput& call,
                       const BashCall& bash);

/// Whether the function's answer can depend on anything but its arguments
/// and input: the working directory (files, globs, commands) or variables
/// it does not set itself (the environment). Such calls run in a fresh
/// directory with the check's environment (tests/common/mod.rs).
bool needs_fresh_context(const Translation& t, const TranslatedFunction& f);

/// The typed argument list, if every argument fits its parameter's type.
std::optional<std::string> typed_arguments(const TranslatedFunction& f, const CallInput& call);

/// `&["a", "b"]`
std::string string_slice(const std::vector<std::string>& args);

}  // namespace testgen::bash
