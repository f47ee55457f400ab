#include "signature.h"

#include <fmt/format.h>

#include "sysv_class.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace testgen::abi {
namespace {

// The index a member name stands for (see TypeNames::member_name).
std::optional<size_t> member_index(std::string_view name) {
  if (name.size() == 1 && name[0] >= 'a' && name[0] <= 'z') return static_cast<size_t>(name[0] - 'a');
  if (name.size() > 1 && name[0] == 'm') {
    size_t n = 0;
    for (char c : name.substr(1)) {
      if (c < '0' || c > '9') return std::nullopt;
      n = n * 10 + static_cast<size_t>(c - '0');
    }
    return n;
  }
  return std::nullopt;
}

// The top-level type a path starts at ("arg3", "vararg0", "result") and the rest.
const CType* root_of(const TestCase& test, std::string_view& rest) {
  const size_t end = rest.find_first_of(".[:");
  const std::string_view head = rest.substr(0, end);
  rest.remove_prefix(end == std::string_view::npos ? rest.size() : end);
  auto index = [](std::string_view digits) -> std::optional<size_t> {
    if (digits.empty()) return std::nullopt;
    size_t n = 0;
    for (char c : digits) {
      if (c < '0' || c > '9') return std::nullopt;
      n = n * 10 + static_cast<size_t>(c - '0');
    }
    return n;
  };
  const Signature& s = test.signature;
  if (head == "result") return s.result.get();
  if (head.starts_with("vararg")) {
    auto i = index(head.substr(6));
    return i && *i < s.varargs.size() ? s.varargs[*i].get() : nullptr;
  }
  if (head.starts_with("arg")) {
    auto i = index(head.substr(3));
    return i && *i < s.args.size() ? s.args[*i].get() : nullptr;
  }
  return nullptr;
}

// A top-level argument's class for signatures: its type class, and on
// x86_64 the psABI classes of its eightbytes ("struct INTEGER+SSE"), which
// decide the registers it travels in.
std::string argument_class(const CType& type, const std::string& arch) {
  if (arch != "x86_64" || !is_aggregate(type.kind)) return type_class(type);
  // The set of classes, not their sequence: SSE and SSE+SSE travel alike,
  // and more detail would split one bug into many signatures.
  std::vector<ArgClass> kinds;
  for (ArgClass c : classify(type))
    if (c != ArgClass::kSseUp && c != ArgClass::kX87Up && std::find(kinds.begin(), kinds.end(), c) == kinds.end())
      kinds.push_back(c);
  std::sort(kinds.begin(), kinds.end());
  return fmt::format("{} {}", type_class(type), class_mix(kinds));
}

// Where a crash happened, from the program's last stage ("callee arg 2",
// "caller call"): the place, and the class of the argument being read.
void crash_place(const TestCase& test, const std::string& arch, const std::string& stage, FailureSignature& s) {
  const Signature& sig = test.signature;
  auto index_after = [&](std::string_view prefix) -> std::optional<size_t> {
    if (!stage.starts_with(prefix)) return std::nullopt;
    size_t n = 0;
    for (char c : std::string_view(stage).substr(prefix.size())) {
      if (c < '0' || c > '9') return std::nullopt;
      n = n * 10 + static_cast<size_t>(c - '0');
    }
    return n;
  };
  if (auto i = index_after("callee arg "); i && *i < sig.args.size()) {
    s.where = "callee reading param";
    s.what += " " + argument_class(*sig.args[*i], arch);
  } else if (auto v = index_after("callee vararg "); v && *v < sig.varargs.size()) {
    s.where = "callee reading vararg";
    s.what += " " + argument_class(*sig.varargs[*v], arch);
  } else if (stage == "caller call") {
    s.where = "call";  // passing the arguments, or the callee's prologue
  } else if (stage == "caller result") {
    s.where = "caller storing result";
    s.what += " " + argument_class(*sig.result, arch);
  } else {
    s.where = stage;
  }
}

}  // namespace

const CType* leaf_at(const TestCase& test, std::string_view field) {
  std::string_view rest = field;
  const CType* type = root_of(test, rest);
  while (type && !rest.empty()) {
    if (rest[0] == ':') return is_complex(type->kind) ? type : nullptr;  // ":re" / ":im" of a complex leaf
    if (rest[0] == '[') {
      const size_t close = rest.find(']');
      if (close == std::string_view::npos || type->kind != Kind::kArray) return nullptr;
      type = type->target.get();
      rest.remove_prefix(close + 1);
      continue;
    }
    if (rest[0] != '.' || !is_aggregate(type->kind)) return nullptr;
    rest.remove_prefix(1);
    const size_t end = rest.find_first_of(".[:");
    auto i = member_index(rest.substr(0, end));
    if (!i || *i >= type->members.size()) return nullptr;
    type = type->members[*i].get();
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end);
  }
  return type;
}

