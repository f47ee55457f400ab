#include "signature.h"

#include <algorithm>
#include <array>
#include <map>

#include "arith_parser.h"
#include "rust_emitter.h"

namespace testgen::bash {
namespace {

constexpr std::array<std::string_view, 22> kBuiltins = {
    "echo", "printf", "[", "test", "true", "false", ":", "return", "exit", "shift", "set",
    "unset", "let", "read", "local", "declare", "export", "readonly", "break", "continue", "typeset", "eval"};
constexpr std::array<std::string_view, 6> kNumericTests = {"-eq", "-ne", "-lt", "-le", "-gt", "-ge"};

bool is_numeric_test(const std::string& op) {
  return std::find(kNumericTests.begin(), kNumericTests.end(), op) != kNumericTests.end();
}

bool integer_literal(const Word& w) {
  std::string text;
  if (!w.literal(text) || text.empty()) return false;
  size_t start = text[0] == '-' ? 1 : 0;
  return start < text.size() && text.find_first_not_of("0123456789", start) == std::string::npos;
}

class Inference {
 public:
  Inference(Signature& sig, const std::set<std::string>& functions) : sig_(sig), functions_(functions) {}

  void run(const Function& f) {
    // First pass: bindings `local name=$k` name the parameters.
    for (const Command& c : f.body)
      for (const Assignment& a : c.assignments)
        if (size_t k = positional_of(a.value); k > 0 && !a.is_array && !a.index && !bound_.count(a.name)) {
          bound_[a.name] = k;
          if (!names_.count(k)) names_[k] = a.name;
        }
    block(f.body, false);
    size_t arity = 0;
    for (auto& [k, use] : text_use_) arity = std::max(arity, k);
    for (size_t k : used_) arity = std::max(arity, k);
    // Beyond a dozen parameters a slice reads better (and ${99999} stays sane).
    if (arity > 12) {
      sig_.variadic = true;
      arity = 0;
    }
    for (size_t k = 1; k <= arity; ++k) {
      Parameter p;
      p.name = names_.count(k) ? rust_ident(names_[k]) : "arg" + std::to_string(k);
      p.integer = used_.count(k) && !text_use_.count(k);
      p.path = !p.integer && path_use_.count(k) && text_use_[k] == "a file name";
      if (text_use_.count(k)) p.why_text = text_use_[k];
      sig_.params.push_back(std::move(p));
    }
    // No two parameters may share a Rust name.
    std::set<std::string> seen;
    for (size_t i = 0; i < sig_.params.size(); ++i)
      if (!seen.insert(sig_.params[i].name).second) sig_.params[i].name = "arg" + std::to_string(i + 1);

    bool int_echoes = !echo_kinds_.empty() && std::all_of(echo_kinds_.begin(), echo_kinds_.end(), [&](size_t k) {
      return k == 0 || (k <= sig_.params.size() && sig_.params[k - 1].integer);
    });
    if (other_output_.empty() && echo_kinds_.empty() && !exits_ && !status_values_) {
      sig_.result = ResultKind::kStatus;
    } else if (other_output_.empty() && int_echoes && !exits_ && !status_values_ && ends_printing(f.body) &&
               prints_once(f.body)) {
      sig_.result = ResultKind::kInteger;
    } else if (only_text_output_ && !exits_ && !status_values_ && ends_printing(f.body)) {
      sig_.result = ResultKind::kText;
    } else {
      sig_.result = ResultKind::kOutput;
      sig_.why_output = !other_output_.empty() ? other_output_
                        : exits_           ? "it calls exit"
                        : status_values_   ? "it returns statuses other than 0 and 1"
                                           : "it does not always print exactly one integer";
    }
  }

