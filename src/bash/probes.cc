#include "probes.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <regex>
#include <set>

#include "arith_parser.h"


namespace testgen::bash {
namespace {

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

size_t arity(const Signature& sig, const InputModel& model) {
  return sig.variadic ? std::max<size_t>(model.arity, 1) : sig.params.size();
}

std::string param_name(const Signature& sig, size_t k) {
  return k >= 1 && k <= sig.params.size() ? sig.params[k - 1].name : fmt::format("arg{}", k);
}

std::optional<int64_t> parse_int(const std::string& s) {
  if (s.empty()) return std::nullopt;
  size_t at = s[0] == '-' || s[0] == '+' ? 1 : 0;
  if (at == s.size() || s.find_first_not_of("0123456789", at) != std::string::npos || s.size() > 19 + at)
    return std::nullopt;
  try {
    return std::stoll(s);
  } catch (...) {
    return std::nullopt;
  }
}

bool holds(const std::string& op, int64_t a, int64_t b) {
  if (op == "-eq" || op == "==") return a == b;
  if (op == "-ne" || op == "!=") return a != b;
  if (op == "-lt" || op == "<") return a < b;
  if (op == "-le" || op == "<=") return a <= b;
  if (op == "-gt" || op == ">") return a > b;
  return a >= b;  // -ge, >=
}

// `c OP n` read as `n OP' c`.
std::string flipped(const std::string& op) {
  static const std::map<std::string, std::string> flip = {{"-lt", "-gt"}, {"-gt", "-lt"}, {"-le", "-ge"}, {"-ge", "-le"},
                                                          {"<", ">"},     {">", "<"},     {"<=", ">="}, {">=", "<="}};
  auto it = flip.find(op);
  return it == flip.end() ? op : it->second;
}

bool is_int_op(const std::string& op) {
  static const std::set<std::string> ops = {"-eq", "-ne", "-lt", "-le", "-gt", "-ge", "==", "!=", "<", "<=", ">", ">="};
  return ops.count(op) > 0;
}

class ProbeFinder {
 public:
  ProbeFinder(const Function& f, const Signature& sig, const InputModel& model)
      : sig_(sig), base_(base_arguments(sig, model)) {
    bind(f.body);
  }

  std::vector<Probe> run(const Function& f) {
    block(f.body);
    return std::move(out_);
  }

 private:
  const Signature& sig_;
  std::vector<std::string> base_;
  std::map<std::string, size_t> bound_;  ///< variable -> the parameter it was set from
  std::vector<Probe> out_;

  void bind(const Block& b) {
    for (const Command& c : b) {
      for (const Assignment& a : c.assignments)
        if (size_t k = positional_of(a.value); k > 0 && !a.is_array && !a.index && !bound_.count(a.name)) bound_[a.name] = k;
      for (const Block& inner : c.blocks) bind(inner);
    }
  }

  // Which parameter a variable name or positional name holds (0: none).
  size_t param_of_name(const std::string& name) const {
    if (!name.empty() && name.find_first_not_of("0123456789") == std::string::npos) return positional_index(name);
    auto it = bound_.find(name);
    return it == bound_.end() ? 0 : it->second;
  }

  size_t param_of(const Word& w) const {
    if (size_t k = positional_of(w)) return k;
    if (w.parts.size() != 1 || w.parts[0].kind != WordPart::Kind::kParam) return 0;
    const ParamExp& e = *w.parts[0].param;
    return e.op == ParamOp::kPlain && !e.index ? param_of_name(e.name) : 0;
  }

  void add(size_t k, const std::string& value, std::string name, std::string why) {
    if (k == 0 || k > base_.size()) return;
    Probe p;
    p.call.args = base_;
    p.call.args[k - 1] = value;
    p.name = std::move(name);
    p.why = std::move(why);
    out_.push_back(std::move(p));
  }

  void integer_test(size_t k, std::string op, int64_t c, const std::string& shown) {
    std::string p = param_name(sig_, k);
    std::string cs = value_ident(std::to_string(c));
    for (int delta : {-1, 0, 1}) {
      if ((delta < 0 && c == kMin) || (delta > 0 && c == kMax)) continue;
      int64_t v = c + delta;
      std::string rel = delta < 0 ? "lt" : delta == 0 ? "eq" : "gt";
      add(k, std::to_string(v), fmt::format("{}_{}_{}_{}", delta == 0 ? "boundary" : "branch", p, rel, cs),
          fmt::format("`{}` is {} for {} = {}", shown, holds(op, v, c) ? "true" : "false", p, v));
    }
  }

