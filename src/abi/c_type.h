#pragma once
// The C types a calling-convention test passes around: every scalar C has
// (including _Bool, enums, __int128, long double and _Complex), pointers and
// function pointers, arrays, structs and unions with bitfields and layout
// attributes. Types are immutable and shared; names (struct tags, member
// names) are given when a case is emitted, not when a type is made.

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "testgen/source.h"

namespace testgen::abi {

enum class Kind : uint8_t {
  kVoid,
  kBool,
  kChar,  // plain char: signed on x86, unsigned on aarch64, ppc, s390x, arm
  kSChar,
  kUChar,
  kShort,
  kUShort,
  kInt,
  kUInt,
  kLong,
  kULong,
  kLongLong,
  kULongLong,
  kInt128,
  kUInt128,
  kEnum,
  kFloat,
  kDouble,
  kLongDouble,
  kComplexFloat,
  kComplexDouble,
  kComplexLongDouble,
  kPointer,
  kFunctionPointer,
  kArray,
  kStruct,
  kUnion,
  kBitfield,  // only as a struct or union member
};

struct CType;
using TypePtr = std::shared_ptr<const CType>;

struct CType {
  Kind kind = Kind::kInt;
  /// Pointee (pointer), element (array), result (function pointer), base
  /// integer type (bitfield).
  TypePtr target;
  /// Array length (0 is GNU's zero-length array) or bitfield width (0 is an
  /// unnamed zero-width bitfield).
  int64_t length = 0;
  /// Members (struct, union) or parameter types (function pointer).
  std::vector<TypePtr> members;
  bool variadic = false;  ///< function pointer to a variadic function
  /// Struct/union: __attribute__((packed)) on the type. A scalar, pointer
  /// or array: on the member declared with it, which then has alignment 1,
  /// or `align` with it (packed, aligned(4) long long: an under-aligned
  /// member that can straddle an eightbyte).
  bool packed = false;
  /// Struct/union: __attribute__((aligned(N))) on the type. Any other type:
  /// _Alignas(N) on the member declared with it (only inside an aggregate).
  int align = 0;
  std::vector<int64_t> enumerators;  ///< the constants of an enum, in order
};

/// A type that cannot be used where it was put (e.g. a bitfield as a parameter).
class TypeError : public GenerationError {
 public:
  using GenerationError::GenerationError;
};

TypePtr scalar(Kind kind);
TypePtr pointer_to(TypePtr target);
TypePtr array_of(TypePtr element, int64_t length);
TypePtr aggregate(Kind kind, std::vector<TypePtr> members);  // kStruct or kUnion
TypePtr function_pointer(TypePtr result, std::vector<TypePtr> params, bool variadic);
TypePtr bitfield(TypePtr base, int64_t width);
TypePtr enumeration(std::vector<int64_t> enumerators);
TypePtr complex_of(TypePtr real);  // float, double or long double
TypePtr with_unsigned(const TypePtr& type);  // integer or bitfield type made unsigned
TypePtr with_signed(const TypePtr& type);    // char -> signed char, others unchanged
TypePtr packed(const TypePtr& aggregate_type);
TypePtr aligned(const TypePtr& type, int alignment);

bool is_integer(Kind k);  // _Bool, chars, shorts, ints, longs, __int128, enums
bool is_signed_integer(Kind k);
bool is_real_floating(Kind k);
bool is_complex(Kind k);
bool is_aggregate(Kind k);  // struct or union
/// A scalar leaf: compared as one value (integers, floats, complex, pointers).
bool is_leaf(Kind k);
/// Width in bits of an integer kind as generated (long as 64: on ILP32
/// targets the emitted cast truncates it, the same way on both sides).
int integer_bits(Kind k);
/// True for types that default argument promotion changes (float, _Bool,
/// char, short, enum): va_arg must read the promoted type, and va_start must
/// not follow a parameter of such a type.
bool is_promoted_in_varargs(const CType& t);

/// The C spelling of a type without names: "int", "struct", "long double _Complex".
std::string base_spelling(Kind k);

}  // namespace testgen::abi
