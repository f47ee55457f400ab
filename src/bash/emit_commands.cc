// Commands to Rust statements. Every command leaves its status in
// `sh.status` ($?); `return` and `exit` leave the function at once.
#include <fmt/format.h>

#include <array>

#include "lower.h"
#include "rust_emitter.h"

namespace testgen::bash {
namespace {

bool literal_name(const Command& c, std::string& name) {
  return !c.words.empty() && c.words[0].literal(name);
}

constexpr std::array<std::string_view, 6> kRefusedAtRunTime = {"type", "hash", "caller", "mapfile",
                                                                "readarray", "local"};

}  // namespace

void RustEmitter::line(const std::string& text) {
  out_ += std::string(static_cast<size_t>(indent_) * 4, ' ') + text + "\n";
}

std::string RustEmitter::temp(const std::string& prefix) { return fmt::format("{}_{}", prefix, ++temps_); }

std::string RustEmitter::function_body(const Function& f) {
  out_.clear();
  callees_.clear();
  commands_named_.clear();
  indent_ = 1;
  temps_ = 0;
  loops_.clear();
  used_labels_.clear();
  if (!block(f.body)) line("Ok(sh.status)");
  // A `return` that ends the function is its value (clippy: needless_return).
  for (std::string_view last : {"    return Ok(sh.status);\n", "    return Err(shell::Abort(sh.status));\n"}) {
    if (out_.ends_with(last) && (out_.size() == last.size() || out_[out_.size() - last.size() - 1] == '\n')) {
      std::string value(last.substr(11, last.size() - 13));  // without "    return " and ";\n"
      out_.resize(out_.size() - last.size());
      out_ += "    " + value + "\n";
      break;
    }
  }
  // Labels no break names would be warned about: drop them.
  for (std::string prefix : {"loop_", "body_", "case_"}) {
    for (size_t at = out_.find("'" + prefix); at != std::string::npos; at = out_.find("'" + prefix, at + 1)) {
      size_t end = at + 1;
      while (end < out_.size() && (std::isalnum(static_cast<unsigned char>(out_[end])) || out_[end] == '_')) ++end;
      if (out_.compare(end, 2, ": ") != 0) continue;  // a `break 'label;`
      std::string label = out_.substr(at + 1, end - at - 1);
      if (!used_labels_.count(label)) out_.erase(at, end + 2 - at);
    }
  }
  return out_;
}

// Whether a command always leaves the block: return, exit, break, continue.
bool always_jumps(const Command& c) {
  std::string name;
  return c.kind == Command::Kind::kSimple && c.redirects.empty() && c.assignments.empty() && !c.words.empty() &&
         c.words[0].literal(name) && (name == "return" || name == "exit" || name == "break" || name == "continue");
}

// Whether a block's last command leaves the function (return / exit).
bool leaves_function(const Block& b) {
  std::string name;
  return !b.empty() && always_jumps(b.back()) && b.back().words[0].literal(name) && (name == "return" || name == "exit");
}

std::string borrowed(const std::string& expr) { return expr == "String::new()" ? "\"\"" : "&" + expr; }

std::string negated(const std::string& expr) {
  bool simple = expr.find("&&") == std::string::npos && expr.find("||") == std::string::npos;
  if (simple && expr.starts_with("!") && !expr.starts_with("!(")) return expr.substr(1);
  return "!(" + expr + ")";
}

bool RustEmitter::block(const Block& b) {
  for (const Command& c : b) {
    command(c);
    // bash never runs what follows; Rust would call it unreachable.
    if (always_jumps(c)) return true;
  }
  return false;
}

void RustEmitter::command(const Command& c) {
  at_ = c.pos;
  if (!c.redirects.empty()) {
    // Output redirections change where fd 1 and 2 go for this command only.
    line("{");
    ++indent_;
    line("let depth = sh.sink_depth();");
    bool stdin_changed = false;
    for (const Redirect& r : c.redirects) {
      std::string target;
      bool literal = r.target.literal(target);
      switch (r.kind) {
        case Redirect::Kind::kHereString:
          line(fmt::format("let stdin = sh.push_stdin({} + \"\\n\");", string_expr(r.target)));
          stdin_changed = true;
          break;
        case Redirect::Kind::kHereDoc:
          line(fmt::format("let stdin = sh.push_stdin({});", string_expr(r.target)));
          stdin_changed = true;
          break;
        case Redirect::Kind::kInput:
          throw Unsupported("input redirection '<'", c.pos, "reading files");
        case Redirect::Kind::kDuplicate:
          if (!literal || (target != "1" && target != "2")) throw Unsupported("redirection >&" + target, c.pos);
          line(fmt::format("sh.dup_redirect({}, {});", r.fd, target));
          break;
        case Redirect::Kind::kClose:
          line(fmt::format("sh.push_redirect({}, shell::Sink::Null);", r.fd));
          break;
        case Redirect::Kind::kOutput:
        case Redirect::Kind::kAppend:
          if (r.fd != 1 && r.fd != 2) throw Unsupported("redirection of fd " + std::to_string(r.fd), c.pos);
          if (literal && target == "/dev/null") line(fmt::format("sh.push_redirect({}, shell::Sink::Null);", r.fd));
          else if (literal && target == "/dev/stderr") line(fmt::format("sh.dup_redirect({}, 2);", r.fd));
          else if (literal && target == "/dev/stdout") line(fmt::format("sh.dup_redirect({}, 1);", r.fd));
          else
            line(fmt::format("sh.push_redirect({}, shell::Sink::File({}, {}));", r.fd, string_expr(r.target),
                             r.kind == Redirect::Kind::kAppend));
          break;
      }
    }
    Command bare = c;
    bare.redirects.clear();
    command(bare);
    if (stdin_changed) line("sh.pop_stdin(stdin);");
    line("sh.pop_redirects(depth);");
    --indent_;
    line("}");
    return;
  }
  switch (c.kind) {
    case Command::Kind::kSimple: simple(c); return;
    case Command::Kind::kDeclare: declaration(c); return;
    case Command::Kind::kIf: if_command(c); return;
    case Command::Kind::kWhile:
    case Command::Kind::kUntil: loop(c); return;
    case Command::Kind::kFor: for_command(c); return;
    case Command::Kind::kArithFor: arith_for(c); return;
    case Command::Kind::kCase: case_command(c); return;
    case Command::Kind::kGroup: block(c.blocks[0]); return;
    case Command::Kind::kSubshell: subshell(c); return;
    case Command::Kind::kPipeline: pipeline(c); return;
    case Command::Kind::kAnd:
    case Command::Kind::kOr:
      block(c.blocks[0]);
      line(fmt::format("if sh.status {} 0 {{", c.kind == Command::Kind::kAnd ? "==" : "!="));
      ++indent_;
      block(c.blocks[1]);
      --indent_;
      line("}");
      return;
    case Command::Kind::kNot:
      block(c.blocks[0]);
      line("sh.status = i32::from(sh.status == 0);");
      return;
    case Command::Kind::kCond: cond_command(c); return;
    case Command::Kind::kArith:
      line(fmt::format("let value = {};", arith(*c.ariths[0])));
      line("sh.status = sh.arith_status(value);");
      return;
  }
}

void RustEmitter::assign(const Assignment& a, bool local_scope, const std::string& attrs) {
  std::string name = rust_string(a.name);
  if (a.is_array) {
    std::string items = temp("items");
    line(fmt::format("let mut {}: Vec<(Option<String>, String)> = Vec::new();", items));
    for (size_t i = 0; i < a.elements.size(); ++i) {
      if (a.keys[i]) {
        line(fmt::format("let key = {};", string_expr(*a.keys[i])));
        line(fmt::format("{}.extend([(Some(key), {})]);", items, string_expr(a.elements[i])));
      } else {
        std::string f = temp("element");
        word_list({a.elements[i]}, f);
        line(fmt::format("{}.extend({}.into_iter().map(|v| (None, v)));", items, f));
      }
    }
    if (local_scope) line(fmt::format("sh.declare_local({}, {});", name, attrs));
    line(fmt::format("sh.set_array({}, {}, {})?;", name, items, a.append));
    return;
  }
  if (!a.has_value) {
    if (local_scope) line(fmt::format("sh.declare_local({}, {});", name, attrs));
    else line(fmt::format("sh.declare_global({}, {});", name, attrs));
    return;
  }
  std::string value = temp("value");
  line(fmt::format("let {} = {};", value, string_expr(a.value)));
  if (local_scope) line(fmt::format("sh.declare_local({}, {});", name, attrs));
  else if (attrs != "shell::Attrs::default()") line(fmt::format("sh.declare_global({}, {});", name, attrs));
  if (a.index) {
    line(fmt::format("let key = {};", string_expr(*a.index)));
    if (a.append)
      line(fmt::format("{{ let old = sh.element({}, &key)?.unwrap_or_default(); sh.set_element({}, &key, old + &{})?; }}",
                       name, name, value));
    else line(fmt::format("sh.set_element({}, &key, {})?;", name, value));
  } else if (a.append) {
    line(fmt::format("sh.append({}, {})?;", name, value));
  } else {
    line(fmt::format("sh.set({}, {})?;", name, value));
  }
}

void RustEmitter::declaration(const Command& c) {
  bool global = c.name == "readonly" || c.name == "export";
  bool readonly = c.name == "readonly";
  std::vector<std::string> attrs;
  for (const std::string& flag : c.flags) {
    if (flag[0] != '-') continue;
    switch (flag[1]) {
      case 'i': attrs.push_back("integer: true"); break;
      case 'r': readonly = true; break;
      case 'x': attrs.push_back("exported: true"); break;
      case 'u': attrs.push_back("upper: true"); break;
      case 'l': attrs.push_back("lower: true"); break;
      case 'a': attrs.push_back("indexed: true"); break;
      case 'A': attrs.push_back("assoc: true"); break;
      case 'g': global = true; break;
      default: throw Unsupported(c.name + " " + flag, c.pos);
    }
  }
  std::string attr_expr = "shell::Attrs::default()";
  if (!attrs.empty()) {
    attr_expr = "shell::Attrs { ";
    for (const std::string& a : attrs) attr_expr += a + ", ";
    attr_expr += "..shell::Attrs::default() }";
  }
  line("sh.status = 0;");
  for (const Assignment& a : c.assignments) {
    assign(a, !global, attr_expr);
    if (readonly) line(fmt::format("sh.make_readonly({});", rust_string(a.name)));
  }
  // `local x=$(cmd)` has the status of `local`, not of cmd.
  line("sh.status = 0;");
}

void RustEmitter::simple(const Command& c) {
  if (c.words.empty()) {
    line("sh.status = 0;");
    for (const Assignment& a : c.assignments) assign(a, false, "shell::Attrs::default()");
    return;
  }
  if (c.assignments.empty()) {
    simple_words(c);
    return;
  }
  // `IFS=. read a b`: the assignments hold for this command only.
  line("{");
  ++indent_;
  std::vector<std::string> saved;
  for (const Assignment& a : c.assignments) {
    if (a.is_array || a.index) throw Unsupported("array assignment before a command", a.pos);
    std::string s = temp("saved");
    line(fmt::format("let {} = sh.get({});", s, rust_string(a.name)));
    saved.push_back(s);
    line(fmt::format("let value = {};", string_expr(a.value)));
    line(fmt::format("sh.set({}, value)?;", rust_string(a.name)));
  }
  simple_words(c);
  for (size_t i = 0; i < c.assignments.size(); ++i) {
    std::string name = rust_string(c.assignments[i].name);
    line(fmt::format("match {} {{ Some(v) => sh.set({}, v)?, None => {{ sh.unset({}); }} }}", saved[i], name, name));
  }
  --indent_;
  line("}");
}

void RustEmitter::simple_words(const Command& c) {
  std::string name;
  bool known = literal_name(c, name);
  // return / exit / break / continue with a literal count need no argv.
  std::vector<std::string> literal_args;
  bool all_literal = true;
  for (const Word& w : c.words) {
    std::string text;
    if (w.literal(text)) literal_args.push_back(text);
    else all_literal = false;
  }
  if (known && (name == "break" || name == "continue")) {
    if (!all_literal) throw Unsupported(name + " with a computed count", c.pos);
    jump(c, name == "break", literal_args);
    return;
  }
  for (std::string_view refused : kRefusedAtRunTime)
    if (known && name == refused) throw Unsupported(name, c.pos);
  if (known && name == "set") {
    if (c.words.size() >= 2 && all_literal) {
      const std::string& flag = literal_args[1];
      if (flag == "-f" || flag == "+f") {
        line(fmt::format("sh.noglob = {};", flag == "-f"));
        line("sh.status = 0;");
        return;
      }
    }
    std::string first;
    if (c.words.size() < 2 || !c.words[1].literal(first) || first != "--")
      throw Unsupported("set (other than set --, set -f, set +f)", c.pos);
  }
  std::string argv = temp("argv");
  word_list(c.words, argv);
  run_argv(c, argv, known ? name : "");
}

void RustEmitter::run_argv(const Command& c, const std::string& argv, const std::string& name) {
  (void)c;
  commands_named_.insert(name);
  if (name.empty()) {
    // The command name is computed: a script function, builtin or external chosen at run time.
    line(fmt::format("sh.status = crate::dispatch(sh, &{})?;", argv));
    return;
  }
  if (functions_.count(name)) {
    callees_.insert(name);
    line(fmt::format("sh.status = sh.call(crate::{}::run, {}[1..].to_vec())?;", rust_ident(name), argv));
    return;
  }
  line(fmt::format("sh.status = shell::builtins::run(sh, &{})?;", argv));
  if (name == "return") line("return Ok(sh.status);");
  if (name == "exit") line("return Err(shell::Abort(sh.status));");
}

void RustEmitter::jump(const Command& c, bool is_break, const std::vector<std::string>& args) {
  size_t n = 1;
  if (args.size() > 1) {
    try {
      n = std::stoul(args[1]);
    } catch (const std::exception&) {
      throw Unsupported(args[0] + " " + args[1], c.pos);
    }
    if (n == 0) throw Unsupported(args[0] + " 0", c.pos);
  }
  if (loops_.empty()) {
    // Outside a loop bash only complains.
    line("sh.status = 0;");
    return;
  }
  n = std::min(n, loops_.size());
  Loop& target = loops_[loops_.size() - n];
  line("sh.status = 0;");
  line(fmt::format("break '{};", is_break ? target.break_label : target.continue_label));
  used_labels_.insert(is_break ? target.break_label : target.continue_label);
}

void RustEmitter::if_command(const Command& c) {
  // blocks: cond, then, [cond, then]..., [else]
  size_t pairs = (c.blocks.size() - (c.has_else ? 1 : 0)) / 2;
  int opened = 0;
  for (size_t i = 0; i < pairs; ++i) {
    block(c.blocks[2 * i]);
    line("if sh.status == 0 {");
    ++indent_;
    block(c.blocks[2 * i + 1]);
    --indent_;
    line("} else {");
    ++indent_;
    ++opened;
  }
  if (c.has_else) block(c.blocks.back());
  else line("sh.status = 0;");
  for (int i = 0; i < opened; ++i) {
    --indent_;
    line("}");
  }
}

// The body of a loop in its own labelled block (`continue` breaks out of
// it), then the loop's status: that of the last body run, 0 if none ran.
void RustEmitter::loop_body(const Loop& labels, const Block& body, const std::string& last, bool leaves) {
  loops_.push_back(labels);
  line(fmt::format("'{}: {{", labels.continue_label));
  ++indent_;
  block(body);
  --indent_;
  line("}");
  loops_.pop_back();
  if (!leaves) line(fmt::format("{} = sh.status;", last));
}

void RustEmitter::loop(const Command& c) {
  std::string n = std::to_string(++temps_);
  Loop labels{"loop_" + n, "body_" + n};
  std::string last = "last_" + n;
  bool leaves = leaves_function(c.blocks[1]);
  line(fmt::format("let {}{} = 0;", leaves ? "" : "mut ", last));
  line(fmt::format("'{}: loop {{", labels.break_label));
  ++indent_;
  block(c.blocks[0]);
  line(fmt::format("if sh.status {} 0 {{", c.kind == Command::Kind::kWhile ? "!=" : "=="));
  line("    break;");
  line("}");
  loop_body(labels, c.blocks[1], last, leaves);
  --indent_;
  line("}");
  line(fmt::format("sh.status = {};", last));
}

void RustEmitter::for_command(const Command& c) {
  std::string n = std::to_string(++temps_);
  Loop labels{"loop_" + n, "body_" + n};
  std::string items = "items_" + n, last = "last_" + n;
  word_list(c.words, items);
  bool leaves = leaves_function(c.blocks[0]);
  line(fmt::format("let {}{} = 0;", leaves ? "" : "mut ", last));
  line(fmt::format("'{}: for item in {} {{", labels.break_label, items));
  ++indent_;
  line(fmt::format("sh.set({}, item)?;", rust_string(c.name)));
  loop_body(labels, c.blocks[0], last, leaves);
  --indent_;
  line("}");
  line(fmt::format("sh.status = {};", last));
}

void RustEmitter::arith_for(const Command& c) {
  std::string n = std::to_string(++temps_);
  Loop labels{"loop_" + n, "body_" + n};
  std::string last = "last_" + n;
  if (c.ariths[0]) {
    line(fmt::format("let _ = {};", arith(*c.ariths[0])));
    line("let _ = sh.arith_failed();");
  }
  bool leaves = leaves_function(c.blocks[0]);
  line(fmt::format("let {}{} = 0;", leaves ? "" : "mut ", last));
  line(fmt::format("'{}: loop {{", labels.break_label));
  ++indent_;
  if (c.ariths[1]) {
    line(fmt::format("let value = {};", arith(*c.ariths[1])));
    line("if value == 0 || sh.arith_failed() {");
    line("    break;");
    line("}");
  }
  loop_body(labels, c.blocks[0], last, leaves);
  if (c.ariths[2] && !leaves) {
    line(fmt::format("let _ = {};", arith(*c.ariths[2])));
    line("if sh.arith_failed() {");
    line("    break;");
    line("}");
  }
  --indent_;
  line("}");
  line(fmt::format("sh.status = {};", last));
}

void RustEmitter::case_command(const Command& c) {
  std::string n = std::to_string(++temps_);
  std::string subject = "subject_" + n, matched = "matched_" + n, label = "case_" + n;
  line(fmt::format("let {} = {};", subject, string_expr(c.words[0])));
  line("sh.status = 0;");
  bool any_fallthrough = false;
  for (const CaseItem& item : c.items) any_fallthrough |= item.end == CaseItem::End::kFallThrough;
  if (any_fallthrough) line(fmt::format("let mut {} = false;", matched));
  line(fmt::format("'{}: {{", label));
  ++indent_;
  for (const CaseItem& item : c.items) {
    std::string test;
    for (const Word& p : item.patterns) {
      if (!test.empty()) test += " || ";
      test += fmt::format("shell::pattern::matches({}, &{})", borrowed(pattern_expr(p)), subject);
    }
    if (any_fallthrough) test = matched + " || " + test;
    line(fmt::format("if {} {{", test));
    ++indent_;
    bool jumped = block(item.body);
    if (jumped) {
      // return / exit / break already leave the case.
    } else if (item.end == CaseItem::End::kBreak) {
      line(fmt::format("break '{};", label));
      used_labels_.insert(label);
    }
    else if (item.end == CaseItem::End::kFallThrough) line(fmt::format("{} = true;", matched));
    else if (any_fallthrough) line(fmt::format("{} = false;", matched));
    --indent_;
    line("}");
  }
  --indent_;
  line("}");
}

void RustEmitter::subshell(const Command& c) {
  std::string saved = std::move(out_);
  std::vector<Loop> saved_loops = std::move(loops_);
  out_.clear();
  loops_.clear();
  block(c.blocks[0]);
  std::string body = std::move(out_);
  out_ = std::move(saved);
  loops_ = std::move(saved_loops);
  line("let (out, status) = sh.subshell(None, |sh| {");
  out_ += body;
  line("    Ok(sh.status)");
  line("});");
  line("sh.write(1, &out);");
  line("sh.status = status;");
}

void RustEmitter::pipeline(const Command& c) {
  // Each stage runs in a subshell reading what the one before printed; the
  // pipeline's status is the last stage's.
  line("{");
  ++indent_;
  std::string previous = "None";
  for (size_t i = 0; i < c.blocks.size(); ++i) {
    std::string saved = std::move(out_);
    std::vector<Loop> saved_loops = std::move(loops_);
    out_.clear();
    loops_.clear();
    block(c.blocks[i]);
    std::string body = std::move(out_);
    out_ = std::move(saved);
    loops_ = std::move(saved_loops);
    bool last = i + 1 == c.blocks.size();
    std::string out = fmt::format("out_{}", i + 1);
    line(fmt::format("let ({}, {}) = sh.subshell({}, |sh| {{", out, last ? "status" : "_", previous));
    out_ += body;
    line("    Ok(sh.status)");
    line("});");
    previous = fmt::format("Some({})", out);
    if (last) {
      line(fmt::format("sh.write(1, &{});", out));
      line("sh.status = status;");
    }
  }
  --indent_;
  line("}");
}

void RustEmitter::cond_command(const Command& c) {
  line(fmt::format("let truth = {};", cond(*c.cond)));
  line("sh.status = match sh.cond_status.take() {");
  line("    Some(status) => status,");
  line("    None if sh.arith_failed() => 1,");
  line("    None => i32::from(!truth),");
  line("};");
}

std::string RustEmitter::cond(const Cond& c) {
  switch (c.kind) {
    case Cond::Kind::kAnd: return fmt::format("({} && {})", cond(c.operands[0]), cond(c.operands[1]));
    case Cond::Kind::kOr: return fmt::format("({} || {})", cond(c.operands[0]), cond(c.operands[1]));
    case Cond::Kind::kNot: return negated(cond(c.operands[0]));
    case Cond::Kind::kWord: return fmt::format("!{}.is_empty()", string_expr(c.words[0]));
    case Cond::Kind::kUnary: {
      if (c.op == "-n") return fmt::format("!{}.is_empty()", string_expr(c.words[0]));
      if (c.op == "-z") return fmt::format("{}.is_empty()", string_expr(c.words[0]));
      return fmt::format("shell::builtins::test(sh, &[String::from({}), {}]) == 0", rust_string(c.op),
                         string_expr(c.words[0]));
    }
    case Cond::Kind::kBinary: {
      std::string left = string_expr(c.words[0]);
      const std::string& op = c.op;
      if (op == "==" || op == "=" || op == "!=")
        return fmt::format("{}shell::pattern::matches({}, &{})", op == "!=" ? "!" : "", borrowed(pattern_expr(c.words[1])), left);
      if (op == "<" || op == ">") return fmt::format("({} {} {})", left, op, string_expr(c.words[1]));
      if (op == "=~")
        return fmt::format(
            "{{ let text = {}; let regex = {}; let status = shell::regex::matches(sh, &regex, &text)?; if status > 1 {{ "
            "sh.cond_status = Some(status); }} status == 0 }}",
            left, pattern_expr(c.words[1], "shell::regex::escape"));
      static const std::array<std::pair<std::string_view, std::string_view>, 6> kNumeric = {
          {{"-eq", "=="}, {"-ne", "!="}, {"-lt", "<"}, {"-le", "<="}, {"-gt", ">"}, {"-ge", ">="}}};
      for (auto [name, rust_op] : kNumeric)
        if (op == name)
          return fmt::format("{{ let a = {}; let a = sh.eval(&a); let b = {}; let b = sh.eval(&b); a {} b }}", left,
                             string_expr(c.words[1]), rust_op);
      return fmt::format("shell::builtins::test(sh, &[{}, String::from({}), {}]) == 0", left, rust_string(op),
                         string_expr(c.words[1]));
    }
  }
  return "false";
}

}  // namespace testgen::bash
