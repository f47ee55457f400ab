#pragma once
// One calling-convention test: a function signature and the values passed
// through it in both directions.

#include <cstdint>
#include <string>
#include <vector>

#include "c_type.h"
#include "testgen/source.h"
#include "value.h"

namespace testgen::abi {

struct Signature {
  std::vector<TypePtr> args;
  std::vector<TypePtr> varargs;
  TypePtr result;  // scalar(Kind::kVoid) for a void function
  bool is_static = false;
};

struct TestCase {
  uint64_t seed = 0;
  Signature signature;
  /// An int parameter was appended so that va_start follows a parameter
  /// whose type promotion leaves alone (quest dropped such cases instead).
  bool anchor_added = false;
  std::vector<Value> arg_values;
  std::vector<Value> vararg_values;
  Value result_value;
};

/// Throws TypeError naming the place ("parameter 3: ...") when a signature
/// cannot be emitted as C: a bitfield or void parameter, an array result, ...
void validate(const Signature& signature);

/// Appends the int anchor when the signature is variadic and its last named
/// parameter is missing or of a type va_start may not follow.
bool add_vararg_anchor(Signature& signature);

/// Draws the values of every parameter, variadic argument and the result
/// (in that order, each in its own child slot of `at`).
void draw_values(TestCase& test, const Cursor& at, ValueMode mode);

}  // namespace testgen::abi
