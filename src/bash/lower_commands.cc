// Commands: simple commands, declarations, compound commands, lists.
#include <algorithm>
#include <array>
#include <functional>

#include "arith_parser.h"
#include "lower_internal.h"

namespace testgen::bash {
namespace {

// Builtins whose effect cannot be made equivalent in a translation (they
// run text as code, replace the process, or change the shell itself).
constexpr std::array<std::string_view, 24> kRefusedBuiltins = {
    "eval",  "coproc", "exec",   "source", ".",       "trap",  "shopt", "alias",
    "wait",  "jobs",   "fg",     "bg",     "disown",  "ulimit", "umask", "cd",
    "pushd", "popd",   "dirs",   "history", "fc",     "enable", "builtin", "command"};

bool is_token(TSNode node, std::string_view text) {
  return !ts_node_is_named(node) && std::string_view(ts_node_type(node)) == text;
}

}  // namespace

bool is_statement(std::string_view type) {
  static constexpr std::array<std::string_view, 19> kStatements = {
      "command",         "variable_assignment", "variable_assignments", "declaration_command", "unset_command",
      "if_statement",    "while_statement",     "for_statement",        "c_style_for_statement", "case_statement",
      "compound_statement", "subshell",         "pipeline",             "list",                "negated_command",
      "test_command",    "redirected_statement", "function_definition", "select_statement"};
  return std::find(kStatements.begin(), kStatements.end(), type) != kStatements.end();
}

Block Lowerer::statements_of(TSNode node) const {
  std::vector<TSNode> statements;
  for (TSNode child : Nodes::children(node)) {
    if (is_token(child, "&")) throw Unsupported("background job '&'", pos(child));
    if (ts_node_is_named(child) && is_statement(Nodes::type(child))) statements.push_back(child);
  }
  return block(statements);
}

Block Lowerer::block(const std::vector<TSNode>& statements) const {
  Block out;
  for (TSNode s : statements) out.push_back(command(s));
  return out;
}

Command Lowerer::command(TSNode node) const {
  std::string_view type = Nodes::type(node);
  Command out;
  out.pos = pos(node);
  if (type == "command") return simple_command(node);
  if (type == "variable_assignment" || type == "variable_assignments") {
    out.kind = Command::Kind::kSimple;
    if (type == "variable_assignment") out.assignments.push_back(assignment(node));
    else
      for (TSNode a : Nodes::named_children(node)) out.assignments.push_back(assignment(a));
    return out;
  }
  if (type == "declaration_command") return declaration(node);
  if (type == "unset_command") {
    out.kind = Command::Kind::kSimple;
    for (TSNode child : Nodes::children(node)) {
      if (is_token(child, "unset") || is_token(child, "unsetenv")) {
        Word w;
        w.pos = pos(child);
        w.parts.push_back(WordPart{WordPart::Kind::kLiteral, false, "unset", {}, {}, {}});
        out.words.push_back(std::move(w));
      } else if (ts_node_is_named(child)) {
        out.words.push_back(word(child));
      }
    }
    return out;
  }
  if (type == "if_statement") return if_command(node);
  if (type == "while_statement") {
    std::vector<TSNode> kids = Nodes::children(node);
    out.kind = (!kids.empty() && is_token(kids[0], "until")) ? Command::Kind::kUntil : Command::Kind::kWhile;
    std::vector<TSNode> condition;
    for (TSNode c : Nodes::field(node, "condition"))
      if (ts_node_is_named(c)) condition.push_back(c);
    out.blocks.push_back(block(condition));
    TSNode body = ts_node_child_by_field_name(node, "body", 4);
    out.blocks.push_back(statements_of(body));
    return out;
  }
  if (type == "for_statement") {
    std::vector<TSNode> kids = Nodes::children(node);
    if (!kids.empty() && is_token(kids[0], "select")) throw Unsupported("select", out.pos);
    out.kind = Command::Kind::kFor;
    out.name = std::string(n_.text(ts_node_child_by_field_name(node, "variable", 8)));
    bool has_in = std::any_of(kids.begin(), kids.end(), [](TSNode k) { return is_token(k, "in"); });
    for (TSNode v : Nodes::field(node, "value")) out.words.push_back(word(v));
    if (!has_in) {
      // `for x; do` iterates over "$@".
      Word all;
      all.pos = out.pos;
      WordPart part{WordPart::Kind::kParam, true, "", std::make_shared<ParamExp>(), {}, {}};
      part.param->name = "@";
      all.parts.push_back(std::move(part));
      out.words.push_back(std::move(all));
    }
    out.blocks.push_back(statements_of(ts_node_child_by_field_name(node, "body", 4)));
    return out;
  }
  if (type == "c_style_for_statement") return c_style_for(node);
  if (type == "case_statement") return case_command(node);
  if (type == "compound_statement") {
    std::vector<TSNode> kids = Nodes::children(node);
    if (!kids.empty() && is_token(kids[0], "((")) {
      out.kind = Command::Kind::kArith;
      uint32_t start = ts_node_end_byte(kids.front());
      uint32_t end = ts_node_start_byte(kids.back());
      out.ariths.push_back(std::make_shared<Arith>(
          arith_text(std::string_view(n_.source).substr(start, end > start ? end - start : 0), out.pos)));
      return out;
    }
    out.kind = Command::Kind::kGroup;
    out.blocks.push_back(statements_of(node));
    return out;
  }
  if (type == "subshell") {
    out.kind = Command::Kind::kSubshell;
    out.blocks.push_back(statements_of(node));
    return out;
  }
  if (type == "pipeline") {
    out.kind = Command::Kind::kPipeline;
    for (TSNode child : Nodes::children(node)) {
      if (is_token(child, "|&")) throw Unsupported("pipeline '|&'", pos(child));
      if (ts_node_is_named(child) && is_statement(Nodes::type(child))) out.blocks.push_back(Block{command(child)});
    }
    return out;
  }
  if (type == "list") {
    std::vector<TSNode> kids = Nodes::children(node);
    std::vector<TSNode> sides;
    for (TSNode k : kids) {
      if (is_token(k, "&&")) out.kind = Command::Kind::kAnd;
      else if (is_token(k, "||")) out.kind = Command::Kind::kOr;
      else if (ts_node_is_named(k) && is_statement(Nodes::type(k))) sides.push_back(k);
    }
    if (sides.size() != 2 || (out.kind != Command::Kind::kAnd && out.kind != Command::Kind::kOr))
      throw Unsupported("list", out.pos, std::string(n_.text(node)));
    out.blocks.push_back(Block{command(sides[0])});
    out.blocks.push_back(Block{command(sides[1])});
    return out;
  }
  if (type == "negated_command") {
    out.kind = Command::Kind::kNot;
    for (TSNode k : Nodes::named_children(node))
      if (is_statement(Nodes::type(k))) out.blocks.push_back(Block{command(k)});
    if (out.blocks.size() != 1) throw Unsupported("negated command", out.pos);
    return out;
  }
  if (type == "test_command") return test_command(node);
  if (type == "redirected_statement") {
    TSNode body = ts_node_child_by_field_name(node, "body", 4);
    if (ts_node_is_null(body)) throw Unsupported("redirection without a command", out.pos);
    Command inner = command(body);
    for (TSNode r : Nodes::children(node)) {
      std::string_view rt = Nodes::type(r);
      if (rt == "file_redirect" || rt == "herestring_redirect" || rt == "heredoc_redirect")
        inner.redirects.push_back(redirect(r));
    }
    return inner;
  }
  if (type == "function_definition") throw Unsupported("nested function definition", out.pos);
  throw Unsupported(std::string(type), out.pos, std::string(n_.text(node)));
}

Command Lowerer::simple_command(TSNode node) const {
  Command out;
  out.kind = Command::Kind::kSimple;
  out.pos = pos(node);
  for (TSNode child : Nodes::children(node)) {
    std::string_view type = Nodes::type(child);
    if (type == "variable_assignment") {
      out.assignments.push_back(assignment(child));
    } else if (type == "command_name") {
      if (consumed_.count(child.id)) continue;  // digits an assignment took back
      TSNode inner = ts_node_named_child(child, 0);
      out.words.push_back(word(ts_node_is_null(inner) ? child : inner));
    } else if (type == "file_redirect" || type == "herestring_redirect" || type == "heredoc_redirect") {
      out.redirects.push_back(redirect(child));
    } else if (ts_node_is_named(child) && type != "comment" && !consumed_.count(child.id)) {
      out.words.push_back(word(child));
    }
  }
  std::string name;
  if (!out.words.empty() && out.words[0].literal(name)) {
    if (std::find(kRefusedBuiltins.begin(), kRefusedBuiltins.end(), name) != kRefusedBuiltins.end())
      throw Unsupported(name, out.pos);
  }
  return out;
}

Assignment Lowerer::assignment(TSNode node) const {
  Assignment out;
  out.pos = pos(node);
  TSNode name = ts_node_child_by_field_name(node, "name", 4);
  if (Nodes::type(name) == "subscript") {
    out.name = std::string(n_.text(ts_node_child_by_field_name(name, "name", 4)));
    TSNode index = ts_node_child_by_field_name(name, "index", 5);
    out.index = std::make_shared<Word>(fragment(n_.text(index), pos(index), true));
  } else {
    out.name = std::string(n_.text(name));
  }
  for (TSNode child : Nodes::children(node))
    if (is_token(child, "+=")) out.append = true;
  TSNode value = ts_node_child_by_field_name(node, "value", 5);
  // tree-sitter-bash 0.25 reads `x=$a/$1` as `x=$a/$` followed by a command
  // (or a word) `1`: a bare `$` ends the value and the digits come next.
  if (!ts_node_is_null(value) && Nodes::type(value) == "concatenation" && ts_node_child_count(value) > 0) {
    TSNode last = ts_node_child(value, ts_node_child_count(value) - 1);
    TSNode next = ts_node_next_sibling(node);
    if (!ts_node_is_named(last) && Nodes::type(last) == "$" && !ts_node_is_null(next) &&
        ts_node_start_byte(next) == ts_node_end_byte(value)) {
      TSNode digits = next;
      while (ts_node_child_count(digits) > 0) digits = ts_node_child(digits, 0);
      consumed_.insert(next.id);
      uint32_t start = ts_node_start_byte(value), end = ts_node_end_byte(digits);
      out.value = fragment(std::string_view(n_.source).substr(start, end - start), pos(value), false);
      return out;
    }
  }
  if (ts_node_is_null(value)) {
    out.value.pos = out.pos;  // `x=`: the empty string
    return out;
  }
  if (Nodes::type(value) == "array") {
    out.is_array = true;
    for (TSNode element : Nodes::named_children(value)) {
      if (Nodes::type(element) == "comment") continue;
      std::string_view text = n_.text(element);
      // [key]=value elements of an associative or sparse array.
      if (text.starts_with("[") && text.find("]=") != std::string_view::npos) {
        size_t close = text.find("]=");
        out.keys.push_back(std::make_shared<Word>(fragment(text.substr(1, close - 1), pos(element), true)));
        out.elements.push_back(fragment(text.substr(close + 2), pos(element), false));
      } else {
        out.keys.push_back(nullptr);
        out.elements.push_back(word(element));
      }
    }
    return out;
  }
  out.value = word(value);
  return out;
}

Command Lowerer::declaration(TSNode node) const {
  Command out;
  out.kind = Command::Kind::kDeclare;
  out.pos = pos(node);
  for (TSNode child : Nodes::children(node)) {
    std::string_view type = Nodes::type(child);
    if (!ts_node_is_named(child)) {
      if (out.name.empty()) out.name = std::string(type);
      continue;
    }
    if (consumed_.count(child.id)) continue;
    if (type == "variable_assignment") {
      out.assignments.push_back(assignment(child));
    } else if (type == "variable_name") {
      Assignment a;
      a.pos = pos(child);
      a.name = std::string(n_.text(child));
      a.has_value = false;
      out.assignments.push_back(std::move(a));
    } else if (type == "word" && n_.text(child).size() > 1 && (n_.text(child)[0] == '-' || n_.text(child)[0] == '+')) {
      std::string_view flags = n_.text(child);
      for (char f : flags.substr(1)) {
        if (std::string_view("aAilrux").find(f) == std::string_view::npos)
          throw Unsupported(out.name + " -" + std::string(1, f), pos(child));
        out.flags.push_back(std::string(1, flags[0]) + f);
      }
    } else {
      throw Unsupported(out.name + " " + std::string(n_.text(child)), pos(child));
    }
  }
  return out;
}

Command Lowerer::if_command(TSNode node) const {
  Command out;
  out.kind = Command::Kind::kIf;
  out.pos = pos(node);
  // The statements before `then` are a condition, after it a body.
  auto clause = [&](TSNode clause_node) {
    std::vector<TSNode> condition, body;
    bool in_body = false;
    for (TSNode child : Nodes::children(clause_node)) {
      if (is_token(child, "then")) in_body = true;
      std::string_view type = Nodes::type(child);
      if (type == "elif_clause" || type == "else_clause") break;
      if (ts_node_is_named(child) && is_statement(type)) (in_body ? body : condition).push_back(child);
    }
    out.blocks.push_back(block(condition));
    out.blocks.push_back(block(body));
  };
  clause(node);
  for (TSNode child : Nodes::children(node)) {
    std::string_view type = Nodes::type(child);
    if (type == "elif_clause") clause(child);
    if (type == "else_clause") {
      out.blocks.push_back(statements_of(child));
      out.has_else = true;
    }
  }
  return out;
}

Command Lowerer::case_command(TSNode node) const {
  Command out;
  out.kind = Command::Kind::kCase;
  out.pos = pos(node);
  out.words.push_back(word(ts_node_child_by_field_name(node, "value", 5)));
  for (TSNode item : Nodes::children(node)) {
    if (Nodes::type(item) != "case_item") continue;
    CaseItem ci;
    std::vector<TSNode> body;
    uint32_t count = ts_node_child_count(item);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode child = ts_node_child(item, i);
      std::string_view field = Nodes::field_of(item, i);
      if (field == "value") ci.patterns.push_back(word(child));
      else if (is_token(child, ";&")) ci.end = CaseItem::End::kFallThrough;
      else if (is_token(child, ";;&")) ci.end = CaseItem::End::kTestNext;
      else if (ts_node_is_named(child) && is_statement(Nodes::type(child))) body.push_back(child);
    }
    ci.body = block(body);
    out.items.push_back(std::move(ci));
  }
  return out;
}

