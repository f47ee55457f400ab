// Words: String expressions (no splitting), patterns, and fields.
#include <fmt/format.h>

#include <array>
#include <optional>

#include "lower.h"
#include "rust_emitter.h"

namespace testgen::bash {
namespace {

bool is_special_list(const std::string& name) { return name == "@" || name == "*"; }

// Parameters whose value bash makes up at run time: a translation cannot
// give the same value.
void refuse_nondeterministic(const std::string& name, Pos pos) {
  static constexpr std::array<std::string_view, 8> kVarying = {"$", "!", "RANDOM", "SRANDOM", "SECONDS",
                                                               "BASHPID", "EPOCHSECONDS", "EPOCHREALTIME"};
  for (std::string_view v : kVarying)
    if (name == v) throw Unsupported("$" + name, pos, "its value differs from run to run");
}

}  // namespace

std::string rust_string(std::string_view text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7f) out += fmt::format("\\u{{{:x}}}", c);
        else out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string push_text(std::string_view text) {
  // One character: clippy wants push('c').
  if (text.size() == 1 && static_cast<unsigned char>(text[0]) >= 0x20 && static_cast<unsigned char>(text[0]) < 0x7f) {
    char c = text[0];
    if (c == '\'' || c == '\\') return fmt::format(" s.push('\\{}');", c);
    return fmt::format(" s.push('{}');", c);
  }
  return fmt::format(" s.push_str({});", rust_string(text));
}

std::string rust_ident(std::string_view name) {
  static constexpr std::array<std::string_view, 52> kKeywords = {
      "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for", "if", "impl",
      "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self", "static",
      "struct", "super", "trait", "true", "type", "unsafe", "use", "where", "while", "async", "await", "dyn",
      "abstract", "become", "box", "do", "final", "macro", "override", "priv", "typeof", "unsized", "virtual",
      "yield", "try", "shell"};
  std::string out;
  for (char c : name) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '_') ? static_cast<char>(std::tolower(c)) : '_';
  if (out.empty() || std::isdigit(static_cast<unsigned char>(out[0]))) out = "f_" + out;
  for (std::string_view k : kKeywords)
    if (out == k) return out + "_";
  return out;
}

bool RustEmitter::is_list(const WordPart& p) const {
  if (p.kind != WordPart::Kind::kParam) return false;
  const ParamExp& e = *p.param;
  bool list_source = is_special_list(e.name) || e.all_elements;
  return list_source && (e.op == ParamOp::kPlain || e.op == ParamOp::kKeys || e.op == ParamOp::kSubstring);
}

// The items of $@, ${a[@]}, ${!a[@]}, ${@:o:l}.
std::string RustEmitter::list_expr(const ParamExp& e) {
  std::string items;
  if (e.op == ParamOp::kKeys) return fmt::format("sh.keys({})", rust_string(e.name));
  items = is_special_list(e.name) ? "sh.args().to_vec()" : fmt::format("sh.elements({})", rust_string(e.name));
  if (e.op == ParamOp::kSubstring) {
    std::string length = e.length ? fmt::format("Some({})", arith(*e.length)) : "None";
    // $@ counts from $0: ${@:1} is all of them.
    std::string offset = arith(*e.offset);
    if (is_special_list(e.name)) {
      return fmt::format(
          "{{ let offset = {}; let length = {}; let mut all = vec![\"bash\".to_string()]; all.extend(sh.args().iter().cloned()); "
          "match shell::expand::slice(&all, offset, length) {{ Some(v) => v, None => return Err(sh.fatal(\"substring expression < 0\")) }} }}",
          offset, length);
    }
    return fmt::format(
        "{{ let offset = {}; let length = {}; let items = {}; match shell::expand::slice(&items, offset, length) {{ Some(v) => v, "
        "None => return Err(sh.fatal(\"substring expression < 0\")) }} }}",
        offset, length, items);
  }
  return items;
}

