// Arithmetic to i64 expressions. Reads and writes of variables go through
// the Shell (a variable may hold an expression, as bash allows); `sh` is
// borrowed by each call in turn, so operands are bound before a call that
// needs `sh` again.
#include <fmt/format.h>

#include "lower.h"
#include "rust_emitter.h"

namespace testgen::bash {
namespace {

std::string number(int64_t n) {
  if (n == INT64_MIN) return "i64::MIN";
  return fmt::format("{}", n);
}

}  // namespace

std::string RustEmitter::arith(const Arith& a) {
  switch (a.kind) {
    case Arith::Kind::kNumber:
      return number(a.number);
    case Arith::Kind::kVariable:
      if (a.index) return fmt::format("{{ let i = {}; sh.int_element({}, i) }}", arith(*a.index), rust_string(a.name));
      return fmt::format("sh.int({})", rust_string(a.name));
    case Arith::Kind::kText:
      return fmt::format("{{ let text = {}; sh.eval(&text) }}", string_expr(*a.text));
    case Arith::Kind::kUnary: {
      std::string x = arith(a.operands[0]);
      if (a.op == "-") return fmt::format("({}).wrapping_neg()", x);
      if (a.op == "+") return x;
      if (a.op == "!") return fmt::format("i64::from({} == 0)", x);
      return fmt::format("!({})", x);
    }
    case Arith::Kind::kBinary:
      return arith_binary(a);
    case Arith::Kind::kAssign:
      return arith_assign(a);
    case Arith::Kind::kTernary:
      return fmt::format("if {} != 0 {{ {} }} else {{ {} }}", arith(a.operands[0]), arith(a.operands[1]),
                         arith(a.operands[2]));
    case Arith::Kind::kPreIncrement:
    case Arith::Kind::kPreDecrement:
    case Arith::Kind::kPostIncrement:
    case Arith::Kind::kPostDecrement: {
      if (a.index) throw Unsupported("++/-- on an array element", Pos{}, a.source);
      bool pre = a.kind == Arith::Kind::kPreIncrement || a.kind == Arith::Kind::kPreDecrement;
      bool up = a.kind == Arith::Kind::kPreIncrement || a.kind == Arith::Kind::kPostIncrement;
      return fmt::format("sh.{}({}, {})", pre ? "pre_add" : "post_add", rust_string(a.name), up ? "1" : "-1");
    }
  }
  return "0";
}

std::string RustEmitter::arith_binary(const Arith& a) {
  const std::string& op = a.op;
  std::string l = arith(a.operands[0]);
  std::string r = arith(a.operands[1]);
  if (op == ",") return fmt::format("{{ let _ = {}; {} }}", l, r);
  if (op == "&&") return fmt::format("i64::from({} != 0 && {} != 0)", l, r);
  if (op == "||") return fmt::format("i64::from({} != 0 || {} != 0)", l, r);
  // Both operands first (left to right, as bash evaluates them).
  auto bound = [&](const std::string& expr) { return fmt::format("{{ let a = {}; let b = {}; {} }}", l, r, expr); };
  if (op == "+") return bound("a.wrapping_add(b)");
  if (op == "-") return bound("a.wrapping_sub(b)");
  if (op == "*") return bound("a.wrapping_mul(b)");
  if (op == "/") return bound("sh.div(a, b)");
  if (op == "%") return bound("sh.rem(a, b)");
  if (op == "**") return bound("sh.pow(a, b)");
  if (op == "<<") return bound("shell::arith::shl(a, b)");
  if (op == ">>") return bound("shell::arith::shr(a, b)");
  if (op == "&" || op == "|" || op == "^") return bound("a " + op + " b");
  if (op == "==" || op == "!=" || op == "<" || op == "<=" || op == ">" || op == ">=")
    return bound("i64::from(a " + op + " b)");
  throw Unsupported("arithmetic operator '" + op + "'", Pos{}, a.source);
}

std::string RustEmitter::arith_assign(const Arith& a) {
  std::string value = arith(a.operands[0]);
  std::string name = rust_string(a.name);
  std::string index = a.index ? arith(*a.index) : "";
  auto store = [&](const std::string& v) {
    return a.index ? fmt::format("sh.set_int_element({}, i, {})", name, v) : fmt::format("sh.set_int({}, {})", name, v);
  };
  auto read = a.index ? fmt::format("sh.int_element({}, i)", name) : fmt::format("sh.int({})", name);
  std::string prefix = a.index ? fmt::format("let i = {}; ", index) : "";
  if (a.op == "=") return fmt::format("{{ {}let v = {}; {} }}", prefix, value, store("v"));
  std::string op = a.op.substr(0, a.op.size() - 1);
  std::string combine;
  if (op == "+") combine = "old.wrapping_add(v)";
  else if (op == "-") combine = "old.wrapping_sub(v)";
  else if (op == "*") combine = "old.wrapping_mul(v)";
  else if (op == "/") combine = "sh.div(old, v)";
  else if (op == "%") combine = "sh.rem(old, v)";
  else if (op == "<<") combine = "shell::arith::shl(old, v)";
  else if (op == ">>") combine = "shell::arith::shr(old, v)";
  else combine = "old " + op + " v";
  return fmt::format("{{ {}let v = {}; let old = {}; let new = {}; {} }}", prefix, value, read, combine, store("new"));
}

}  // namespace testgen::bash
