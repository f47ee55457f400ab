#include "test_case.h"

#include <fmt/format.h>

namespace testgen::abi {
namespace {

// Bitfields may only sit directly in a struct or union; alignment on a
// non-aggregate only means something on a member.
void check_nested(const CType& type, const std::string& where) {
  const bool aggregate_type = is_aggregate(type.kind);
  for (size_t i = 0; i < type.members.size(); ++i) {
    const CType& m = *type.members[i];
    if (type.kind == Kind::kFunctionPointer) {
      if (m.kind == Kind::kBitfield) throw TypeError(fmt::format("{}: a function pointer parameter cannot be a bitfield", where));
      continue;
    }
    if (m.kind == Kind::kBitfield && !aggregate_type) throw TypeError(fmt::format("{}: a bitfield outside a struct or union", where));
    check_nested(m, where);
  }
  if (type.target) {
    if (type.target->kind == Kind::kBitfield && type.kind != Kind::kBitfield)
      throw TypeError(fmt::format("{}: a bitfield outside a struct or union", where));
    check_nested(*type.target, where);
  }
}

void check_top(const CType& type, const std::string& where, bool is_result) {
  if (type.kind == Kind::kBitfield) throw TypeError(fmt::format("{}: a bitfield outside a struct or union", where));
  if (type.kind == Kind::kVoid && !is_result) throw TypeError(fmt::format("{}: a parameter cannot be void", where));
  if (is_result && type.kind == Kind::kArray) throw TypeError(fmt::format("{}: a function cannot return an array", where));
  check_nested(type, where);
}

}  // namespace

void validate(const Signature& signature) {
  for (size_t i = 0; i < signature.args.size(); ++i) check_top(*signature.args[i], fmt::format("parameter {}", i), false);
  for (size_t i = 0; i < signature.varargs.size(); ++i)
    check_top(*signature.varargs[i], fmt::format("variadic argument {}", i), false);
  if (!signature.result) throw TypeError("result: missing");
  check_top(*signature.result, "result", true);
}

bool add_vararg_anchor(Signature& signature) {
  if (signature.varargs.empty()) return false;
  if (!signature.args.empty()) {
    const CType& last = *signature.args.back();
    // C11 7.16.1.4: va_start's parameter must not have array type or a type
    // that default argument promotion changes.
    if (!is_promoted_in_varargs(last) && last.kind != Kind::kArray) return false;
  }
  signature.args.push_back(scalar(Kind::kInt));
  return true;
}

void draw_values(TestCase& test, const Cursor& at, ValueMode mode) {
  int leaf = 0;
  const Signature& s = test.signature;
  test.arg_values.clear();
  test.vararg_values.clear();
  const Cursor args = at.child(0), varargs = at.child(1);
  for (size_t i = 0; i < s.args.size(); ++i)
    test.arg_values.push_back(draw_value(*s.args[i], args.child(static_cast<uint32_t>(i)), mode, leaf));
  for (size_t i = 0; i < s.varargs.size(); ++i) {
    Value v = draw_value(*s.varargs[i], varargs.child(static_cast<uint32_t>(i)), mode, leaf);
    // A float passed through `...` travels as a double and is converted
    // back. The conversions keep a NaN's payload on x86-64 and AArch64, but
    // RISC-V's give the canonical NaN (C promises no payload), which every
    // pair there reported as a wrong vararg. Such a NaN is the canonical one.
    if (s.varargs[i]->kind == Kind::kFloat && v.real.cls == FloatValue::Class::kNaN)
      v.real = FloatValue{.cls = FloatValue::Class::kNaN, .nan_bits = 0x7fc00000u};
    test.vararg_values.push_back(std::move(v));
  }
  test.result_value = draw_value(*s.result, at.child(2), mode, leaf);
}

}  // namespace testgen::abi