Command Lowerer::c_style_for(TSNode node) const {
  Command out;
  out.kind = Command::Kind::kArithFor;
  out.pos = pos(node);
  // The three clauses are the text between `((`, `;`, `;` and `))`.
  std::vector<uint32_t> bounds;  // start, end of each clause
  TSNode body{};
  for (TSNode child : Nodes::children(node)) {
    if (is_token(child, "((") && bounds.empty()) {
      bounds.push_back(ts_node_end_byte(child));
    } else if (!bounds.empty() && bounds.size() < 6 && (is_token(child, ";") || is_token(child, "))"))) {
      bounds.push_back(ts_node_start_byte(child));
      if (bounds.size() < 6) bounds.push_back(ts_node_end_byte(child));
    }
    if (Nodes::type(child) == "do_group" || Nodes::type(child) == "compound_statement") body = child;
  }
  if (bounds.size() < 6 || ts_node_is_null(body)) throw Unsupported("for ((...))", out.pos, std::string(n_.text(node)));
  for (size_t k = 0; k < 3; ++k) {
    std::string_view text = std::string_view(n_.source).substr(bounds[2 * k], bounds[2 * k + 1] - bounds[2 * k]);
    bool blank = text.find_first_not_of(" \t\n") == std::string_view::npos;
    out.ariths.push_back(blank ? nullptr : std::make_shared<Arith>(arith_text(text, out.pos)));
  }
  out.blocks.push_back(statements_of(body));
  return out;
}