// The value of the parameter itself (before the operator), as a String.
std::string RustEmitter::param_value(const ParamExp& e) {
  if (e.all_elements || is_special_list(e.name)) {
    std::string items = is_special_list(e.name) ? "sh.args().to_vec()" : fmt::format("sh.elements({})", rust_string(e.name));
    return fmt::format("{}.join(\" \")", items);
  }
  if (e.index) {
    return fmt::format("{{ let index = {}; sh.element({}, &index)?.unwrap_or_default() }}", string_expr(*e.index),
                       rust_string(e.name));
  }
  return fmt::format("sh.param({}).unwrap_or_default()", rust_string(e.name));
}

std::string RustEmitter::param_string(const ParamExp& e, bool quoted) {
  refuse_nondeterministic(e.name, Pos{});
  std::string name = rust_string(e.name);
  // Set-ness (for :- and friends) of $x, $1, ${a[i]}.
  std::string lookup;
  if (e.index) lookup = fmt::format("{{ let index = {}; sh.element({}, &index)? }}", string_expr(*e.index), name);
  else if (e.all_elements) lookup = fmt::format("Some({}.join(\" \"))", fmt::format("sh.elements({})", name));
  else lookup = fmt::format("sh.param({})", name);
  std::string set_test = e.colon ? "Some(v) if !v.is_empty()" : "Some(v)";
  std::string arg0 = e.args.empty() ? "String::new()" : string_expr(e.args[0]);
  switch (e.op) {
    case ParamOp::kPlain:
      if (is_special_list(e.name) && e.name == "*" && quoted)
        return "shell::expand::join_star(sh.args(), sh.get(\"IFS\").as_deref())";
      if (e.all_elements && e.star && quoted)
        return fmt::format("shell::expand::join_star(&sh.elements({}), sh.get(\"IFS\").as_deref())", name);
      if (!e.index && !e.all_elements && !is_special_list(e.name) && !std::isdigit(static_cast<unsigned char>(e.name[0])) &&
          e.name != "#" && e.name != "?" && e.name != "-")
        return fmt::format("sh.var({})", name);
      return param_value(e);
    case ParamOp::kLength:
      if (e.all_elements) return fmt::format("sh.elements({}).len().to_string()", name);
      if (is_special_list(e.name)) return "sh.args().len().to_string()";
      return fmt::format("shell::expand::length(&{})", param_value(e));
    case ParamOp::kDefault:
      return fmt::format("{{ let found = {}; match found {{ {} => v, _ => {} }} }}", lookup, set_test, arg0);
    case ParamOp::kAssignDefault:
      if (e.index || e.all_elements || is_special_list(e.name) || std::isdigit(static_cast<unsigned char>(e.name[0])))
        throw Unsupported("${" + e.name + ":=...}", Pos{}, "only a variable can be assigned this way");
      return fmt::format("{{ let found = {}; match found {{ {} => v, _ => {{ let v = {}; sh.set({}, v.clone())?; v }} }} }}", lookup, set_test,
                         arg0, name);
    case ParamOp::kAlternate:
      return fmt::format("{{ let found = {}; match found {{ {} => {}, _ => String::new() }} }}", lookup, set_test, arg0);
    case ParamOp::kErrorIfUnset: {
      std::string message = e.args.empty() || e.args[0].parts.empty()
                                ? rust_string(e.colon ? "parameter null or not set" : "parameter not set")
                                : arg0;
      return fmt::format("{{ let found = {}; match found {{ {} => v, _ => {{ let m = {}; return Err(sh.fatal(&format!(\"{}: {{m}}\"))) }} }} }}",
                         lookup, set_test, message, e.name);
    }
    case ParamOp::kRemovePrefix:
    case ParamOp::kRemoveLongPrefix:
    case ParamOp::kRemoveSuffix:
    case ParamOp::kRemoveLongSuffix: {
      bool prefix = e.op == ParamOp::kRemovePrefix || e.op == ParamOp::kRemoveLongPrefix;
      bool longest = e.op == ParamOp::kRemoveLongPrefix || e.op == ParamOp::kRemoveLongSuffix;
      if (e.all_elements || is_special_list(e.name)) throw Unsupported("pattern removal on every element", Pos{});
      return fmt::format("{{ let value = {}; let pattern = {}; shell::pattern::remove_{}(&value, &pattern, {}) }}",
                         param_value(e), pattern_expr(e.args[0]), prefix ? "prefix" : "suffix", longest);
    }
    case ParamOp::kReplaceFirst:
    case ParamOp::kReplaceAll:
    case ParamOp::kReplacePrefix:
    case ParamOp::kReplaceSuffix: {
      if (e.all_elements || is_special_list(e.name)) throw Unsupported("replacement on every element", Pos{});
      const char* mode = e.op == ParamOp::kReplaceFirst ? "First"
                         : e.op == ParamOp::kReplaceAll ? "All"
                         : e.op == ParamOp::kReplacePrefix ? "Prefix"
                                                           : "Suffix";
      std::string replacement = e.args.size() > 1 ? string_expr(e.args[1]) : "String::new()";
      return fmt::format(
          "{{ let value = {}; let pattern = {}; let replacement = {}; shell::pattern::replace(&value, &pattern, "
          "&replacement, shell::pattern::Replace::{}) }}",
          param_value(e), pattern_expr(e.args[0]), replacement, mode);
    }
    case ParamOp::kUpperAll:
    case ParamOp::kUpperFirst:
    case ParamOp::kLowerAll:
    case ParamOp::kLowerFirst: {
      if (!e.args.empty() && !e.args[0].parts.empty()) throw Unsupported("case conversion with a pattern", Pos{});
      bool upper = e.op == ParamOp::kUpperAll || e.op == ParamOp::kUpperFirst;
      bool all = e.op == ParamOp::kUpperAll || e.op == ParamOp::kLowerAll;
      return fmt::format("shell::expand::case_map(&{}, {}, {})", param_value(e), upper, all);
    }
    case ParamOp::kSubstring: {
      if (e.all_elements || is_special_list(e.name)) return fmt::format("{}.join(\" \")", list_expr(e));
      std::string length = e.length ? fmt::format("Some({})", arith(*e.length)) : "None";
      return fmt::format(
          "{{ let value = {}; let offset = {}; let length = {}; sh.arith_done()?; match shell::expand::substring(&value, "
          "offset, length) {{ Some(v) => v, None => return Err(sh.fatal(\"substring expression < 0\")) }} }}",
          param_value(e), arith(*e.offset), length);
    }
    case ParamOp::kIndirect:
      return fmt::format("{{ let target = {}; sh.param(&target).unwrap_or_default() }}", param_value(e));
    case ParamOp::kKeys:
      return fmt::format("{}.join(\" \")", list_expr(e));
  }
  return "String::new()";
}

