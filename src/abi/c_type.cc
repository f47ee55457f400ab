#include "c_type.h"

#include <fmt/format.h>

namespace testgen::abi {
namespace {

TypePtr make(CType t) { return std::make_shared<const CType>(std::move(t)); }

}  // namespace

TypePtr scalar(Kind kind) {
  // Scalars carry no state, so one shared instance per kind is enough.
  static const auto table = [] {
    std::vector<TypePtr> all;
    for (int k = 0; k <= static_cast<int>(Kind::kBitfield); ++k) all.push_back(make(CType{.kind = Kind(k)}));
    return all;
  }();
  return table[static_cast<size_t>(kind)];
}

TypePtr pointer_to(TypePtr target) {
  if (target->kind == Kind::kBitfield) throw TypeError("pointer: a bitfield has no address");
  return make(CType{.kind = Kind::kPointer, .target = std::move(target)});
}

TypePtr array_of(TypePtr element, int64_t length) {
  if (length < 0) throw TypeError(fmt::format("array: negative length {}", length));
  if (element->kind == Kind::kBitfield) throw TypeError("array: elements cannot be bitfields");
  if (element->kind == Kind::kVoid) throw TypeError("array: elements cannot be void");
  return make(CType{.kind = Kind::kArray, .target = std::move(element), .length = length});
}

TypePtr aggregate(Kind kind, std::vector<TypePtr> members) {
  for (const TypePtr& m : members)
    if (m->kind == Kind::kVoid)
      throw TypeError(fmt::format("{}: a member cannot be void", kind == Kind::kStruct ? "struct" : "union"));
  return make(CType{.kind = kind, .members = std::move(members)});
}

TypePtr function_pointer(TypePtr result, std::vector<TypePtr> params, bool variadic) {
  if (result->kind == Kind::kArray) throw TypeError("function pointer: a function cannot return an array");
  for (const TypePtr& p : params)
    if (p->kind == Kind::kVoid || p->kind == Kind::kBitfield)
      throw TypeError("function pointer: a parameter cannot be void or a bitfield");
  return make(CType{.kind = Kind::kFunctionPointer, .target = std::move(result), .members = std::move(params),
                    .variadic = variadic});
}

TypePtr bitfield(TypePtr base, int64_t width) {
  if (!is_integer(base->kind) || base->kind == Kind::kEnum || base->kind == Kind::kInt128 ||
      base->kind == Kind::kUInt128)
    throw TypeError(fmt::format("bitfield: the base type must be _Bool, char, short, int, long or long long, not {}",
                                base_spelling(base->kind)));
  const int bits = base->kind == Kind::kBool ? 1 : integer_bits(base->kind);
  if (width < 0 || width > bits)
    throw TypeError(fmt::format("bitfield: width {} does not fit {} ({} bits)", width, base_spelling(base->kind), bits));
  return make(CType{.kind = Kind::kBitfield, .target = std::move(base), .length = width});
}

TypePtr enumeration(std::vector<int64_t> enumerators) {
  if (enumerators.empty()) throw TypeError("enum: needs at least one enumerator");
  for (int64_t v : enumerators)
    if (v < INT32_MIN || v > INT32_MAX) throw TypeError(fmt::format("enum: {} does not fit an int", v));
  return make(CType{.kind = Kind::kEnum, .enumerators = std::move(enumerators)});
}

TypePtr complex_of(TypePtr real) {
  switch (real->kind) {
    case Kind::kFloat: return scalar(Kind::kComplexFloat);
    case Kind::kDouble: return scalar(Kind::kComplexDouble);
    case Kind::kLongDouble: return scalar(Kind::kComplexLongDouble);
    default: throw TypeError(fmt::format("complex: needs float, double or long double, not {}", base_spelling(real->kind)));
  }
}

TypePtr with_unsigned(const TypePtr& type) {
  switch (type->kind) {
    case Kind::kChar:
    case Kind::kSChar: return scalar(Kind::kUChar);
    case Kind::kShort: return scalar(Kind::kUShort);
    case Kind::kInt: return scalar(Kind::kUInt);
    case Kind::kLong: return scalar(Kind::kULong);
    case Kind::kLongLong: return scalar(Kind::kULongLong);
    case Kind::kInt128: return scalar(Kind::kUInt128);
    case Kind::kBool:
    case Kind::kUChar:
    case Kind::kUShort:
    case Kind::kUInt:
    case Kind::kULong:
    case Kind::kULongLong:
    case Kind::kUInt128: return type;
    case Kind::kBitfield: {
      CType t = *type;
      t.target = with_unsigned(type->target);
      return make(std::move(t));
    }
    default: throw TypeError(fmt::format("unsigned: needs an integer type, not {}", base_spelling(type->kind)));
  }
}

TypePtr with_signed(const TypePtr& type) {
  if (type->kind == Kind::kChar) return scalar(Kind::kSChar);
  if (type->kind == Kind::kBitfield) {
    CType t = *type;
    t.target = with_signed(type->target);
    return make(std::move(t));
  }
  if (!is_integer(type->kind)) throw TypeError(fmt::format("signed: needs an integer type, not {}", base_spelling(type->kind)));
  return type;
}

TypePtr packed(const TypePtr& type) {
  if (type->kind == Kind::kBitfield || type->kind == Kind::kVoid)
    throw TypeError(fmt::format("packed: needs a struct, a union or a member's type, not {}", base_spelling(type->kind)));
  CType t = *type;
  t.packed = true;
  return make(std::move(t));
}

TypePtr aligned(const TypePtr& type, int alignment) {
  if (alignment <= 0 || (alignment & (alignment - 1)) != 0 || alignment > 4096)
    throw TypeError(fmt::format("aligned: {} is not a power of two up to 4096", alignment));
  if (type->kind == Kind::kBitfield) throw TypeError("aligned: a bitfield cannot be aligned");
  CType t = *type;
  t.align = alignment;
  return make(std::move(t));
}

bool is_integer(Kind k) { return k >= Kind::kBool && k <= Kind::kEnum; }

bool is_signed_integer(Kind k) {
  switch (k) {
    case Kind::kChar:  // treated as signed when generating values; the cast fixes it up
    case Kind::kSChar:
    case Kind::kShort:
    case Kind::kInt:
    case Kind::kLong:
    case Kind::kLongLong:
    case Kind::kInt128:
    case Kind::kEnum: return true;
    default: return false;
  }
}

bool is_real_floating(Kind k) { return k == Kind::kFloat || k == Kind::kDouble || k == Kind::kLongDouble; }
bool is_complex(Kind k) { return k >= Kind::kComplexFloat && k <= Kind::kComplexLongDouble; }
bool is_aggregate(Kind k) { return k == Kind::kStruct || k == Kind::kUnion; }

bool is_leaf(Kind k) {
  return is_integer(k) || is_real_floating(k) || is_complex(k) || k == Kind::kPointer || k == Kind::kFunctionPointer;
}

int integer_bits(Kind k) {
  switch (k) {
    case Kind::kBool: return 8;
    case Kind::kChar:
    case Kind::kSChar:
    case Kind::kUChar: return 8;
    case Kind::kShort:
    case Kind::kUShort: return 16;
    case Kind::kInt:
    case Kind::kUInt:
    case Kind::kEnum: return 32;
    case Kind::kLong:
    case Kind::kULong:
    case Kind::kLongLong:
    case Kind::kULongLong: return 64;
    case Kind::kInt128:
    case Kind::kUInt128: return 128;
    default: return 0;
  }
}

bool is_promoted_in_varargs(const CType& t) {
  switch (t.kind) {
    case Kind::kFloat:
    case Kind::kBool:
    case Kind::kChar:
    case Kind::kSChar:
    case Kind::kUChar:
    case Kind::kShort:
    case Kind::kUShort:
    case Kind::kEnum:  // may be as small as a char with -fshort-enums
      return true;
    default: return false;
  }
}

std::string base_spelling(Kind k) {
  switch (k) {
    case Kind::kVoid: return "void";
    case Kind::kBool: return "_Bool";
    case Kind::kChar: return "char";
    case Kind::kSChar: return "signed char";
    case Kind::kUChar: return "unsigned char";
    case Kind::kShort: return "short";
    case Kind::kUShort: return "unsigned short";
    case Kind::kInt: return "int";
    case Kind::kUInt: return "unsigned int";
    case Kind::kLong: return "long";
    case Kind::kULong: return "unsigned long";
    case Kind::kLongLong: return "long long";
    case Kind::kULongLong: return "unsigned long long";
    case Kind::kInt128: return "__int128";
    case Kind::kUInt128: return "unsigned __int128";
    case Kind::kEnum: return "enum";
    case Kind::kFloat: return "float";
    case Kind::kDouble: return "double";
    case Kind::kLongDouble: return "long double";
    case Kind::kComplexFloat: return "float _Complex";
    case Kind::kComplexDouble: return "double _Complex";
    case Kind::kComplexLongDouble: return "long double _Complex";
    case Kind::kPointer: return "pointer";
    case Kind::kFunctionPointer: return "function pointer";
    case Kind::kArray: return "array";
    case Kind::kStruct: return "struct";
    case Kind::kUnion: return "union";
    case Kind::kBitfield: return "bitfield";
  }
  return "?";
}

}  // namespace testgen::abi
