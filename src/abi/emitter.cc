#include "emitter.h"

#include <fmt/format.h>

#include <iterator>
#include <string_view>


#include "c_literal.h"
#include "type_names.h"

namespace testgen::abi {
namespace {

constexpr std::string_view kIncludes = R"(#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
)";

// Why each piece of the runtime support exists:
// - Q_NOINLINE: an inlined callee tests nothing about the calling convention.
// - Q_LDBL_BYTES: an x87 long double has 6 padding bytes that a copy need
//   not preserve; only the 10 value bytes are compared.
// - q_check compares bytes, so NaNs, signed zeros and padding-free leaves
//   are checked exactly, and prints both sides when they differ.
constexpr std::string_view kSupport = R"(#if defined(__clang__)
#define Q_NOINLINE __attribute__((noinline))
#elif defined(__GNUC__) && !defined(__TINYC__) && !defined(__PCC__)
#define Q_NOINLINE __attribute__((noinline, noclone))
#else
#define Q_NOINLINE
#endif
#define Q_LDBL_BYTES (LDBL_MANT_DIG == 64 ? 10ul : (unsigned long)sizeof(long double))

static unsigned q_failures;
static unsigned q_case;

static void q_hex(const void *p, unsigned long n)
{
  const unsigned char *b = (const unsigned char *)p;
  while (n--) printf("%02x", *b++);
}

static void q_check(const char *function, const char *field, const void *expected, const void *received,
                    unsigned long n)
{
  if (memcmp(expected, received, n) == 0) return;
  q_failures++;
  printf("QUEST-MISMATCH case=%u %s field=%s expected=", q_case, function, field);
  q_hex(expected, n);
  printf(" received=");
  q_hex(received, n);
  printf("\n");
}

/* Compares one leaf by its bytes; q_fn names the function doing it. */
#define Q_CHECK(T, e, g, field) \
  do { T q_e = (e); T q_g = (g); q_check(q_fn, field, &q_e, &q_g, sizeof q_e); } while (0)
#define Q_CHECK_LD(e, g, field) \
  do { long double q_e = (e); long double q_g = (g); q_check(q_fn, field, &q_e, &q_g, Q_LDBL_BYTES); } while (0)
#define Q_CHECK_CLD(e, g, field) \
  do { long double _Complex q_e = (e); long double _Complex q_g = (g); \
       q_check(q_fn, field ":re", &q_e, &q_g, Q_LDBL_BYTES); \
       q_check(q_fn, field ":im", (const char *)&q_e + sizeof(long double), \
               (const char *)&q_g + sizeof(long double), Q_LDBL_BYTES); } while (0)
)";

template <class Visit>
void visit_leaves(const CType& type, const Value& value, std::string& suffix, const Visit& visit) {
  const size_t mark = suffix.size();  // the suffix is one buffer, extended and cut back
  switch (type.kind) {
    case Kind::kArray:
      for (size_t i = 0; i < value.parts.size(); ++i) {
        fmt::format_to(std::back_inserter(suffix), "[{}]", i);
        visit_leaves(*type.target, value.parts[i], suffix, visit);
        suffix.resize(mark);
      }
      return;
    case Kind::kStruct:
      for (size_t i = 0; i < type.members.size(); ++i) {
        if (TypeNames::is_unnamed(*type.members[i])) continue;
        suffix += '.';
        suffix += TypeNames::member_name(i);
        visit_leaves(*type.members[i], value.parts[i], suffix, visit);
        suffix.resize(mark);
      }
      return;
    case Kind::kUnion:
      if (value.parts.empty() || type.members.empty()) return;
      suffix += '.';
      suffix += TypeNames::member_name(value.active);
      visit_leaves(*type.members[value.active], value.parts[value.active], suffix, visit);
      suffix.resize(mark);
      return;
    case Kind::kVoid: return;
    default: visit(type, value, static_cast<const std::string&>(suffix));
  }
}

// Visits every leaf of `type` holding `value`, with the C suffix that
// reaches it (".b.c[1]"). Of a union only the member holding the value.
template <class Visit>
void for_each_leaf(const CType& type, const Value& value, const Visit& visit) {
  std::string suffix;
  visit_leaves(type, value, suffix, visit);
}

class CaseWriter {
 public:
  explicit CaseWriter(const TestCase& test)
      : test_(test), sig_(test.signature), prefix_(Emitter::prefix(test.seed)), names_(prefix_) {
    for (const TypePtr& t : sig_.args) names_.add(t);
    for (const TypePtr& t : sig_.varargs) names_.add(t);
    names_.add(sig_.result);
  }

  // Each appends to `out`, a buffer the emitter reuses from case to case
  // (growing a fresh string for every case was a large part of the time).
  void one_file(std::string& out) const {
    out += case_comment() + definitions() + typedefs() + globals("static ");
    init_function(out);
    callee(out, sig_.is_static ? "static " : "");
    caller(out, false);
  }