  void string_test(size_t k, const std::string& literal, const std::string& shown) {
    std::string p = param_name(sig_, k);
    std::string id = value_ident(literal);
    add(k, literal, fmt::format("branch_{}_is_{}", p, id), fmt::format("`{}` with {} = \"{}\"", shown, p, literal));
    add(k, literal + "x", fmt::format("branch_{}_is_not_{}", p, id),
        fmt::format("`{}` with {} = \"{}x\"", shown, p, literal));
  }

  void unary_test(size_t k, const std::string& op, const std::string& shown) {
    std::string p = param_name(sig_, k);
    if (op == "-z" || op == "-n") {
      add(k, "", fmt::format("branch_{}_empty", p), fmt::format("`{}` with {} empty", shown, p));
      add(k, "x", fmt::format("branch_{}_not_empty", p), fmt::format("`{}` with {} = \"x\"", shown, p));
    } else if (op == "-d" || op == "-e" || op == "-a" || op == "-r" || op == "-x") {
      add(k, "/", fmt::format("branch_{}_exists", p), fmt::format("`{}` with {} = \"/\" (a directory)", shown, p));
      add(k, "/nonexistent/file", fmt::format("branch_{}_missing", p),
          fmt::format("`{}` with {} a file that does not exist", shown, p));
    } else if (op == "-f" || op == "-s" || op == "-w") {
      add(k, "/", fmt::format("branch_{}_is_a_directory", p), fmt::format("`{}` with {} = \"/\"", shown, p));
      add(k, "/nonexistent/file", fmt::format("branch_{}_missing", p),
          fmt::format("`{}` with {} a file that does not exist", shown, p));
    }
  }

  // Two operands and an operator, whichever side the parameter is on.
  // `open` is "[" or "[[": how the condition is shown in the test's comment.
  void binary(const Word& left, const std::string& op, const Word& right, const std::string& open) {
    size_t k = param_of(left);
    const Word* other = &right;
    std::string o = op;
    if (k == 0) {
      k = param_of(right);
      other = &left;
      o = flipped(op);
    }
    std::string text;
    if (k == 0 || !other->literal(text)) return;
    std::string shown = fmt::format("{} ${} {} {} {}", open, param_name(sig_, k), o, text.empty() ? "\"\"" : text,
                                    open == "[" ? "]" : "]]");
    if (o.size() > 1 && o[0] == '-') {
      if (std::optional<int64_t> c = parse_int(text); c && is_int_op(o)) integer_test(k, o, *c, shown);
    } else if (o == "=" || o == "==" || o == "!=") {
      if (text.find_first_of("*?[") == std::string::npos) string_test(k, text, shown);
    }
  }

  void test_words(const std::vector<Word>& words) {
    std::vector<const Word*> args;
    for (size_t i = 1; i < words.size(); ++i) args.push_back(&words[i]);
    std::string last;
    if (!args.empty() && args.back()->literal(last) && last == "]") args.pop_back();
    std::string op;
    if (args.size() == 3 && args[1]->literal(op)) binary(*args[0], op, *args[2], "[");
    if (args.size() == 2 && args[0]->literal(op))
      if (size_t k = param_of(*args[1])) unary_test(k, op, fmt::format("[ {} ${} ]", op, param_name(sig_, k)));
  }

  void cond(const Cond& c) {
    if (c.kind == Cond::Kind::kBinary && c.words.size() == 2)
      binary(c.words[0], c.op, c.words[1], "[[");
    if (c.kind == Cond::Kind::kUnary && c.words.size() == 1)
      if (size_t k = param_of(c.words[0])) unary_test(k, c.op, fmt::format("[[ {} ${} ]]", c.op, param_name(sig_, k)));
    if (c.kind == Cond::Kind::kWord && c.words.size() == 1)
      if (size_t k = param_of(c.words[0])) unary_test(k, "-n", fmt::format("[[ ${} ]]", param_name(sig_, k)));
    for (const Cond& o : c.operands) cond(o);
  }

