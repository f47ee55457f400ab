#pragma once
// Values for C types, drawn from the choice tree like everything else, so a
// case's seed fixes its values and the shrinker can simplify them.
//
// Full-range mode covers what a calling convention can get wrong: negative
// numbers, the upper half of 64- and 128-bit integers, boundaries, signed
// zeros, denormals, huge magnitudes, infinities and NaNs with payloads.
// Pattern mode gives every byte of leaf f the value 0xfb (f = leaf number
// mod 16, b = byte index), so a byte that lands in the wrong place says
// where it came from.

#include <cstdint>
#include <vector>

#include "c_type.h"
#include "testgen/source.h"

namespace testgen::abi {

__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;

struct FloatValue {
  enum class Class : uint8_t { kFinite, kInfinite, kNaN };
  Class cls = Class::kFinite;
  bool negative = false;
  /// Finite: |value| = mantissa * 2^exponent, exactly.
  uint64_t mantissa = 0;
  int exponent = 0;
  /// NaN: the IEEE bits (binary32 for float, binary64 otherwise; a long
  /// double NaN is made by converting this double). Always a quiet NaN:
  /// x87 loads turn signalling NaNs quiet, which would look like a bug.
  uint64_t nan_bits = 0;

  bool operator==(const FloatValue&) const = default;
};

struct Value {
  /// Integer, enum, bitfield and pointer leaves: the value, sign-extended
  /// for signed types.
  Int128 integer = 0;
  /// Floating leaves; `imag` only for _Complex.
  FloatValue real, imag;
  /// Union: the member that holds the value (the only one read back).
  size_t active = 0;
  /// Array elements or aggregate members (a union's members are all
  /// present, only `active` is filled).
  std::vector<Value> parts;

  bool operator==(const Value&) const = default;
};

enum class ValueMode { kFull, kPattern };

/// Draws a value for `type` at `at`. In pattern mode `leaf` numbers the
/// leaves (it is advanced once per leaf).
Value draw_value(const CType& type, const Cursor& at, ValueMode mode, int& leaf);

/// The number of bits a floating kind's mantissa holds when we generate it.
int mantissa_bits(Kind kind);

}  // namespace testgen::abi