 private:
  Signature& sig_;
  const std::set<std::string>& functions_;
  std::map<std::string, size_t> bound_;  ///< variable -> the parameter it holds
  std::map<size_t, std::string> names_;
  std::map<size_t, std::string> text_use_;
  std::set<size_t> used_;
  std::set<size_t> path_use_;
  std::set<std::string> locals_;
  /// Each echo that prints one value: 0 for an integer, k for "parameter k".
  std::vector<size_t> echo_kinds_;
  std::string other_output_;
  /// Whatever is printed comes from echo or printf (no commands, no calls).
  bool only_text_output_ = true;
  bool exits_ = false;
  bool status_values_ = false;

  // Which parameter a variable or positional name stands for (0: none).
  size_t param_of(const std::string& name) const {
    if (!name.empty() && std::all_of(name.begin(), name.end(), ::isdigit)) return positional_index(name);
    auto it = bound_.find(name);
    return it == bound_.end() ? 0 : it->second;
  }

  void numeric_name(const std::string& name) {
    if (size_t k = param_of(name)) used_.insert(k);
  }

  void text_name(const std::string& name, const std::string& why) {
    if (size_t k = param_of(name)) {
      used_.insert(k);
      if (why == "a file name") path_use_.insert(k);
      // The first use that is not a file name decides the explanation.
      if (!text_use_.count(k) || (text_use_[k] == "a file name" && why != "a file name")) text_use_[k] = why;
    }
  }

  void word(const Word& w, bool numeric, bool captured, const std::string& why = "used as text") {
    for (const WordPart& p : w.parts) {
      switch (p.kind) {
        case WordPart::Kind::kLiteral:
          break;
        case WordPart::Kind::kParam: {
          const ParamExp& e = *p.param;
          if (e.name == "@" || e.name == "*" || e.name == "#") sig_.variadic = true;
          bool plain = e.op == ParamOp::kPlain && !e.index && !e.all_elements;
          if (plain && numeric) numeric_name(e.name);
          else text_name(e.name, plain ? why : "given to ${...}");
          for (const Word& a : e.args) word(a, false, captured);
          if (e.index) word(*e.index, false, captured);
          if (e.offset) arith(*e.offset, captured);
          if (e.length) arith(*e.length, captured);
          break;
        }
        case WordPart::Kind::kCommandSub:
          block(*p.commands, true);
          break;
        case WordPart::Kind::kArith:
          arith(*p.arith, captured);
          break;
      }
    }
  }

  void arith(const Arith& a, bool captured) {
    if (a.kind == Arith::Kind::kVariable) numeric_name(a.name);
    if (a.kind == Arith::Kind::kText && a.text) word(*a.text, true, captured);
    if (!a.name.empty() && a.kind != Arith::Kind::kVariable) numeric_name(a.name);
    if (a.index) arith(*a.index, captured);
    for (const Arith& o : a.operands) arith(o, captured);
  }

  void block(const Block& b, bool captured) {
    for (const Command& c : b) command(c, captured);
  }

  void output(const std::string& what, bool captured) {
    if (!captured && other_output_.empty()) other_output_ = what;
    if (!captured && what != "it prints text" && what != "it prints with printf") only_text_output_ = false;
  }