  size_t arith_param(const Arith& a) const {
    if (a.kind == Arith::Kind::kVariable && !a.index && a.name.rfind(kPositional, 0) == 0)
      return positional_index(a.name.substr(kPositional.size()));
    if (a.kind == Arith::Kind::kVariable && !a.index) return param_of_name(a.name);
    if (a.kind == Arith::Kind::kText && a.text) return param_of(*a.text);
    return 0;
  }

  // `(( $1 > 10 ))` is kept as text (it is expanded at run time): read with
  // `$1` as a variable of its own and `$n` as `n`, its comparisons show.
  static constexpr std::string_view kPositional = "__positional_";
  static std::optional<Arith> with_expansions_as_names(const std::string& source) {
    static const std::regex kExpansion(R"(\$\{?([0-9]+)\}?)"), kNamed(R"(\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?)");
    std::string text = std::regex_replace(source, kExpansion, std::string(kPositional) + "$1");
    text = std::regex_replace(text, kNamed, "$1");
    if (text.find_first_of("$`\"'") != std::string::npos) return std::nullopt;
    return parse_arith(text);
  }

  void arith(const Arith& a) {
    if (a.kind == Arith::Kind::kText) {
      if (std::optional<Arith> parsed = with_expansions_as_names(a.source)) arith(*parsed);
      return;
    }
    if (a.kind == Arith::Kind::kBinary && a.operands.size() == 2 && is_int_op(a.op) && a.op[0] != '-') {
      const Arith& l = a.operands[0];
      const Arith& r = a.operands[1];
      std::string shown = fmt::format("(( {} ))", a.source.empty() ? a.op : a.source);
      for (size_t at; (at = shown.find(kPositional)) != std::string::npos;) shown.replace(at, kPositional.size(), "$");
      if (size_t k = arith_param(l); k && r.kind == Arith::Kind::kNumber) integer_test(k, a.op, r.number, shown);
      if (size_t k = arith_param(r); k && l.kind == Arith::Kind::kNumber)
        integer_test(k, flipped(a.op), l.number, shown);
    }
    for (const Arith& o : a.operands) arith(o);
  }

  void case_arms(const Command& c) {
    size_t k = c.words.empty() ? 0 : param_of(c.words[0]);
    if (k == 0) return;
    std::string p = param_name(sig_, k);
    bool has_default = false;
    for (const CaseItem& item : c.items)
      for (const Word& pattern : item.patterns) {
        std::string text;
        for (const WordPart& part : pattern.parts)
          if (part.kind == WordPart::Kind::kLiteral) text += part.text;
        if (text == "*") {
          has_default = true;
          continue;
        }
        // A word the pattern matches: `*` as nothing, `?` as one letter, a bracket as its first member.
        std::string sample;
        for (size_t i = 0; i < text.size(); ++i) {
          if (text[i] == '*') continue;
          if (text[i] == '?') sample += 'a';
          else if (text[i] == '[') {
            size_t end = text.find(']', i + 2);
            if (end == std::string::npos) break;
            size_t first = i + 1 + (text[i + 1] == '!' || text[i + 1] == '^');
            sample += text[first] == '!' ? 'a' : text[first];
            i = end;
          } else {
            sample += text[i];
          }
        }
        add(k, sample, fmt::format("case_{}_{}", p, value_ident(sample)),
            fmt::format("`case ${}` takes the arm `{}`", p, text));
      }
    add(k, "no-such-choice", fmt::format("case_{}_{}", p, has_default ? "default_arm" : "no_arm"),
        fmt::format("`case ${}` with a word no named arm matches", p));
  }