std::string RustEmitter::command_substitution(const Block& commands) {
  // The body goes into a closure over a copy of the shell (a subshell).
  std::string saved = std::move(out_);
  int saved_indent = indent_;
  std::vector<Loop> saved_loops = std::move(loops_);
  out_.clear();
  loops_.clear();
  indent_ = 2;
  block(commands);
  std::string body = std::move(out_);
  out_ = std::move(saved);
  indent_ = saved_indent;
  loops_ = std::move(saved_loops);
  return fmt::format("sh.capture(|sh| {{\n{}        Ok(sh.status)\n    }})", body);
}

std::string RustEmitter::part_string(const WordPart& p) {
  switch (p.kind) {
    case WordPart::Kind::kLiteral:
      return fmt::format("String::from({})", rust_string(p.text));
    case WordPart::Kind::kParam:
      return param_string(*p.param, p.quoted);
    case WordPart::Kind::kCommandSub:
      return command_substitution(*p.commands);
    case WordPart::Kind::kArith:
      return fmt::format("{{ let v = {}; sh.arith_done()?; v.to_string() }}", arith(*p.arith));
  }
  return "String::new()";
}

std::string RustEmitter::string_expr(const Word& w) {
  if (w.parts.empty()) return "String::new()";
  if (w.parts.size() == 1) return part_string(w.parts[0]);
  std::string s = "{ let mut s = String::new();";
  for (const WordPart& p : w.parts) {
    if (p.kind == WordPart::Kind::kLiteral) s += push_text(p.text);
    else s += fmt::format(" s.push_str(&{});", part_string(p));
  }
  return s + " s }";
}

