#include "emitter.h"

#include <fmt/format.h>

#include <iterator>
#include <optional>
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
#ifdef QUEST_ABORT
#include <stdlib.h>
#endif
)";

// Why each piece of the runtime support exists:
// - Q_NOINLINE: an inlined callee tests nothing about the calling convention.
// - Q_LDBL_BYTES: an x87 long double has 6 padding bytes that a copy need
//   not preserve; only the 10 value bytes are compared.
// - q_check compares bytes, so NaNs, signed zeros and padding-free leaves
//   are checked exactly, and prints both sides when they differ.
// - QUEST_ABORT stops at the first mismatch (exit 134, as quest's assert).
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

#ifdef Q_COUNT_CHECKS
static unsigned long q_checks; /* how many values were compared (bench/quest_loop.py) */
#define Q_COUNT() (q_checks++)
#else
#define Q_COUNT() ((void)0)
#endif

static void q_check(const char *function, const char *field, const void *expected, const void *received,
                    unsigned long n)
{
  Q_COUNT();
  if (memcmp(expected, received, n) == 0) return;
  q_failures++;
  printf("QUEST-MISMATCH case=%u %s field=%s expected=", q_case, function, field);
  q_hex(expected, n);
  printf(" received=");
  q_hex(received, n);
  printf("\n");
#ifdef QUEST_ABORT
  fflush(stdout);
  abort();
#endif
}

/* A bitfield, compared as a whole integer. */
static void q_check_bits(const char *function, const char *field, unsigned long long expected,
                         unsigned long long received)
{
  q_check(function, field, &expected, &received, sizeof expected);
}

/* Compares n leaves: names[i] and the expected and received bytes at
   pairs[2i] and pairs[2i+1], sizes[i] long. The callee copies what it
   received into globals, so these tables are static data and a function's
   checks are one call: most of a test's compile time used to be its checks. */
