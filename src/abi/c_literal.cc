#include "c_literal.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

namespace testgen::abi {
namespace {

std::string hex64(uint64_t v) { return fmt::format("0x{:x}ULL", v); }

const char* float_suffix(Kind k) { return k == Kind::kFloat ? "f" : k == Kind::kLongDouble ? "L" : ""; }

// Stores a real floating value into `lvalue`.
std::string store_real(Kind kind, const FloatValue& f, const std::string& lvalue) {
  const char* sign = f.negative ? "-" : "";
  switch (f.cls) {
    case FloatValue::Class::kFinite:
      // A hexadecimal constant m*2^e is exact: no decimal rounding anywhere.
      return fmt::format("{} = {}0x{:x}p{:+d}{};", lvalue, sign, f.mantissa, f.exponent, float_suffix(kind));
    case FloatValue::Class::kInfinite:
      return fmt::format("{} = {}{};", lvalue, sign,
                         kind == Kind::kFloat ? "HUGE_VALF" : kind == Kind::kLongDouble ? "HUGE_VALL" : "HUGE_VAL");
    case FloatValue::Class::kNaN:
      // No constant spells a NaN's payload; build it from its bits.
      if (kind == Kind::kFloat)
        return fmt::format("{{ uint32_t q_u = 0x{:x}u; float q_f; memcpy(&q_f, &q_u, sizeof q_f); {} = q_f; }}",
                           f.nan_bits, lvalue);
      return fmt::format("{{ uint64_t q_u = {}; double q_d; memcpy(&q_d, &q_u, sizeof q_d); {} = {}q_d; }}",
                         hex64(f.nan_bits), lvalue, kind == Kind::kLongDouble ? "(long double)" : "");
  }
  return "";
}

Kind real_part(Kind complex_kind) {
  return complex_kind == Kind::kComplexFloat ? Kind::kFloat : complex_kind == Kind::kComplexDouble ? Kind::kDouble : Kind::kLongDouble;
}

}  // namespace

std::string integer_literal(Kind kind, Int128 value) {
  const std::string type = base_spelling(kind);
  if (integer_bits(kind) > 64) {
    const auto raw = static_cast<UInt128>(value);
    return fmt::format("({})(((unsigned __int128){} << 64) | {})", type, hex64(static_cast<uint64_t>(raw >> 64)),
                       hex64(static_cast<uint64_t>(raw)));
  }
  if (kind == Kind::kBool) return fmt::format("(_Bool){}", value != 0 ? 1 : 0);
  if (!is_signed_integer(kind)) return fmt::format("({}){}", type, hex64(static_cast<uint64_t>(value)));
  const auto v = static_cast<int64_t>(value);
  if (v == INT64_MIN) return fmt::format("({})(-9223372036854775807LL - 1)", type);
  return fmt::format("({}){}LL", type, v);
}

std::optional<std::string> constant_leaf(const CType& type, const Value& value, const TypeNames& names) {
  switch (type.kind) {
    case Kind::kEnum: {
      auto it = std::find(type.enumerators.begin(), type.enumerators.end(), static_cast<int64_t>(value.integer));
      if (it == type.enumerators.end()) throw std::logic_error("an enum value that is not one of its enumerators");
      return names.enumerator(type, static_cast<size_t>(it - type.enumerators.begin()));
    }
    case Kind::kBitfield: return integer_literal(type.target->kind, value.integer);
    case Kind::kFloat:
    case Kind::kDouble:
    case Kind::kLongDouble:
      if (value.real.cls != FloatValue::Class::kFinite) return std::nullopt;
      return fmt::format("{}0x{:x}p{:+d}{}", value.real.negative ? "-" : "", value.real.mantissa, value.real.exponent,
                         float_suffix(type.kind));
    case Kind::kComplexFloat:
    case Kind::kComplexDouble:
    case Kind::kComplexLongDouble: return std::nullopt;
    case Kind::kPointer:
    case Kind::kFunctionPointer:
      return fmt::format("({})(uintptr_t){}", names.spell(type), hex64(static_cast<uint64_t>(value.integer)));
    default: return integer_literal(type.kind, value.integer);
  }
}

std::string store_leaf(const CType& type, const Value& value, const std::string& lvalue, const TypeNames& names) {
  switch (type.kind) {
    case Kind::kEnum: {
      auto it = std::find(type.enumerators.begin(), type.enumerators.end(), static_cast<int64_t>(value.integer));
      if (it == type.enumerators.end()) throw std::logic_error("an enum value that is not one of its enumerators");
      return fmt::format("{} = {};", lvalue, names.enumerator(type, static_cast<size_t>(it - type.enumerators.begin())));
    }
    case Kind::kBitfield: return fmt::format("{} = {};", lvalue, integer_literal(type.target->kind, value.integer));
    case Kind::kFloat:
    case Kind::kDouble:
    case Kind::kLongDouble: return store_real(type.kind, value.real, lvalue);
    case Kind::kComplexFloat:
    case Kind::kComplexDouble:
    case Kind::kComplexLongDouble: {
      // A complex is laid out as two reals (C11 6.2.5p13): fill them by bytes.
      const std::string real = base_spelling(real_part(type.kind));
      return fmt::format(
          "{{ {} q_re, q_im; {} q_c; {} {} memcpy(&q_c, &q_re, sizeof q_re); "
          "memcpy((char *)&q_c + sizeof q_re, &q_im, sizeof q_im); {} = q_c; }}",
          real, base_spelling(type.kind), store_real(real_part(type.kind), value.real, "q_re"),
          store_real(real_part(type.kind), value.imag, "q_im"), lvalue);
    }
    case Kind::kPointer:
    case Kind::kFunctionPointer:
      return fmt::format("{} = ({})(uintptr_t){};", lvalue, names.spell(type), hex64(static_cast<uint64_t>(value.integer)));
    default: return fmt::format("{} = {};", lvalue, integer_literal(type.kind, value.integer));
  }
}

}  // namespace testgen::abi