  void command(const Command& c, bool captured) {
    for (const Redirect& r : c.redirects) {
      std::string target;
      if ((r.kind == Redirect::Kind::kOutput || r.kind == Redirect::Kind::kAppend) &&
          !(r.target.literal(target) && target.starts_with("/dev/")))
        sig_.writes_files = true;
      word(r.target, false, captured, "a file name");
    }
    for (const Assignment& a : c.assignments) {
      if (c.kind == Command::Kind::kDeclare && c.name != "readonly" && c.name != "export" &&
          std::find(c.flags.begin(), c.flags.end(), "-g") == c.flags.end())
        locals_.insert(a.name);
      else if (!locals_.count(a.name))
        sig_.globals_set.insert(a.name);
      if (positional_of(a.value) == 0) {
        // Re-assigning a parameter's variable with text makes it text.
        bool arithmetic = a.value.parts.size() == 1 && a.value.parts[0].kind == WordPart::Kind::kArith;
        if (bound_.count(a.name) && a.has_value && !arithmetic) text_name(a.name, "assigned a string");
        word(a.value, arithmetic, captured);
      }
      for (const Word& e : a.elements) word(e, false, captured);
    }
    switch (c.kind) {
      case Command::Kind::kSimple:
        simple(c, captured);
        return;
      case Command::Kind::kDeclare:
        return;
      case Command::Kind::kFor:
        if (c.words.size() == 1 && positional_of(c.words[0]) == 0 && !c.words[0].parts.empty() &&
            c.words[0].parts[0].param && c.words[0].parts[0].param->name == "@")
          sig_.variadic = true;
        for (const Word& w : c.words) word(w, false, captured, "iterated over");
        break;
      case Command::Kind::kCase:
        word(c.words[0], false, captured, "matched by case");
        for (const CaseItem& item : c.items) {
          for (const Word& p : item.patterns) word(p, false, captured);
          block(item.body, captured);
        }
        return;
      case Command::Kind::kCond:
        cond(*c.cond, captured);
        return;
      case Command::Kind::kArith:
      case Command::Kind::kArithFor:
        for (const auto& a : c.ariths)
          if (a) arith(*a, captured);
        break;
      case Command::Kind::kPipeline:
        output("it runs a pipeline", captured);
        break;
      case Command::Kind::kSubshell:
        output("it runs a subshell", captured);
        break;
      default:
        break;
    }
    for (const Block& b : c.blocks) block(b, captured);
  }

  void cond(const Cond& c, bool captured) {
    bool numeric = is_numeric_test(c.op) ||
                   ((c.op == "==" || c.op == "=" || c.op == "!=") && c.words.size() == 2 && integer_literal(c.words[1]));
    for (const Word& w : c.words) word(w, numeric, captured, "compared as text");
    for (const Cond& o : c.operands) cond(o, captured);
  }

  void simple(const Command& c, bool captured) {
    if (c.words.empty()) return;
    std::string name;
    bool known = c.words[0].literal(name);
    if (!known) {
      output("it runs a computed command", captured);
      for (const Word& w : c.words) word(w, false, captured);
      return;
    }
    if (name == "[" || name == "test") {
      for (size_t i = 1; i < c.words.size(); ++i) {
        auto literal_at = [&](size_t j, std::string& out) { return j < c.words.size() && c.words[j].literal(out); };
        std::string before, after;
        bool has_before = i >= 1 && literal_at(i - 1, before), has_after = literal_at(i + 1, after);
        bool numeric = (has_before && is_numeric_test(before)) || (has_after && is_numeric_test(after));
        static const std::set<std::string> kFileTests = {"-e", "-f", "-d", "-r", "-w", "-x", "-s", "-h", "-L", "-a"};
        if (has_before && kFileTests.count(before) && c.words[i].parts.size() == 1) {
          word(c.words[i], false, captured, "a file name");
          continue;
        }
        // `[ "$n" = 1 ]`: a canonical integer equals 1 as text exactly when it does as a number.
        if ((has_after && (after == "=" || after == "!=") && i + 2 < c.words.size() && integer_literal(c.words[i + 2])) ||
            (has_before && (before == "=" || before == "!=") && i >= 2 && integer_literal(c.words[i - 2])))
          numeric = true;
        word(c.words[i], numeric, captured, "compared as text");
      }
      return;
    }
    if (name == "echo") {
      if (!captured) {
        if (c.words.size() == 2 && integer_literal(c.words[1])) echo_kinds_.push_back(0);
        else if (c.words.size() == 2 && c.words[1].parts.size() == 1 &&
                 c.words[1].parts[0].kind == WordPart::Kind::kArith)
          echo_kinds_.push_back(0);
        else if (size_t k = c.words.size() == 2 ? positional_of(c.words[1]) : 0) echo_kinds_.push_back(k);
        else output("it prints text", captured);
      }
      for (size_t i = 1; i < c.words.size(); ++i) {
        bool lone_arith = c.words[i].parts.size() == 1 && c.words[i].parts[0].kind == WordPart::Kind::kArith;
        word(c.words[i], lone_arith, captured, "printed");
      }
      return;
    }
    if (name == "return" || name == "exit") {
      std::string value;
      if (name == "exit") exits_ = exits_ || !captured;
      if (c.words.size() > 1 && (!c.words[1].literal(value) || (value != "0" && value != "1")))
        status_values_ = status_values_ || !captured;
      if (c.words.size() > 1) word(c.words[1], true, captured);
      return;
    }
    if (name == "let") {
      for (size_t i = 1; i < c.words.size(); ++i) word(c.words[i], true, captured);
      return;
    }
    if (name == "shift" || name == "set") sig_.variadic = true;
    if (name == "read") sig_.reads_stdin = true;
    if (name == "printf") output("it prints with printf", captured);
    bool builtin = std::find(kBuiltins.begin(), kBuiltins.end(), name) != kBuiltins.end();
    if (functions_.count(name)) output("it calls " + name + ", whose output is its own", captured);
    else if (!builtin) {
      sig_.commands_run.insert(name);
      output("it runs " + name, captured);
    }
    for (size_t i = 1; i < c.words.size(); ++i) word(c.words[i], false, captured, "passed to " + name);
  }

