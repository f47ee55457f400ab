#include "test_calls.h"

#include <fmt/format.h>

#include <map>
#include <optional>

#include "rust_emitter.h"

namespace testgen::bash {
namespace {

// A canonical i64: what `to_string` gives back for it.
bool canonical_integer(const std::string& s) {
  try {
    size_t used = 0;
    long long v = std::stoll(s, &used);
    return used == s.size() && std::to_string(v) == s;
  } catch (...) {
    return false;
  }
}

std::string integer_literal(const std::string& s) {
  if (s == std::to_string(std::numeric_limits<int64_t>::min())) return "i64::MIN";
  if (s == std::to_string(std::numeric_limits<int64_t>::max())) return "i64::MAX";
  return s;
}

// Names a command assigns, and names it reads, through every nested block.
class VariableUse {
 public:
  std::set<std::string> set, read;
  bool files = false;  ///< redirections, file tests, globs, commands

  void block(const Block& b) {
    for (const Command& c : b) command(c);
  }

 private:
  void command(const Command& c) {
    for (const Assignment& a : c.assignments) {
      set.insert(a.name);
      word(a.value);
      for (const Word& e : a.elements) word(e);
    }
    if (c.kind == Command::Kind::kFor) set.insert(c.name);
    if (!c.redirects.empty()) files = true;
    std::string name;
    if (!c.words.empty() && c.words[0].literal(name)) {
      // read / getopts / printf -v assign the names they are given.
      if (name == "read" || name == "getopts" || name == "printf" || name == "unset" || name == "let")
        for (const Word& w : c.words) {
          std::string text;
          if (w.literal(text)) set.insert(text);
        }
      if (name == "cd" || name == "pushd" || name == "popd" || name == "source" || name == ".") files = true;
    }
    for (const Word& w : c.words) word(w);
    for (const Block& inner : c.blocks) block(inner);
    for (const CaseItem& item : c.items) block(item.body);
    for (const auto& a : c.ariths)
      if (a) arith(*a);
    if (c.cond) cond(*c.cond);
  }

  void cond(const Cond& c) {
    if (c.kind == Cond::Kind::kUnary && c.op != "-z" && c.op != "-n" && c.op != "-v") files = true;
    if (c.op == "-nt" || c.op == "-ot" || c.op == "-ef") files = true;
    for (const Word& w : c.words) word(w);
    for (const Cond& o : c.operands) cond(o);
  }

  void arith(const Arith& a) {
    if (a.kind == Arith::Kind::kVariable) read.insert(a.name);
    if (!a.name.empty() && a.kind != Arith::Kind::kVariable) set.insert(a.name);
    if (a.text) word(*a.text);
    for (const Arith& o : a.operands) arith(o);
  }