Command Lowerer::test_command(TSNode node) const {
  Command out;
  out.pos = pos(node);
  std::vector<TSNode> kids = Nodes::children(node);
  std::string_view open = kids.empty() ? "" : Nodes::type(kids[0]);
  if (open == "[[") {
    out.kind = Command::Kind::kCond;
    std::vector<TSNode> inner;
    for (TSNode k : kids)
      if (ts_node_is_named(k) && Nodes::type(k) != "comment") inner.push_back(k);
    if (inner.size() != 1) throw Unsupported("[[ ... ]]", out.pos, std::string(n_.text(node)));
    out.cond = std::make_shared<Cond>(cond(inner[0]));
    return out;
  }
  if (open == "((") {
    out.kind = Command::Kind::kArith;
    uint32_t start = ts_node_end_byte(kids.front()), end = ts_node_start_byte(kids.back());
    out.ariths.push_back(std::make_shared<Arith>(arith_text(std::string_view(n_.source).substr(start, end - start), out.pos)));
    return out;
  }
  // `[ ... ]` is the test builtin: keep the words it is given.
  out.kind = Command::Kind::kSimple;
  std::function<void(TSNode)> flatten = [&](TSNode n) {
    std::string_view type = Nodes::type(n);
    if (type == "binary_expression" || type == "unary_expression" || type == "parenthesized_expression" ||
        type == "test_command") {
      for (TSNode child : Nodes::children(n)) flatten(child);
      return;
    }
    if (ts_node_is_named(n)) {
      out.words.push_back(word(n));
    } else {
      Word w;
      w.pos = pos(n);
      w.parts.push_back(WordPart{WordPart::Kind::kLiteral, false, std::string(n_.text(n)), {}, {}, {}});
      out.words.push_back(std::move(w));
    }
  };
  flatten(node);
  return out;
}