  // Whether no way through `b` prints twice: an echo before the last
  // command must be followed by a return in its own block.
  static bool prints_once(const Block& b) {
    for (size_t i = 0; i + 1 < b.size(); ++i) {
      const Command& c = b[i];
      std::string name;
      if (c.kind == Command::Kind::kSimple && !c.words.empty() && c.words[0].literal(name) && name == "echo") {
        std::string next;
        if (!(b[i + 1].kind == Command::Kind::kSimple && !b[i + 1].words.empty() && b[i + 1].words[0].literal(next) &&
              next == "return"))
          return false;
      }
      for (const Block& inner : c.blocks)
        if (!prints_once(inner) || (!inner.empty() && has_echo(inner) && !ends_with_return(inner))) return false;
    }
    return b.empty() || [&] {
      for (const Block& inner : b.back().blocks)
        if (!prints_once(inner)) return false;
      return true;
    }();
  }

  static bool has_echo(const Block& b) {
    for (const Command& c : b) {
      std::string name;
      if (c.kind == Command::Kind::kSimple && !c.words.empty() && c.words[0].literal(name) && name == "echo") return true;
    }
    return false;
  }

  static bool ends_with_return(const Block& b) {
    std::string name;
    return !b.empty() && b.back().kind == Command::Kind::kSimple && !b.back().words.empty() &&
           b.back().words[0].literal(name) && (name == "return");
  }

  // Whether every way through `b` ends by printing (an echo, or an echo
  // then return).
  bool ends_printing(const Block& b) const {
    for (size_t i = b.size(); i-- > 0;) {
      const Command& c = b[i];
      std::string name;
      if (c.kind == Command::Kind::kSimple && !c.words.empty() && c.words[0].literal(name)) {
        if (name == "echo" || name == "printf") return true;
        if (name == "return") continue;  // the echo before it decides
        return false;
      }
      if (c.kind == Command::Kind::kIf) {
        if (!c.has_else) return false;
        size_t pairs = (c.blocks.size() - 1) / 2;
        for (size_t k = 0; k < pairs; ++k)
          if (!ends_printing(c.blocks[2 * k + 1])) return false;
        return ends_printing(c.blocks.back());
      }
      if (c.kind == Command::Kind::kDeclare) continue;
      return false;
    }
    return false;
  }
};

}  // namespace

Signature infer_signature(const Function& f, const std::set<std::string>& functions) {
  Signature sig;
  Inference(sig, functions).run(f);
  if (sig.variadic) {
    for (Parameter& p : sig.params) p.integer = false;
  }
  return sig;
}

}  // namespace testgen::bash