std::string type_class(const CType& leaf) {
  switch (leaf.kind) {
    case Kind::kBool: return "_Bool";
    case Kind::kChar: return "char";  // signed or not depending on the target
    case Kind::kEnum: return "enum";
    case Kind::kBitfield: return "bitfield";
    case Kind::kPointer: return "pointer";
    case Kind::kFunctionPointer: return "function pointer";
    case Kind::kFloat: return "float";
    case Kind::kDouble: return "double";
    case Kind::kLongDouble: return "long double";
    case Kind::kComplexFloat: return "complex float";
    case Kind::kComplexDouble: return "complex double";
    case Kind::kComplexLongDouble: return "complex long double";
    case Kind::kStruct: return "struct";
    case Kind::kUnion: return "union";
    case Kind::kArray: return "array";
    default:
      if (is_integer(leaf.kind))
        return fmt::format("{}int{}", is_signed_integer(leaf.kind) ? "" : "u",
                           integer_bits(leaf.kind));
      return base_spelling(leaf.kind);
  }
}

std::string position_class(std::string_view function, std::string_view field) {
  if (function == "layout") return "layout";
  const bool member = field.find_first_of(".[") != std::string_view::npos;
  const char* base = field.starts_with("vararg") ? "vararg" : field.starts_with("result") ? "result" : "param";
  return member ? fmt::format("{} member", base) : base;
}

std::string FailureSignature::key() const { return fmt::format("{}|{}|{}|{}|{}", pair, arch, kind, where, what); }

std::string message_class(std::string_view detail) {
  // The first diagnostic line, from its "error"/"warning" word on.
  size_t at = std::string_view::npos;
  for (const char* word : {"internal compiler error", "error", "Error", "undefined reference"}) {
    at = detail.find(word);
    if (at != std::string_view::npos) break;
  }
  if (at == std::string_view::npos) return "";
  std::string_view line = detail.substr(at);
  line = line.substr(0, line.find('\n'));
  // Names of the case (q1_arg0, q12_s3) and numbers say nothing about the bug.
  std::string out;
  for (size_t i = 0; i < line.size() && out.size() < 80;) {
    const bool name = line[i] == 'q' && i + 1 < line.size() && std::isdigit(static_cast<unsigned char>(line[i + 1])) &&
                      (i == 0 || !std::isalnum(static_cast<unsigned char>(line[i - 1])));
    if (name || std::isdigit(static_cast<unsigned char>(line[i]))) {
      out += name ? "NAME" : "N";
      while (i < line.size() && (std::isalnum(static_cast<unsigned char>(line[i])) || line[i] == '_')) ++i;
      continue;
    }
    out += line[i] == '|' ? '/' : line[i];  // '|' separates a signature's parts
    ++i;
  }
  return out;
}

FailureSignature signature_of(const TestCase& test, const CompilerPair& pair, const std::string& arch,
                              const BuildOutcome& outcome) {
  FailureSignature s{.pair = pair.spec(), .arch = arch, .kind = kind_name(outcome.kind)};
  using Outcome = BuildOutcome::Kind;
  if (outcome.kind == Outcome::kCrash) {
    // "killed by SIGSEGV": the signal tells a bad stack from a bad pointer.
    const size_t by = outcome.detail.find("killed by ");
    if (by != std::string::npos) s.what = outcome.detail.substr(by + 10, outcome.detail.find_first_of(" \n:", by + 10) - by - 10);
    if (!outcome.crash_stage.empty()) crash_place(test, arch, outcome.crash_stage, s);
    return s;
  }
  if (outcome.kind == Outcome::kCallerCompileError || outcome.kind == Outcome::kCalleeCompileError ||
      outcome.kind == Outcome::kLinkError) {
    s.what = message_class(outcome.detail);
    return s;
  }
  if (outcome.mismatches.empty()) return s;
  const Mismatch& m = outcome.mismatches.front();
  s.where = position_class(m.function, m.field);
  if (s.where == "layout") {
    // "sizeof:q1_s2" / "offsetof:q1_s2.a" / "alignof:arg0": the measure and what it measured.
    const std::string measure = m.field.substr(0, m.field.find(':'));
    const std::string subject = m.field.substr(m.field.find(':') + 1);
    const size_t underscore = subject.rfind('_');
    const char kind = underscore != std::string::npos && underscore + 1 < subject.size() ? subject[underscore + 1] : '?';
    s.what = fmt::format("{} {}", measure, subject.starts_with("q") ? (kind == 'e' ? "enum" : "aggregate") : "parameter");
    return s;
  }
  const CType* leaf = leaf_at(test, m.field);
  s.what = leaf ? type_class(*leaf) : "unknown";
  // A member: the class of the argument holding it tells apart a wrong
  // double in a one-float union from one in an INTEGER+SSE struct.
  std::string_view rest = m.field;
  if (s.where.ends_with("member"))
    if (const CType* top = root_of(test, rest)) s.what += " in " + argument_class(*top, arch);
  return s;
}

}  // namespace testgen::abi