Cond Lowerer::cond(TSNode node) const {
  std::string_view type = Nodes::type(node);
  Cond out;
  if (type == "parenthesized_expression") {
    for (TSNode k : Nodes::named_children(node)) return cond(k);
    throw Unsupported("[[ ( ) ]]", pos(node));
  }
  if (type == "binary_expression") {
    TSNode left = ts_node_child_by_field_name(node, "left", 4);
    TSNode right = ts_node_child_by_field_name(node, "right", 5);
    std::string op;
    for (uint32_t i = 0, n = ts_node_child_count(node); i < n; ++i)
      if (Nodes::field_of(node, i) == "operator") op = std::string(n_.text(ts_node_child(node, i)));
    if (op == "&&" || op == "||") {
      out.kind = op == "&&" ? Cond::Kind::kAnd : Cond::Kind::kOr;
      out.operands.push_back(cond(left));
      out.operands.push_back(cond(right));
      return out;
    }
    out.kind = Cond::Kind::kBinary;
    out.op = op;
    out.words.push_back(word(left));
    if (op == "=~") {
      // The regex is taken as written (quoted parts match literally).
      out.words.push_back(fragment(n_.text(right), pos(right), false));
    } else {
      out.words.push_back(word(right));
    }
    return out;
  }
  if (type == "unary_expression") {
    std::vector<TSNode> kids = Nodes::children(node);
    std::string op = kids.empty() ? "" : std::string(n_.text(kids[0]));
    if (op == "!") {
      out.kind = Cond::Kind::kNot;
      out.operands.push_back(cond(kids.back()));
      return out;
    }
    out.kind = Cond::Kind::kUnary;
    out.op = op;
    out.words.push_back(word(kids.back()));
    return out;
  }
  out.kind = Cond::Kind::kWord;
  out.words.push_back(word(node));
  return out;
}