std::string RustEmitter::pattern_expr(const Word& w, const char* escape) {
  if (w.parts.empty()) return "String::new()";
  std::string s = "{ let mut s = String::new();";
  for (const WordPart& p : w.parts) {
    if (p.kind == WordPart::Kind::kLiteral && !p.quoted) s += push_text(p.text);
    else if (p.kind == WordPart::Kind::kLiteral) s += fmt::format(" s.push_str(&{}({}));", escape, rust_string(p.text));
    else if (p.quoted) s += fmt::format(" s.push_str(&{}(&{}));", escape, part_string(p));
    else s += fmt::format(" s.push_str(&{});", part_string(p));
  }
  return s + " s }";
}

std::optional<std::string> RustEmitter::direct_field(const Word& w) {
  // A literal with no pattern in it, or one quoted expansion: exactly one field.
  std::string literal;
  if (w.literal(literal)) {
    bool glob = false;
    for (const WordPart& p : w.parts) {
      if (p.quoted) continue;
      size_t open = p.text.find('[');
      glob |= p.text.find_first_of("*?") != std::string::npos ||
              (open != std::string::npos && p.text.find(']', open + 1) != std::string::npos);
    }
    if (!glob) return fmt::format("String::from({})", rust_string(literal));
    return std::nullopt;
  }
  if (w.parts.size() == 1 && w.parts[0].quoted && !is_list(w.parts[0])) return part_string(w.parts[0]);
  return std::nullopt;
}

void RustEmitter::word_list(const std::vector<Word>& words, const std::string& into) {
  std::vector<std::string> head;
  size_t i = 0;
  for (; i < words.size(); ++i) {
    std::optional<std::string> d = direct_field(words[i]);
    if (!d) break;
    head.push_back(*d);
  }
  std::string joined;
  for (const std::string& h : head) joined += (joined.empty() ? "" : ", ") + h;
  line(fmt::format("let {}{}: Vec<String> = vec![{}];", i < words.size() ? "mut " : "", into, joined));
  for (; i < words.size(); ++i) fields(words[i], into);
}

void RustEmitter::fields(const Word& w, const std::string& into) {
  if (std::optional<std::string> d = direct_field(w)) {
    line(fmt::format("{}.push({});", into, *d));
    return;
  }
  std::string f = temp("fields");
  line(fmt::format("let mut {} = Fields::new();", f));
  for (const WordPart& p : w.parts) {
    if (p.kind == WordPart::Kind::kLiteral) {
      line(fmt::format("{}.{}({});", f, p.quoted ? "quoted" : "lit", rust_string(p.text)));
    } else if (is_list(p) && !(p.param->star && p.quoted) && !(p.param->name == "*" && p.quoted)) {
      std::string items = temp("items");
      line(fmt::format("let {} = {};", items, list_expr(*p.param)));
      if (p.quoted) {
        line(fmt::format("{}.quoted_list(&{});", f, items));
      } else {
        line(fmt::format("let ifs = shell::expand::ifs(sh);"));
        line(fmt::format("{}.split_list(&{}, &ifs);", f, items));
      }
    } else {
      std::string value = temp("value");
      line(fmt::format("let {} = {};", value, part_string(p)));
      if (p.quoted) {
        line(fmt::format("{}.quoted(&{});", f, value));
      } else {
        line("let ifs = shell::expand::ifs(sh);");
        line(fmt::format("{}.split(&{}, &ifs);", f, value));
      }
    }
  }
  line(fmt::format("{}.into(sh, &mut {});", f, into));
}

}  // namespace testgen::bash