  void main_file(std::string& out) const {
    out += case_comment() + definitions() + globals("") + layout_table(false);
    init_function(out);
    out += declare_callee("") + ";\n";
    caller(out, true);
  }

  void callee_file(std::string& out) const {
    out += case_comment() + definitions() + typedefs() + globals("extern ") + layout_table(true);
    callee(out, "");
  }

 private:
  std::string callee_name() const { return prefix_ + "_callee"; }
  std::string arg_global(size_t i) const { return fmt::format("{}_arg{}", prefix_, i); }
  std::string vararg_global(size_t i) const { return fmt::format("{}_vararg{}", prefix_, i); }
  std::string vararg_type(size_t i) const { return fmt::format("{}_va{}_t", prefix_, i); }
  std::string result_global() const { return prefix_ + "_result"; }
  bool returns_void() const { return sig_.result->kind == Kind::kVoid; }

  std::string case_comment() const {
    std::string out = fmt::format("\n/* seed: {} */\n", test_.seed);
    if (test_.anchor_added)
      out += fmt::format("/* arg{}: an int added so that va_start follows a parameter promotion leaves alone */\n",
                         sig_.args.size() - 1);
    return out;
  }

  std::string definitions() const {
    std::string out;
    for (const TypePtr& t : names_.tagged()) out += names_.definition(*t) + "\n";
    return out;
  }

  // va_arg needs a type name T such that T* is a type: a typedef always is.
  // An array is passed as a pointer to its first element.
  std::string typedefs() const {
    std::string out;
    for (size_t i = 0; i < sig_.varargs.size(); ++i) {
      const TypePtr& t = sig_.varargs[i];
      const TypePtr passed = t->kind == Kind::kArray ? pointer_to(t->target) : t;  // kept alive while spelled
      out += fmt::format("typedef {};\n", names_.declare(*passed, vararg_type(i)));
    }
    return out;
  }

  std::string globals(const std::string& storage) const {
    std::string out;
    for (size_t i = 0; i < sig_.args.size(); ++i) out += storage + names_.declare(*sig_.args[i], arg_global(i)) + ";\n";
    for (size_t i = 0; i < sig_.varargs.size(); ++i)
      out += storage + names_.declare(*sig_.varargs[i], vararg_global(i)) + ";\n";
    if (!returns_void()) out += storage + names_.declare(*sig_.result, result_global()) + ";\n";
    return out;
  }

  void init_function(std::string& out) const {
    out += fmt::format("static void {}_init(void)\n{{\n", prefix_);
    auto store = [&](const CType& type, const Value& value, const std::string& global) {
      for_each_leaf(type, value, [&](const CType& leaf, const Value& v, const std::string& suffix) {
        out += "  ";
        out += store_leaf(leaf, v, global + suffix, names_);
        out += '\n';
      });
    };
    for (size_t i = 0; i < sig_.args.size(); ++i) store(*sig_.args[i], test_.arg_values[i], arg_global(i));
    for (size_t i = 0; i < sig_.varargs.size(); ++i) store(*sig_.varargs[i], test_.vararg_values[i], vararg_global(i));
    if (!returns_void()) store(*sig_.result, test_.result_value, result_global());
    out += "}\n";
  }

  // One statement comparing a leaf by its bytes (q_fn is in scope), e.g.
  //   Q_CHECK(short, q1_arg0.a[2], arg0.a[2], "arg0.a[2]");
  // Appended piece by piece: this runs for every leaf of every case.
  void check_leaf(std::string& out, const CType& leaf, std::string_view expected, std::string_view received,
                  std::string_view label, std::string_view suffix) const {
    auto to = std::back_inserter(out);
    const char* macro = "Q_CHECK";
    std::string type;
    switch (leaf.kind) {
      case Kind::kComplexLongDouble: macro = "Q_CHECK_CLD"; break;
      case Kind::kLongDouble: macro = "Q_CHECK_LD"; break;
      case Kind::kBitfield:  // compared as a whole integer
        type = is_signed_integer(leaf.target->kind) ? "long long" : "unsigned long long";
        break;
      default:
        type = names_.spell(leaf);
        if (type.find('(') != std::string::npos) {
          // A declarator such as (*)(int) cannot be a macro's type argument.
          const std::string e = fmt::format("{}{}", expected, suffix), g = fmt::format("{}{}", received, suffix);
          fmt::format_to(to, "  {{ {} = {}; {} = {}; q_check(q_fn, \"{}{}\", &q_e, &q_g, sizeof q_e); }}\n",
                         names_.declare(leaf, "q_e"), e, names_.declare(leaf, "q_g"), g, label, suffix);
          return;
        }
    }
    if (type.empty())
      fmt::format_to(to, "  {}({}{}, {}{}, \"{}{}\");\n", macro, expected, suffix, received, suffix, label, suffix);
    else
      fmt::format_to(to, "  {}({}, {}{}, {}{}, \"{}{}\");\n", macro, type, expected, suffix, received, suffix, label,
                     suffix);
  }