Redirect Lowerer::redirect(TSNode node) const {
  Redirect out;
  std::string_view type = Nodes::type(node);
  if (type == "herestring_redirect") {
    out.kind = Redirect::Kind::kHereString;
    out.fd = 0;
    for (TSNode k : Nodes::named_children(node)) out.target = word(k);
    return out;
  }
  if (type == "heredoc_redirect") {
    out.kind = Redirect::Kind::kHereDoc;
    out.fd = 0;
    bool quoted_delimiter = false, strip_tabs = false;
    TSNode body{};
    for (TSNode k : Nodes::children(node)) {
      if (Nodes::type(k) == "heredoc_start") {
        std::string_view d = n_.text(k);
        quoted_delimiter = d.find_first_of("'\"\\") != std::string_view::npos;
      }
      if (is_token(k, "<<-")) strip_tabs = true;
      if (Nodes::type(k) == "heredoc_body") body = k;
    }
    if (strip_tabs) throw Unsupported("here-document '<<-'", pos(node));
    out.target.pos = pos(node);
    if (ts_node_is_null(body)) return out;
    uint32_t start = ts_node_start_byte(body), end = ts_node_end_byte(body);
    std::string_view text = std::string_view(n_.source).substr(start, end - start);
    if (quoted_delimiter) {
      out.target.parts.push_back(WordPart{WordPart::Kind::kLiteral, true, std::string(text), {}, {}, {}});
    } else {
      // The body expands like the inside of "..." (but a `"` is literal).
      uint32_t cursor = start;
      for (TSNode child : Nodes::named_children(body)) {
        if (Nodes::type(child) == "heredoc_content") continue;
        uint32_t s = ts_node_start_byte(child);
        if (s > cursor) literal_text(std::string_view(n_.source).substr(cursor, s - cursor), true, out.target, true);
        append_word(child, true, out.target);
        cursor = ts_node_end_byte(child);
      }
      if (end > cursor) literal_text(std::string_view(n_.source).substr(cursor, end - cursor), true, out.target, true);
    }
    return out;
  }
  std::string op;
  TSNode descriptor = ts_node_child_by_field_name(node, "descriptor", 10);
  for (TSNode k : Nodes::children(node))
    if (!ts_node_is_named(k)) op = std::string(Nodes::type(k));
  std::vector<TSNode> destination = Nodes::field(node, "destination");
  if (destination.size() != 1) throw Unsupported("redirection", pos(node), std::string(n_.text(node)));
  out.target = word(destination[0]);
  if (op == ">" || op == ">|") out.kind = Redirect::Kind::kOutput, out.fd = 1;
  else if (op == ">>") out.kind = Redirect::Kind::kAppend, out.fd = 1;
  else if (op == "<") out.kind = Redirect::Kind::kInput, out.fd = 0;
  else if (op == ">&") out.kind = Redirect::Kind::kDuplicate, out.fd = 1;
  else if (op == "<&") out.kind = Redirect::Kind::kDuplicate, out.fd = 0;
  else throw Unsupported("redirection '" + op + "'", pos(node));
  if (!ts_node_is_null(descriptor)) out.fd = static_cast<int>(std::min<size_t>(positional_index(n_.text(descriptor)), 1000));
  std::string target;
  if (out.kind == Redirect::Kind::kDuplicate && out.target.literal(target) && target == "-")
    out.kind = Redirect::Kind::kClose;
  return out;
}

}  // namespace testgen::bash