  void block(const Block& b) {
    for (const Command& c : b) {
      std::string name;
      if (c.kind == Command::Kind::kSimple && !c.words.empty() && c.words[0].literal(name) && (name == "[" || name == "test"))
        test_words(c.words);
      if (c.cond) cond(*c.cond);
      for (const auto& a : c.ariths)
        if (a) arith(*a);
      if (c.kind == Command::Kind::kCase) case_arms(c);
      for (const Block& inner : c.blocks) block(inner);
      for (const CaseItem& item : c.items) block(item.body);
    }
  }
};

}  // namespace

std::string value_ident(const std::string& v) {
  if (v.empty()) return "empty";
  std::string out;
  for (char c : v) {
    if (out.size() >= 24) break;
    if (c == '-' && out.empty()) out += "minus_";
    else if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else if (!out.empty() && out.back() != '_') out += '_';
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out.empty() ? "symbols" : out;
}

std::vector<std::string> base_arguments(const Signature& sig, const InputModel& model) {
  std::vector<std::string> base;
  size_t n = arity(sig, model);
  // A small non-negative constant from the code, or 1; a string constant, or "abc".
  std::string integer = "1";
  for (int64_t c : model.integers)
    if (c >= 0 && c <= 10) integer = std::to_string(c);
  std::string text = "abc";
  for (const std::string& s : model.strings)
    if (!s.empty() && s.size() <= 12 && s[0] != '-') {
      text = s;
      break;
    }
  for (size_t k = 1; k <= n; ++k) {
    bool integer_param = !sig.variadic && k <= sig.params.size() && sig.params[k - 1].integer;
    bool path_param = !sig.variadic && k <= sig.params.size() && sig.params[k - 1].path;
    base.push_back(integer_param ? integer : path_param ? "file.txt" : text);
  }
  return base;
}

std::vector<Probe> branch_probes(const Function& f, const Signature& sig, const InputModel& model) {
  return ProbeFinder(f, sig, model).run(f);
}

std::vector<Probe> edge_probes(const Signature& sig, const InputModel& model) {
  std::vector<Probe> out;
  std::vector<std::string> base = base_arguments(sig, model);
  auto add = [&](size_t k, const std::string& value, const std::string& what, const std::string& why) {
    Probe p;
    p.call.args = base;
    p.call.args[k - 1] = value;
    p.name = fmt::format("edge_{}_{}", param_name(sig, k), what);
    p.why = fmt::format("{} = {}", param_name(sig, k), why);
    out.push_back(std::move(p));
  };
  for (size_t k = 1; k <= base.size(); ++k) {
    bool integer = !sig.variadic && k <= sig.params.size() && sig.params[k - 1].integer;
    bool path = !sig.variadic && k <= sig.params.size() && sig.params[k - 1].path;
    if (integer) {
      add(k, "0", "zero", "0");
      add(k, "-1", "negative", "-1");
      add(k, std::to_string(kMax), "max", "i64::MAX");
      add(k, std::to_string(kMin), "min", "i64::MIN");
    } else if (path) {
      add(k, "", "empty", "the empty string");
      add(k, "/nonexistent/file", "missing_file", "a file that does not exist");
      add(k, "/", "root", "the root directory");
    } else {
      add(k, "", "empty", "the empty string");
      add(k, " ", "space", "one space");
      add(k, "a b", "two_words", "two words");
      add(k, "*", "glob", "a glob character");
      add(k, "-n", "dash", "a word that looks like an option");
      add(k, "\xc3\xa9t\xc3\xa9", "unicode", "a word with non-ASCII letters");
      add(k, "a\nb", "newline", "two lines");
      add(k, "'\"$x\\", "quotes", "quotes, a dollar and a backslash");
      add(k, "0", "zero", "\"0\"");
      add(k, "-7", "negative", "\"-7\"");
    }
  }
  if (sig.variadic) {
    Probe none;
    none.name = "edge_no_arguments";
    none.why = "no arguments at all";
    out.push_back(std::move(none));
    Probe many;
    many.name = "edge_five_arguments";
    many.call.args = {"a", "b c", "", "d", "e"};
    many.why = "five arguments, one empty and one with a space";
    out.push_back(std::move(many));
  }
  if (model.reads_stdin) {
    std::vector<Probe> with_input;
    for (const char* input : {"", "one line\n", "a b c\nsecond line\n"}) {
      Probe p;
      p.call.args = base;
      p.call.input = input;
      p.name = *input == 0 ? "edge_no_input" : std::string(input).find("second") != std::string::npos ? "edge_two_lines_of_input"
                                                                                                       : "edge_one_line_of_input";
      p.why = *input == 0 ? "empty standard input" : "standard input holding words";
      with_input.push_back(std::move(p));
    }
    out.insert(out.end(), with_input.begin(), with_input.end());
  }
  return out;
}

}  // namespace testgen::bash