  // Checks every leaf; returns how many there were.
  size_t check_value(std::string& out, const CType& type, const Value& value, const std::string& expected_base,
                     const std::string& received_base, const std::string& label_base) const {
    size_t leaves = 0;
    for_each_leaf(type, value, [&](const CType& leaf, const Value&, const std::string& suffix) {
      check_leaf(out, leaf, expected_base, received_base, label_base, suffix);
      ++leaves;
    });
    return leaves;
  }

  std::string function_text(const std::string& function) const {
    return fmt::format("  static const char q_fn[] = \"seed={} function={}\";\n  (void)q_fn;\n", test_.seed, function);
  }

  std::string declare_callee(const std::string& storage) const {
    std::vector<std::string> params;
    for (size_t i = 0; i < sig_.args.size(); ++i) params.push_back(names_.declare(*sig_.args[i], fmt::format("arg{}", i)));
    if (!sig_.varargs.empty()) params.emplace_back("...");
    if (params.empty()) params.emplace_back("void");
    return storage + "Q_NOINLINE " +
           names_.declare(*sig_.result, fmt::format("{}({})", callee_name(), fmt::join(params, ", ")));
  }

  void callee(std::string& out, const std::string& storage) const {
    out += declare_callee(storage) + "\n{\n" + function_text(callee_name());
    if (!sig_.varargs.empty()) out += "  va_list ap;\n";
    for (size_t i = 0; i < sig_.args.size(); ++i) {
      const std::string label = fmt::format("arg{}", i);
      // A parameter without leaves (an empty struct) is still "used".
      if (check_value(out, *sig_.args[i], test_.arg_values[i], arg_global(i), label, label) == 0)
        out += fmt::format("  (void){};\n", label);
    }
    if (!sig_.varargs.empty()) {
      out += fmt::format("  va_start(ap, arg{});\n", sig_.args.size() - 1);
      for (size_t i = 0; i < sig_.varargs.size(); ++i) out += read_vararg(i);
      out += "  va_end(ap);\n";
    }
    if (!returns_void()) out += fmt::format("  return {};\n", result_global());
    out += "}\n";
  }

  // Reads variadic argument i and checks it. Types that promotion changes
  // are read as the promoted type and converted back, which is exact.
  std::string read_vararg(size_t i) const {
    const CType& type = *sig_.varargs[i];
    const std::string t = vararg_type(i), label = fmt::format("vararg{}", i);
    std::string read = fmt::format("va_arg(ap, {})", t);
    if (is_promoted_in_varargs(type))
      read = fmt::format("({})va_arg(ap, {})", t, type.kind == Kind::kFloat ? "double" : "int");
    std::string out = fmt::format("  {{\n    {} q_v = {};\n", t, read);
    if (type.kind == Kind::kArray) {
      out += fmt::format("    Q_CHECK({}, {}, q_v, \"{}\");\n", t, vararg_global(i), label);
    } else if (check_value(out, type, test_.vararg_values[i], vararg_global(i), "q_v", label) == 0) {
      out += "    (void)q_v;\n";
    }
    return out + "  }\n";
  }

  void caller(std::string& out, bool two_files) const {
    out += fmt::format("static void {}_caller(void)\n{{\n", prefix_);
    const size_t layout = two_files ? layout_entries().size() : 0;
    if (layout)
      out += fmt::format(
          "  {{ static const char q_fn[] = \"seed={1} function=layout\"; unsigned long q_i;\n"
          "    for (q_i = 0; q_i < {0}; q_i++) q_check(q_fn, {2}_layout_fields[q_i], &{2}_layout[q_i], "
          "&{2}_layout_callee[q_i], sizeof(unsigned long)); }}\n",
          layout, test_.seed, prefix_);
    out += fmt::format("  {}_init();\n", prefix_);
    std::vector<std::string> args;
    for (size_t i = 0; i < sig_.args.size(); ++i) args.push_back(arg_global(i));
    for (size_t i = 0; i < sig_.varargs.size(); ++i) args.push_back(vararg_global(i));
    const std::string call = fmt::format("{}({})", callee_name(), fmt::join(args, ", "));
    if (returns_void()) {
      out += "  " + call + ";\n}\n";
      return;
    }
    // The result is checked in the name of the callee that returned it.
    std::string checks;
    const size_t leaves = check_value(checks, *sig_.result, test_.result_value, result_global(), "q_r", "result");
    out += fmt::format("  {{\n  {}", function_text(callee_name()));
    out += "    " + names_.declare(*sig_.result, "q_r") + ";\n";
    out += fmt::format("    q_r = {};\n", call);
    out += leaves ? checks : "    (void)q_r;\n";
    out += "  }\n}\n";
  }

