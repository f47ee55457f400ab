#pragma once
// Failure signatures: what makes two failing cases "the same bug", so that
// a thousand cases of one bug count as one finding. A signature is the
// pair, the architecture, the kind of failure and the class of the value
// that went wrong (where it was passed and what type class it had), never
// the seed or the exact type.

#include <string>
#include <string_view>

#include "test_case.h"
#include "toolchain.h"

namespace testgen::abi {

/// The leaf type a mismatch's field path names in `test` ("arg3.b.c[1]",
/// "vararg0", "result.a", "arg2:re"), or null if the path does not fit.
const CType* leaf_at(const TestCase& test, std::string_view field);

/// A type class for signatures: "int32", "uint64", "int128", "_Bool",
/// "enum", "bitfield", "float", "double", "long double", "complex double",
/// "pointer", "function pointer".
std::string type_class(const CType& leaf);

/// "param", "param member", "vararg", "vararg member", "result",
/// "result member", or "layout" for sizeof/alignof/offsetof differences.
std::string position_class(std::string_view function, std::string_view field);

struct FailureSignature {
  std::string pair;  ///< "gcc:clang -O2"
  std::string arch;  ///< "x86_64", "aarch64", ...
  std::string kind;  ///< kind_name() of the outcome
  std::string where; ///< position_class(), empty for build failures
  std::string what;  ///< type_class() of the wrong leaf, or for layout "sizeof struct", ...
  /// One line, stable, usable as a key: "gcc:clang|x86_64|mismatch|vararg|int128".
  std::string key() const;
};

/// A build failure's message class: its first error line with the case's
/// names and all numbers blanked ("error: ';' expected (got \"NAME\")").
std::string message_class(std::string_view detail);

/// The signature of one outcome of `test`; for a mismatch, of its first
/// line; for a crash, the signal; for a build failure, message_class().
FailureSignature signature_of(const TestCase& test, const CompilerPair& pair, const std::string& arch,
                              const BuildOutcome& outcome);

}  // namespace testgen::abi