static Q_NOINLINE void q_check_all(const char *function, const char *const *names, const void *const *pairs,
                                   const unsigned short *sizes, unsigned n)
{
  unsigned i;
  for (i = 0; i < n; i++) q_check(function, names[i], pairs[2 * i], pairs[2 * i + 1], sizes[i]);
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
  CaseWriter(const TestCase& test, const EmitOptions& options)
      : options_(options), test_(test), sig_(test.signature), prefix_(Emitter::prefix(test.seed)), names_(prefix_) {
    for (const TypePtr& t : sig_.args) names_.add(t);
    for (const TypePtr& t : sig_.varargs) names_.add(t);
    names_.add(sig_.result);
  }

  // Each appends to `out`, a buffer the emitter reuses from case to case
  // (growing a fresh string for every case was a large part of the time).
  void one_file(std::string& out) const {
    out += case_comment() + definitions() + typedefs() + globals("static ") + callee_received() + caller_received();
    init_function(out);
    callee(out, sig_.is_static ? "static " : "");
    caller(out, false);
  }

  void main_file(std::string& out) const {
    out += case_comment() + definitions() + globals("") + caller_received() + layout_table(false);
    init_function(out);
    out += declare_callee("") + ";\n";
    caller(out, true);
  }

  void callee_file(std::string& out) const {
    out += case_comment() + definitions() + typedefs() + globals("extern ") + callee_received() + layout_table(true);
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

  // The globals holding the values. Table style defines them with static
  // initializers (data: nothing to compile); values no constant spells
  // (NaNs, infinities, complex numbers) are still stored by the init function.
  std::string globals(const std::string& storage) const {
    std::string out;
    auto global = [&](const CType& type, const Value& value, const std::string& name) {
      out += storage + names_.declare(type, name);
      std::string ignored;
      if (table() && storage != "extern ") {
        const std::string init = initializer(type, value, name, ignored);
        if (!init.empty()) out += " = " + init;
      }
      out += ";\n";
    };
    for (size_t i = 0; i < sig_.args.size(); ++i) global(*sig_.args[i], test_.arg_values[i], arg_global(i));
    for (size_t i = 0; i < sig_.varargs.size(); ++i)
      global(*sig_.varargs[i], test_.vararg_values[i], vararg_global(i));
    if (!returns_void()) global(*sig_.result, test_.result_value, result_global());
    return out;
  }

  // A C99 initializer for `value` at `path`, with designators so that empty
  // members and a union's active member need no special case; "" when
  // nothing needs a value. Leaves without a constant go to `deferred`.
  std::string initializer(const CType& type, const Value& value, const std::string& path, std::string& deferred) const {
    std::vector<std::string> items;
    switch (type.kind) {
      case Kind::kArray:
        for (size_t i = 0; i < value.parts.size(); ++i) {
          std::string item = initializer(*type.target, value.parts[i], fmt::format("{}[{}]", path, i), deferred);
          if (!item.empty()) items.push_back(fmt::format("[{}] = {}", i, item));
        }
        break;
      case Kind::kStruct:
        for (size_t i = 0; i < type.members.size() && i < value.parts.size(); ++i) {
          if (TypeNames::is_unnamed(*type.members[i])) continue;
          const std::string m = TypeNames::member_name(i);
          std::string item = initializer(*type.members[i], value.parts[i], path + "." + m, deferred);
          if (!item.empty()) items.push_back(fmt::format(".{} = {}", m, item));
        }
        break;
      case Kind::kUnion: {
        if (value.parts.empty() || type.members.empty()) return "";
        const std::string m = TypeNames::member_name(value.active);
        std::string item = initializer(*type.members[value.active], value.parts[value.active], path + "." + m, deferred);
        if (!item.empty()) items.push_back(fmt::format(".{} = {}", m, item));
        break;
      }
      case Kind::kVoid: return "";
      default: {
        if (std::optional<std::string> constant = constant_leaf(type, value, names_)) return *constant;
        deferred += "  " + store_leaf(type, value, path, names_) + "\n";
        return "";
      }
    }
    if (items.empty()) return "";
    return fmt::format("{{ {} }}", fmt::join(items, ", "));
  }

  void init_function(std::string& out) const {
    out += fmt::format("static void {}_init(void)\n{{\n", prefix_);
    if (table()) {
      // Only what the static initializers could not spell.
      std::string deferred;
      for (size_t i = 0; i < sig_.args.size(); ++i) initializer(*sig_.args[i], test_.arg_values[i], arg_global(i), deferred);
      for (size_t i = 0; i < sig_.varargs.size(); ++i)
        initializer(*sig_.varargs[i], test_.vararg_values[i], vararg_global(i), deferred);
      if (!returns_void()) initializer(*sig_.result, test_.result_value, result_global(), deferred);
      out += deferred + "}\n";
      return;
    }
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

  // One leaf to compare: `expected` and `received` are C lvalues.
  struct Check {
    const CType* leaf;
    std::string expected, received, label;
    std::string spelled = {};  ///< the leaf's C type name, when the leaf cannot spell it
  };

  // The checks of every leaf of `type` holding `value`.
  void collect(std::vector<Check>& out, const CType& type, const Value& value, const std::string& expected_base,
               const std::string& received_base, const std::string& label_base) const {
    for_each_leaf(type, value, [&](const CType& leaf, const Value&, const std::string& suffix) {
      out.push_back({&leaf, expected_base + suffix, received_base + suffix, label_base + suffix});
    });
  }

  // Writes `checks`: one statement per leaf (kStatements), or (kTable,
  // where both sides are globals) the leaves as static data, addresses and
  // sizes, and one q_check_all call; bitfields, which have no address, are
  // one q_check_bits call each. Empty: writes nothing.
  void write_checks(std::string& out, const std::vector<Check>& checks, std::string_view indent) const {
    if (checks.empty()) return;
    if (!table()) {
      for (const Check& c : checks) check_statement(out, c, indent);
      return;
    }
    auto to = std::back_inserter(out);
    std::string names, pairs, sizes, bits;
    size_t n = 0;
    auto add = [&](std::string_view label, const std::string& e, const std::string& g, std::string_view size) {
      fmt::format_to(std::back_inserter(names), "\"{}\",", label);
      fmt::format_to(std::back_inserter(pairs), "{},{},", e, g);
      fmt::format_to(std::back_inserter(sizes), "{},", size);
      ++n;
    };
    for (const Check& c : checks) {
      switch (c.leaf->kind) {
        case Kind::kBitfield:
          fmt::format_to(std::back_inserter(bits), "{}  q_check_bits(q_fn, \"{}\", {}, {});\n", indent, c.label,
                         c.expected, c.received);
          break;
        case Kind::kLongDouble:
          add(c.label, "&" + c.expected, "&" + c.received, "Q_LDBL_BYTES");
          break;
        case Kind::kComplexLongDouble:
          add(c.label + ":re", "&" + c.expected, "&" + c.received, "Q_LDBL_BYTES");
          add(c.label + ":im", fmt::format("(const char *)&{} + sizeof(long double)", c.expected),
              fmt::format("(const char *)&{} + sizeof(long double)", c.received), "Q_LDBL_BYTES");
          break;
        default:
          add(c.label, "&" + c.expected, "&" + c.received, "sizeof " + c.expected);
      }
    }
    if (n) {
      fmt::format_to(to, "{}{{\n", indent);
      fmt::format_to(to, "{}  static const char *const q_n[] = {{{}}};\n", indent, names);
      fmt::format_to(to, "{}  static const void *const q_p[] = {{{}}};\n", indent, pairs);
      fmt::format_to(to, "{}  static const unsigned short q_s[] = {{{}}};\n", indent, sizes);
      fmt::format_to(to, "{}  q_check_all(q_fn, q_n, q_p, q_s, {});\n{}}}\n", indent, n, indent);
    }
    out += bits;
  }

  // One statement comparing a leaf by its bytes (q_fn is in scope), e.g.
  //   Q_CHECK(short, q1_arg0.a[2], arg0.a[2], "arg0.a[2]");
  void check_statement(std::string& out, const Check& c, std::string_view indent) const {
    auto to = std::back_inserter(out);
    const CType& leaf = *c.leaf;
    const char* macro = "Q_CHECK";
    std::string type;
    switch (leaf.kind) {
      case Kind::kComplexLongDouble: macro = "Q_CHECK_CLD"; break;
      case Kind::kLongDouble: macro = "Q_CHECK_LD"; break;
      case Kind::kBitfield:  // compared as a whole integer
        type = is_signed_integer(leaf.target->kind) ? "long long" : "unsigned long long";
        break;
      default:
        type = c.spelled.empty() ? names_.spell(leaf) : c.spelled;
        if (type.find('(') != std::string::npos) {
          // A declarator such as (*)(int) cannot be a macro's type argument.
          fmt::format_to(to, "{}  {{ {} = {}; {} = {}; q_check(q_fn, \"{}\", &q_e, &q_g, sizeof q_e); }}\n", indent,
                         names_.declare(leaf, "q_e"), c.expected, names_.declare(leaf, "q_g"), c.received, c.label);
          return;
        }
    }
    if (type.empty())
      fmt::format_to(to, "{}  {}({}, {}, \"{}\");\n", indent, macro, c.expected, c.received, c.label);
    else
      fmt::format_to(to, "{}  {}({}, {}, {}, \"{}\");\n", indent, macro, type, c.expected, c.received, c.label);
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

  bool table() const { return options_.checks == CheckStyle::kTable; }
  std::string got_arg(size_t i) const { return fmt::format("{}_got{}", prefix_, i); }
  std::string got_vararg(size_t i) const { return fmt::format("{}_gotva{}", prefix_, i); }
  std::string expected_pointer(size_t i) const { return fmt::format("{}_xva{}", prefix_, i); }
  std::string got_result() const { return prefix_ + "_gotr"; }

  // Table style: the globals the callee copies what it received into (and,
  // for an array passed through ..., the pointer it should have received).
  std::string callee_received() const {
    if (!table()) return "";
    std::string out;
    for (size_t i = 0; i < sig_.args.size(); ++i) out += "static " + names_.declare(*sig_.args[i], got_arg(i)) + ";\n";
    for (size_t i = 0; i < sig_.varargs.size(); ++i) {
      out += fmt::format("static {} {};\n", vararg_type(i), got_vararg(i));
      if (sig_.varargs[i]->kind == Kind::kArray)
        out += fmt::format("static {} const {} = {};\n", vararg_type(i), expected_pointer(i), vararg_global(i));
    }
    return out;
  }

  std::string caller_received() const {
    if (!table() || returns_void()) return "";
    return "static " + names_.declare(*sig_.result, got_result()) + ";\n";
  }

  // Table style: the callee copies its parameters and variadic arguments
  // into globals, then compares them all with one call.
  void callee_table(std::string& out, const std::string& storage) const {
    out += declare_callee(storage) + "\n{\n" + function_text(callee_name());
    if (!sig_.varargs.empty()) out += "  va_list ap;\n";
    std::vector<Check> checks;
    for (size_t i = 0; i < sig_.args.size(); ++i) {
      const std::string label = fmt::format("arg{}", i);
      out += stage(fmt::format("callee arg {}", i));
      if (sig_.args[i]->kind == Kind::kArray)  // received as a pointer to the caller's elements
        out += fmt::format("  memcpy({0}, arg{1}, sizeof {0});\n", got_arg(i), i);
      else
        out += fmt::format("  {} = arg{};\n", got_arg(i), i);
      collect(checks, *sig_.args[i], test_.arg_values[i], arg_global(i), got_arg(i), label);
    }
    if (!sig_.varargs.empty()) {
      out += fmt::format("  va_start(ap, arg{});\n", sig_.args.size() - 1);
      for (size_t i = 0; i < sig_.varargs.size(); ++i) {
        out += stage(fmt::format("callee vararg {}", i));
        out += fmt::format("  {} = {};\n", got_vararg(i), vararg_read(i));
        const std::string label = fmt::format("vararg{}", i);
        if (sig_.varargs[i]->kind == Kind::kArray) {
          static const CType pointer_leaf{.kind = Kind::kPointer};
          checks.push_back({&pointer_leaf, expected_pointer(i), got_vararg(i), label, vararg_type(i)});
        } else {
          collect(checks, *sig_.varargs[i], test_.vararg_values[i], vararg_global(i), got_vararg(i), label);
        }
      }
      out += "  va_end(ap);\n";
    }
    out += stage("callee checks");
    write_checks(out, checks, "");
    out += stage("callee return");
    if (!returns_void()) out += fmt::format("  return {};\n", result_global());
    out += "}\n";
  }

  // Sets the crash stage (EmitOptions::crash_stages), or nothing.
  std::string stage(std::string_view where) const {
    return options_.crash_stages ? fmt::format("  q_stage = \"{}\";\n", where) : "";
  }

  // va_arg for variadic argument i. Types that promotion changes are read
  // as the promoted type and converted back, which is exact.
  std::string vararg_read(size_t i) const {
    const CType& type = *sig_.varargs[i];
    const std::string t = vararg_type(i);
    if (is_promoted_in_varargs(type))
      return fmt::format("({})va_arg(ap, {})", t, type.kind == Kind::kFloat ? "double" : "int");
    return fmt::format("va_arg(ap, {})", t);
  }

  void callee(std::string& out, const std::string& storage) const {
    if (table()) return callee_table(out, storage);
    out += declare_callee(storage) + "\n{\n" + function_text(callee_name());
    if (!sig_.varargs.empty()) out += "  va_list ap;\n";
    std::vector<Check> checks;
    for (size_t i = 0; i < sig_.args.size(); ++i) {
      const std::string label = fmt::format("arg{}", i);
      const size_t before = checks.size();
      collect(checks, *sig_.args[i], test_.arg_values[i], arg_global(i), label, label);
      // A parameter without leaves (an empty struct) is still "used".
      if (checks.size() == before) out += fmt::format("  (void){};\n", label);
    }
    write_checks(out, checks, "");
    if (!sig_.varargs.empty()) {
      out += fmt::format("  va_start(ap, arg{});\n", sig_.args.size() - 1);
      for (size_t i = 0; i < sig_.varargs.size(); ++i) out += read_vararg(i);
      out += "  va_end(ap);\n";
    }
    if (!returns_void()) out += fmt::format("  return {};\n", result_global());
    out += "}\n";
  }

  // Statements style: reads variadic argument i and checks it.
  std::string read_vararg(size_t i) const {
    const CType& type = *sig_.varargs[i];
    const std::string t = vararg_type(i), label = fmt::format("vararg{}", i);
    std::string out = fmt::format("  {{\n    {} q_v = {};\n", t, vararg_read(i));
    std::vector<Check> checks;
    if (type.kind == Kind::kArray) {
      // The array went as a pointer to its first element: compare pointers.
      out += fmt::format("    {} q_a = {};\n", t, vararg_global(i));
      static const CType pointer_leaf{.kind = Kind::kPointer};
      checks.push_back({&pointer_leaf, "q_a", "q_v", label, t});
    } else {
      collect(checks, type, test_.vararg_values[i], vararg_global(i), "q_v", label);
    }
    if (checks.empty()) out += "    (void)q_v;\n";
    write_checks(out, checks, "  ");
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
    out += stage("caller call");
    if (returns_void()) {
      out += "  " + call + ";\n" + stage("caller done") + "}\n";
      return;
    }
    // The result is checked in the name of the callee that returned it.
    std::vector<Check> checks;
    if (table()) {
      collect(checks, *sig_.result, test_.result_value, result_global(), got_result(), "result");
      out += fmt::format("  {{\n  {}", function_text(callee_name()));
      out += fmt::format("    {} = {};\n", got_result(), call);
      out += stage("caller result");
      write_checks(out, checks, "  ");
      out += stage("caller done");
      out += "  }\n}\n";
      return;
    }
    collect(checks, *sig_.result, test_.result_value, result_global(), "q_r", "result");
    out += fmt::format("  {{\n  {}", function_text(callee_name()));
    out += "    " + names_.declare(*sig_.result, "q_r") + ";\n";
    out += fmt::format("    q_r = {};\n", call);
    if (checks.empty()) out += "    (void)q_r;\n";
    write_checks(out, checks, "  ");
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

  const EmitOptions& options_;
  const TestCase& test_;
  const Signature& sig_;
  std::string prefix_;
  TypeNames names_;
};

}  // namespace

std::string Emitter::prefix(uint64_t seed) { return fmt::format("q{:x}", seed); }

Emitter::Emitter(std::ostream& main, std::ostream* callee, EmitOptions options)
    : main_(main), callee_(callee), options_(std::move(options)) {
  options_.crash_stages = options_.crash_stages && callee_;  // q_stage lives in the main file
  prologue(main_, false);
  if (callee_) prologue(*callee_, true);
}

// Where the program is, for a crash to tell: a pointer to a literal, set
// before each step (volatile, so the compiler keeps every store). The
// handler uses only write(2) and then dies of the same signal.
constexpr std::string_view kCrashStages = R"(
#include <signal.h>
#include <unistd.h>
const char *volatile q_stage = "start";
static void q_on_crash(int sig)
{
  const char *s = q_stage;
  char digits[16];
  unsigned c = q_case;
  size_t n = 0, d = sizeof digits;
  while (s[n]) n++;
  fflush(stdout); /* the mismatch lines of the cases before: a crash inside a case is not inside stdio */
  do digits[--d] = (char)('0' + c % 10); while ((c /= 10) && d > 0);
  if (write(2, "QUEST-CRASH-CASE ", 17) < 0 || write(2, digits + d, sizeof digits - d) < 0 || write(2, "\n", 1) < 0 ||
      write(2, "QUEST-CRASH-AT ", 15) < 0 || write(2, s, n) < 0 || write(2, "\n", 1) < 0) n = 0;
  signal(sig, SIG_DFL);
  raise(sig);
}
)";

void Emitter::prologue(std::ostream& out, bool is_callee_file) {
  if (!is_callee_file)
    for (const std::string& line : options_.header) out << "/* " << line << " */\n";
  out << kIncludes << "\n" << kSupport;
  if (stages()) out << (is_callee_file ? "\nextern const char *volatile q_stage;\n" : kCrashStages);
  if (is_callee_file)
    out << "\nunsigned q_callee_failures(void) { (void)q_check; (void)q_check_all; (void)q_check_bits; return q_failures; }\n"
           "void q_callee_set_case(unsigned c) { q_case = c; }\n";
}

void Emitter::add(const TestCase& test) {
  validate(test.signature);
  const CaseWriter writer(test, options_);
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
  main_ << "\nint main(void)\n{\n  unsigned q_total;\n  (void)q_check; (void)q_check_all; (void)q_check_bits;\n";
  if (stages())
    main_ << "  signal(SIGSEGV, q_on_crash); signal(SIGBUS, q_on_crash); signal(SIGILL, q_on_crash); "
             "signal(SIGFPE, q_on_crash);\n";
  for (size_t i = 0; i < seeds_.size(); ++i) {
    main_ << "  q_case = " << i << ";";
    if (callee_) main_ << " q_callee_set_case(" << i << ");";
    main_ << " " << prefix(seeds_[i]) << "_caller();\n";
  }
  main_ << "  q_total = q_failures" << (callee_ ? " + q_callee_failures()" : "") << ";\n";
  main_ << "#ifdef Q_COUNT_CHECKS\n  fprintf(stderr, \"QUEST-CHECKS %lu\\n\", q_checks);\n#endif\n";
  main_ << "  return q_total > 125 ? 125 : (int)q_total;\n}\n";
  main_.flush();
  if (callee_) callee_->flush();
}

}  // namespace testgen::abi
