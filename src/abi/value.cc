#include "value.h"

#include <fmt/format.h>

#include <map>

#include "testgen/gen.h"

namespace testgen::abi {
namespace {

namespace g = testgen::gen;
using g::Where;

Where at_site(const std::string& name) { return Where::named(name); }

// The value of the low `bits` bits of `raw`, sign-extended when signed.
Int128 truncate(UInt128 raw, int bits, bool is_signed) {
  if (bits >= 128) return static_cast<Int128>(raw);
  const UInt128 mask = (UInt128{1} << bits) - 1;
  raw &= mask;
  if (is_signed && ((raw >> (bits - 1)) & 1)) raw |= ~mask;
  return static_cast<Int128>(raw);
}

std::vector<Int128> boundaries(int bits, bool is_signed) {
  const UInt128 all = bits >= 128 ? ~UInt128{0} : (UInt128{1} << bits) - 1;
  if (!is_signed) return {0, 1, static_cast<Int128>(all), static_cast<Int128>(all - 1), static_cast<Int128>(all >> 1),
                          static_cast<Int128>((all >> 1) + 1)};
  const Int128 max = static_cast<Int128>(all >> 1);
  const Int128 min = -max - 1;
  return {0, 1, -1, max, min, max - 1, min + 1};
}

// Full-range integers of one width and signedness: small numbers, the
// boundaries, powers of two and their neighbours, and any bit pattern.
Gen<Int128> integer_value(int bits, bool is_signed) {
  static std::map<std::pair<int, bool>, Gen<Int128>> cache;
  if (auto it = cache.find({bits, is_signed}); it != cache.end()) return it->second;
  const std::string name = fmt::format("quest.value.{}{}", is_signed ? "int" : "uint", bits);
  auto small = g::map(g::choose(is_signed ? -16 : 0, 32, at_site(name + ".small")),
                      [](int64_t v) { return static_cast<Int128>(v); });
  auto boundary = g::elements(boundaries(bits, is_signed), at_site(name + ".boundary"));
  auto power = g::map(g::tuple(g::choose(0, bits - 1, at_site(name + ".power")), g::choose(-1, 1, at_site(name + ".off"))),
                      [bits, is_signed](const std::tuple<int64_t, int64_t>& t) {
                        const UInt128 p = UInt128{1} << std::get<0>(t);
                        return truncate(p + static_cast<UInt128>(static_cast<Int128>(std::get<1>(t))), bits, is_signed);
                      });
  auto any = g::map(g::tuple(g::bits64(at_site(name + ".low")), g::bits64(at_site(name + ".high"))),
                    [bits, is_signed](const std::tuple<uint64_t, uint64_t>& t) {
                      const UInt128 raw = (static_cast<UInt128>(std::get<1>(t)) << 64) | std::get<0>(t);
                      return truncate(raw, bits, is_signed);
                    });
  Gen<Int128> out = g::freq<Int128>({{3, small}, {2, boundary}, {1, power}, {4, any}}, at_site(name));
  cache.emplace(std::make_pair(bits, is_signed), out);
  return out;
}

struct FloatFormat {
  int precision;     // mantissa bits of a normal value, hidden bit included
  int denormal_exp;  // exponent of the smallest denormal (mantissa 1)
  int max_exp;       // largest exponent of a finite value with a full mantissa
};

// Long double is generated inside double's exponent range with a 64-bit
// mantissa: exact on x87 and binary128, rounded (the same way on both
// sides) where long double is double, and never out of range anywhere.
FloatFormat format_of(Kind k) {
  switch (k) {
    case Kind::kFloat: return {24, -149, 104};
    case Kind::kDouble: return {53, -1074, 971};
    default: return {64, -1085, 959};
  }
}

FloatValue finite(bool negative, uint64_t mantissa, int exponent) {
  return FloatValue{.cls = FloatValue::Class::kFinite, .negative = negative, .mantissa = mantissa, .exponent = exponent};
}

uint64_t quiet_nan_bits(Kind k, bool negative, uint64_t payload) {
  if (k == Kind::kFloat) return (uint64_t{negative} << 31) | 0x7fc00000u | (payload & 0x3fffffu);
  return (uint64_t{negative} << 63) | 0x7ff8000000000000ull | (payload & 0x7ffffffffffffull);
}

// Zeros of both signs, small integers, normal numbers over the whole
// exponent range, denormals, boundaries, infinities and quiet NaNs.
Gen<FloatValue> float_value(Kind kind) {
  static std::map<Kind, Gen<FloatValue>> cache;
  if (auto it = cache.find(kind); it != cache.end()) return it->second;
  const std::string name = "quest.value." + base_spelling(kind);
  const FloatFormat f = format_of(kind);
  const int denormal_bits = kind == Kind::kLongDouble ? 52 : f.precision - 1;
  const int denormal_exp = kind == Kind::kLongDouble ? -1074 : f.denormal_exp;
  auto sign = g::flip(at_site(name + ".sign"));
  using Pair = std::tuple<bool, int64_t>;
  using Triple = std::tuple<bool, uint64_t, int64_t>;
  auto zero = g::map(sign, [](bool neg) { return finite(neg, 0, 0); });
  auto small = g::map(g::tuple(sign, g::choose(1, 1000, at_site(name + ".small"))),
                      [](const Pair& t) { return finite(std::get<0>(t), static_cast<uint64_t>(std::get<1>(t)), 0); });
  auto normal = g::map(g::tuple(sign, g::bits64(at_site(name + ".mantissa")),
                                g::choose(f.denormal_exp, f.max_exp, at_site(name + ".exponent"))),
                       [f](const Triple& t) {
                         const uint64_t top = uint64_t{1} << (f.precision - 1);
                         const uint64_t m = (std::get<1>(t) & (top - 1)) | top;
                         return finite(std::get<0>(t), m, static_cast<int>(std::get<2>(t)));
                       });
  auto denormal = g::map(g::tuple(sign, g::bits64(at_site(name + ".denormal"))),
                         [denormal_bits, denormal_exp](const std::tuple<bool, uint64_t>& t) {
                           const uint64_t m = std::get<1>(t) & ((uint64_t{1} << denormal_bits) - 1);
                           return finite(std::get<0>(t), m ? m : 1, denormal_exp);
                         });
  const int dbl_like = kind == Kind::kFloat ? 24 : 53;  // long double boundaries stay inside double's range
  const int max_exp = kind == Kind::kFloat ? 104 : 971;
  const int min_normal_exp = kind == Kind::kFloat ? -126 : -1022;
  auto boundary = g::map(g::tuple(sign, g::choose(0, 3, at_site(name + ".boundary"))),
                         [=](const Pair& t) {
                           const bool neg = std::get<0>(t);
                           switch (std::get<1>(t)) {
                             case 0: return finite(neg, 1, 0);
                             case 1: return finite(neg, (uint64_t{1} << dbl_like) - 1, max_exp);
                             case 2: return finite(neg, 1, min_normal_exp);
                             default: return finite(neg, 1, denormal_exp);
                           }
                         });
  auto inf = g::map(sign, [](bool neg) { return FloatValue{.cls = FloatValue::Class::kInfinite, .negative = neg}; });
  auto nan = g::map(g::tuple(sign, g::bits64(at_site(name + ".payload"))), [kind](const std::tuple<bool, uint64_t>& t) {
    return FloatValue{.cls = FloatValue::Class::kNaN, .negative = std::get<0>(t),
                      .nan_bits = quiet_nan_bits(kind, std::get<0>(t), std::get<1>(t))};
  });
  Gen<FloatValue> out = g::freq<FloatValue>(
      {{1, zero}, {3, small}, {5, normal}, {1, denormal}, {2, boundary}, {1, inf}, {1, nan}}, at_site(name));
  cache.emplace(kind, out);
  return out;
}

// --- pattern mode ------------------------------------------------------------

uint64_t pattern_bytes(int leaf, int first_byte, int count) {
  const unsigned f = static_cast<unsigned>(leaf % 15 + 1);  // never 0, so no byte of a pattern is 0x00
  uint64_t out = 0;
  for (int b = 0; b < count; ++b) out |= uint64_t{(f << 4) | ((first_byte + b) & 15u)} << (8 * b);
  return out;
}

FloatValue pattern_float(Kind kind, int leaf, int first_byte) {
  if (kind == Kind::kFloat || kind == Kind::kDouble) {
    const bool is_float = kind == Kind::kFloat;
    const uint64_t bits = pattern_bytes(leaf, first_byte, is_float ? 4 : 8);
    const int frac_bits = is_float ? 23 : 52, exp_bits = is_float ? 8 : 11, bias = is_float ? 127 : 1023;
    const uint64_t frac = bits & ((uint64_t{1} << frac_bits) - 1);
    const auto exp = static_cast<int>((bits >> frac_bits) & ((uint64_t{1} << exp_bits) - 1));
    const bool neg = (bits >> (frac_bits + exp_bits)) & 1;
    // The patterns never have an all-ones exponent (see pattern_bytes), so no NaN or infinity.
    if (exp == 0) return finite(neg, frac, 1 - bias - frac_bits);
    return finite(neg, frac | (uint64_t{1} << frac_bits), exp - bias - frac_bits);
  }
  // long double: the pattern in the mantissa (its top bit set), value in [1, 2).
  return finite(leaf & 1, pattern_bytes(leaf, first_byte, 8) | (uint64_t{1} << 63), -63);
}

Value pattern_leaf(const CType& type, int leaf) {
  Value v;
  switch (type.kind) {
    case Kind::kBool: v.integer = leaf & 1; break;
    case Kind::kEnum: v.integer = type.enumerators[static_cast<size_t>(leaf) % type.enumerators.size()]; break;
    case Kind::kBitfield:
      if (type.target->kind == Kind::kBool) {
        v.integer = leaf & 1;
      } else {
        v.integer = truncate(pattern_bytes(leaf, 0, 8), static_cast<int>(type.length), is_signed_integer(type.target->kind));
      }
      break;
    case Kind::kFloat:
    case Kind::kDouble:
    case Kind::kLongDouble: v.real = pattern_float(type.kind, leaf, 0); break;
    case Kind::kComplexFloat: v.real = pattern_float(Kind::kFloat, leaf, 0), v.imag = pattern_float(Kind::kFloat, leaf, 4); break;
    case Kind::kComplexDouble: v.real = pattern_float(Kind::kDouble, leaf, 0), v.imag = pattern_float(Kind::kDouble, leaf, 8); break;
    case Kind::kComplexLongDouble:
      v.real = pattern_float(Kind::kLongDouble, leaf, 0), v.imag = pattern_float(Kind::kLongDouble, leaf, 8);
      break;
    case Kind::kPointer:
    case Kind::kFunctionPointer: v.integer = static_cast<Int128>(pattern_bytes(leaf, 0, 8)); break;
    default: {
      const int bits = integer_bits(type.kind);
      UInt128 raw = pattern_bytes(leaf, 0, 8);
      if (bits > 64) raw |= static_cast<UInt128>(pattern_bytes(leaf, 8, 8)) << 64;
      v.integer = truncate(raw, bits, is_signed_integer(type.kind));
    }
  }
  return v;
}

// --- full-range leaves ---------------------------------------------------------

Value full_leaf(const CType& type, const Cursor& at) {
  Value v;
  switch (type.kind) {
    case Kind::kBool: {
      static const Gen<bool> b = g::flip(at_site("quest.value._Bool"));
      v.integer = b(at);
      break;
    }
    case Kind::kEnum: {
      const auto n = static_cast<int64_t>(type.enumerators.size());
      v.integer = type.enumerators[static_cast<size_t>(g::integer(n, at_site("quest.value.enum"))(at))];
      break;
    }
    case Kind::kBitfield: {
      const bool is_signed = is_signed_integer(type.target->kind) && type.target->kind != Kind::kBool;
      const int width = static_cast<int>(type.length);
      if (type.target->kind == Kind::kBool) {
        static const Gen<bool> b = g::flip(at_site("quest.value.bitfield._Bool"));
        v.integer = b(at);
      } else {
        // Drawn at the width of the base type, then cut to the field's width.
        v.integer = truncate(static_cast<UInt128>(integer_value(64, is_signed)(at)), width, is_signed);
      }
      break;
    }
    case Kind::kFloat:
    case Kind::kDouble:
    case Kind::kLongDouble: v.real = float_value(type.kind)(at); break;
    case Kind::kComplexFloat:
    case Kind::kComplexDouble:
    case Kind::kComplexLongDouble: {
      static const Site site = Site::named("complex", "quest.value");
      at.claim(site);
      const Kind part = type.kind == Kind::kComplexFloat    ? Kind::kFloat
                        : type.kind == Kind::kComplexDouble ? Kind::kDouble
                                                            : Kind::kLongDouble;
      v.real = float_value(part)(at.child(0));
      v.imag = float_value(part)(at.child(1));
      break;
    }
    case Kind::kPointer:
    case Kind::kFunctionPointer: {
      // Never dereferenced: any address will do, null and small ones first.
      static const Gen<Int128> p = g::freq<Int128>(
          {{1, g::unit<Int128>(0, at_site("quest.value.pointer.null"))},
           {2, g::map(g::choose(1, 1 << 20, at_site("quest.value.pointer.small")), [](int64_t x) { return Int128{x} * 16; })},
           {3, g::map(g::bits64(at_site("quest.value.pointer.any")),
                      [](uint64_t x) { return static_cast<Int128>(UInt128{x}); })}},
          at_site("quest.value.pointer"));
      v.integer = p(at);
      break;
    }
    default: v.integer = integer_value(integer_bits(type.kind), is_signed_integer(type.kind))(at);
  }
  return v;
}

}  // namespace

int mantissa_bits(Kind kind) { return format_of(kind).precision; }

Value draw_value(const CType& type, const Cursor& at, ValueMode mode, int& leaf) {
  static const Site aggregate_site = Site::named("aggregate", "quest.value");
  static const Site union_site = Site::named("union.active", "quest.value");
  if (type.kind == Kind::kArray || type.kind == Kind::kStruct) {
    at.claim(aggregate_site);
    Value v;
    const bool is_array = type.kind == Kind::kArray;
    const size_t n = is_array ? static_cast<size_t>(type.length) : type.members.size();
    v.parts.reserve(n);
    for (size_t i = 0; i < n; ++i)
      v.parts.push_back(draw_value(is_array ? *type.target : *type.members[i], at.child(static_cast<uint32_t>(i)), mode, leaf));
    return v;
  }
  if (type.kind == Kind::kUnion) {
    at.claim(aggregate_site);
    Value v;
    v.parts.resize(type.members.size());
    std::vector<size_t> named;
    for (size_t i = 0; i < type.members.size(); ++i)
      if (!(type.members[i]->kind == Kind::kBitfield && type.members[i]->length == 0)) named.push_back(i);
    if (named.empty()) return v;
    const auto pick = at.child(0).decide(union_site, ChoiceKind::kIndex, 0, static_cast<int64_t>(named.size()) - 1);
    v.active = named[static_cast<size_t>(pick)];
    v.parts[v.active] = draw_value(*type.members[v.active], at.child(static_cast<uint32_t>(1 + v.active)), mode, leaf);
    return v;
  }
  if (type.kind == Kind::kBitfield && type.length == 0) return {};  // unnamed padding: no value
  if (type.kind == Kind::kVoid) return {};
  if (mode == ValueMode::kPattern) return pattern_leaf(type, leaf++);
  ++leaf;
  return full_leaf(type, at);
}

}  // namespace testgen::abi