  struct LayoutEntry {
    std::string field, expression;
  };

  // What both translation units must agree on: the size and alignment of
  // every type of the case and the offset of every member with a name.
  std::vector<LayoutEntry> layout_entries() const {
    std::vector<LayoutEntry> out;
    for (const TypePtr& t : names_.tagged()) {
      const std::string& tag = names_.tag(*t);
      const std::string spelled = names_.spell(*t);
      out.push_back({"sizeof:" + tag, fmt::format("sizeof({})", spelled)});
      out.push_back({"alignof:" + tag, fmt::format("_Alignof({})", spelled)});
      for (size_t i = 0; i < t->members.size(); ++i) {
        if (t->members[i]->kind == Kind::kBitfield) continue;  // offsetof cannot name a bitfield
        const std::string m = TypeNames::member_name(i);
        out.push_back({fmt::format("offsetof:{}.{}", tag, m), fmt::format("offsetof({}, {})", spelled, m)});
      }
    }
    auto top = [&](const CType& t, const std::string& label) {
      out.push_back({"sizeof:" + label, fmt::format("sizeof({})", names_.spell(t))});
      out.push_back({"alignof:" + label, fmt::format("_Alignof({})", names_.spell(t))});
    };
    for (size_t i = 0; i < sig_.args.size(); ++i) top(*sig_.args[i], fmt::format("arg{}", i));
    for (size_t i = 0; i < sig_.varargs.size(); ++i) top(*sig_.varargs[i], fmt::format("vararg{}", i));
    if (!returns_void()) top(*sig_.result, "result");
    return out;
  }

  std::string layout_table(bool in_callee_file) const {
    const auto entries = layout_entries();
    if (entries.empty()) return "";
    std::string values;
    for (const LayoutEntry& e : entries) values += fmt::format("\n  {},", e.expression);
    if (in_callee_file) return fmt::format("const unsigned long {}_layout_callee[] = {{{}\n}};\n", prefix_, values);
    std::string fields;
    for (const LayoutEntry& e : entries) fields += fmt::format("\n  \"{}\",", e.field);
    return fmt::format(
        "static const unsigned long {0}_layout[] = {{{1}\n}};\nstatic const char *const {0}_layout_fields[] = {{{2}\n}};\n"
        "extern const unsigned long {0}_layout_callee[];\n",
        prefix_, values, fields);
  }

  const TestCase& test_;
  const Signature& sig_;
  std::string prefix_;
  TypeNames names_;
};

}  // namespace

std::string Emitter::prefix(uint64_t seed) { return fmt::format("q{:x}", seed); }

Emitter::Emitter(std::ostream& main, std::ostream* callee, EmitOptions options)
    : main_(main), callee_(callee), options_(std::move(options)) {
  prologue(main_, false);
  if (callee_) prologue(*callee_, true);
}

void Emitter::prologue(std::ostream& out, bool is_callee_file) {
  if (!is_callee_file)
    for (const std::string& line : options_.header) out << "/* " << line << " */\n";
  out << kIncludes << "\n" << kSupport;
  if (is_callee_file)
    out << "\nunsigned q_callee_failures(void) { (void)q_check; return q_failures; }\n"
           "void q_callee_set_case(unsigned c) { q_case = c; }\n";
}

void Emitter::add(const TestCase& test) {
  validate(test.signature);
  const CaseWriter writer(test);
  buffer_.clear();
  if (callee_) {
    writer.main_file(buffer_);
    main_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
    writer.callee_file(buffer_);
    callee_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  } else {
    writer.one_file(buffer_);
    main_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  }
  seeds_.push_back(test.seed);
}

void Emitter::finish() {
  if (callee_) main_ << "\nunsigned q_callee_failures(void);\nvoid q_callee_set_case(unsigned c);\n";
  main_ << "\nint main(void)\n{\n  unsigned q_total;\n  (void)q_check;\n";
  for (size_t i = 0; i < seeds_.size(); ++i) {
    main_ << "  q_case = " << i << ";";
    if (callee_) main_ << " q_callee_set_case(" << i << ");";
    main_ << " " << prefix(seeds_[i]) << "_caller();\n";
  }
  main_ << "  q_total = q_failures" << (callee_ ? " + q_callee_failures()" : "") << ";\n";
  main_ << "  return q_total > 125 ? 125 : (int)q_total;\n}\n";
  main_.flush();
  if (callee_) callee_->flush();
}

}  // namespace testgen::abi