  void word(const Word& w) {
    for (const WordPart& p : w.parts) {
      // A glob reads the directory: `*`, `?`, or a bracket expression `[...]`
      // (a lone `[`, as in `[ $n -le 1 ]`, is just a word).
      if (p.kind == WordPart::Kind::kLiteral && !p.quoted &&
          (p.text.find_first_of("*?") != std::string::npos ||
           (p.text.find('[') != std::string::npos && p.text.find(']', p.text.find('[') + 1) != std::string::npos)))
        files = true;
      if (p.kind == WordPart::Kind::kLiteral && !p.quoted &&
          (p.text.rfind("-", 0) == 0 && p.text.size() == 2 && std::string_view("fdeasrwxLhpSbcugkOGN").find(p.text[1]) !=
                                                                    std::string_view::npos))
        files = true;  // `[ -f x ]` and friends: the word list of test
      if (p.param) {
        read.insert(p.param->name);
        if (p.param->op == ParamOp::kAssignDefault) set.insert(p.param->name);
        for (const Word& a : p.param->args) word(a);
        if (p.param->index) word(*p.param->index);
        if (p.param->offset) arith(*p.param->offset);
        if (p.param->length) arith(*p.param->length);
      }
      if (p.commands) block(*p.commands);
      if (p.arith) arith(*p.arith);
    }
  }
};

bool special(const std::string& name) {
  return name.empty() || name.find_first_not_of("0123456789") == std::string::npos ||
         std::string_view("@*#?-$!").find(name) != std::string_view::npos || name == "IFS" || name == "FUNCNAME" ||
         name == "OPTIND" || name == "OPTARG" || name == "BASH_REMATCH" || name == "REPLY";
}

}  // namespace

std::string string_slice(const std::vector<std::string>& args) {
  std::string out = "&[";
  for (size_t i = 0; i < args.size(); ++i) out += (i ? ", " : "") + rust_string(args[i]);
  return out + "]";
}

std::optional<std::string> typed_arguments(const TranslatedFunction& f, const CallInput& call) {
  const Signature& sig = f.signature;
  if (!call.input.empty()) return std::nullopt;  // the wrapper gives no standard input
  if (sig.variadic) return string_slice(call.args);
  if (call.args.size() != sig.params.size()) return std::nullopt;
  std::string out;
  for (size_t i = 0; i < call.args.size(); ++i) {
    const Parameter& p = sig.params[i];
    std::string a;
    if (p.integer) {
      if (!canonical_integer(call.args[i])) return std::nullopt;
      a = integer_literal(call.args[i]);
    } else if (p.path) {
      a = fmt::format("std::path::Path::new({})", rust_string(call.args[i]));
    } else {
      a = rust_string(call.args[i]);
    }
    out += (i ? ", " : "") + a;
  }
  return out;
}

RustCallText call_text(const std::string& crate, const TranslatedFunction& f, const CallInput& call,
                       const BashCall& bash) {
  RustCallText out;
  std::optional<std::string> typed = typed_arguments(f, call);
  std::string typed_call = typed ? fmt::format("{}::{}({})", crate, f.module, *typed) : "";
  switch (f.signature.result) {
    case ResultKind::kInteger:
      if (typed && bash.status == 0 && !bash.out.empty() && bash.out.back() == '\n' &&
          canonical_integer(bash.out.substr(0, bash.out.size() - 1))) {
        out.call = typed_call;
        out.assertions.push_back(
            fmt::format("assert_eq!({}, {});", typed_call, integer_literal(bash.out.substr(0, bash.out.size() - 1))));
        return out;
      }
      break;
    case ResultKind::kText:
      if (typed && bash.status == 0) {
        std::string text = bash.out;
        while (!text.empty() && text.back() == '\n') text.pop_back();
        out.call = typed_call;
        out.assertions.push_back(fmt::format("assert_eq!({}, {});", typed_call, rust_string(text)));
        return out;
      }
      break;
    case ResultKind::kStatus:
      if (typed && bash.out.empty()) {
        out.call = typed_call;
        out.assertions.push_back(fmt::format("assert!({}{});", bash.status == 0 ? "" : "!", typed_call));
        return out;
      }
      break;
    case ResultKind::kOutput:
      if (typed) {
        out.call = typed_call;
        out.assertions.push_back(fmt::format("let out = {};", typed_call));
        out.assertions.push_back(fmt::format("assert_eq!(out.stdout, {});", rust_string(bash.out)));
        out.assertions.push_back(fmt::format("assert_eq!(out.status, {});", bash.status));
        return out;
      }
      break;
  }
  // The whole Output, exactly as bash gave it.
  out.call = fmt::format("{}::invoke_with_input({}::{}::run, {}, {})", crate, crate, f.module, string_slice(call.args),
                         rust_string(call.input));
  out.assertions.push_back(fmt::format("let out = {};", out.call));
  out.assertions.push_back(fmt::format("assert_eq!(out.stdout, {});", rust_string(bash.out)));
  out.assertions.push_back(fmt::format("assert_eq!(out.status, {});", bash.status));
  return out;
}

bool needs_fresh_context(const Translation& t, const TranslatedFunction& f) {
  std::map<std::string, const TranslatedFunction*> by_name;
  for (const TranslatedFunction& g : t.functions) by_name[g.function->name] = &g;
  VariableUse use;
  std::set<std::string> seen;
  std::vector<const TranslatedFunction*> todo{&f};
  while (!todo.empty()) {
    const TranslatedFunction* g = todo.back();
    todo.pop_back();
    if (!seen.insert(g->function->name).second) continue;
    if (!g->signature.commands_run.empty() || g->signature.writes_files || g->signature.reads_stdin) return true;
    // A string parameter expanded unquoted can glob: only integers are safe everywhere.
    for (const Parameter& p : g->signature.params)
      if (!p.integer) return true;
    if (g->signature.variadic) return true;
    use.block(g->function->body);
    for (const std::string& c : g->callees)
      if (by_name.count(c)) todo.push_back(by_name[c]);
  }
  if (use.files) return true;
  for (const Global& g : t.script->globals) use.set.insert(g.name);
  for (const std::string& name : use.read)
    if (!special(name) && !use.set.count(name)) return true;
  return false;
}

}  // namespace testgen::bash
