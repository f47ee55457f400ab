// Words, parameter expansions and arithmetic text.
#include <optional>

#include "arith_parser.h"
#include "lower_internal.h"

namespace testgen::bash {
namespace {

void push_literal(Word& out, std::string text, bool quoted) {
  if (text.empty()) return;
  if (!out.parts.empty() && out.parts.back().kind == WordPart::Kind::kLiteral && out.parts.back().quoted == quoted) {
    out.parts.back().text += text;
    return;
  }
  WordPart part;
  part.kind = WordPart::Kind::kLiteral;
  part.quoted = quoted;
  part.text = std::move(text);
  out.parts.push_back(std::move(part));
}

void push_part(Word& out, WordPart part) { out.parts.push_back(std::move(part)); }

}  // namespace

// $'...' escapes (bash(1), QUOTING).
std::string ansi_c_text(std::string_view raw) {
  std::string out;
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c != '\\' || i + 1 == raw.size()) {
      out += c;
      continue;
    }
    char e = raw[++i];
    switch (e) {
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'e': case 'E': out += '\x1b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case '?': out += '?'; break;
      case 'x': {
        int value = 0, digits = 0;
        while (digits < 2 && i + 1 < raw.size() && std::isxdigit(static_cast<unsigned char>(raw[i + 1]))) {
          char h = raw[++i];
          value = value * 16 + (std::isdigit(static_cast<unsigned char>(h)) ? h - '0' : (std::tolower(h) - 'a' + 10));
          ++digits;
        }
        if (digits == 0) out += "\\x";
        else out += static_cast<char>(value);
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          int value = e - '0', digits = 1;
          while (digits < 3 && i + 1 < raw.size() && raw[i + 1] >= '0' && raw[i + 1] <= '7') {
            value = value * 8 + (raw[++i] - '0');
            ++digits;
          }
          out += static_cast<char>(value & 0xff);
        } else {
          out += '\\';
          out += e;
        }
    }
  }
  return out;
}

namespace {

std::optional<ParamOp> operator_named(std::string_view op, bool& colon) {
  colon = !op.empty() && op[0] == ':' && op.size() == 2;
  std::string_view bare = colon ? op.substr(1) : op;
  if (bare == "-") return ParamOp::kDefault;
  if (bare == "=") return ParamOp::kAssignDefault;
  if (bare == "+") return ParamOp::kAlternate;
  if (bare == "?") return ParamOp::kErrorIfUnset;
  if (colon) return std::nullopt;
  if (op == "#") return ParamOp::kRemovePrefix;
  if (op == "##") return ParamOp::kRemoveLongPrefix;
  if (op == "%") return ParamOp::kRemoveSuffix;
  if (op == "%%") return ParamOp::kRemoveLongSuffix;
  if (op == "/") return ParamOp::kReplaceFirst;
  if (op == "//") return ParamOp::kReplaceAll;
  if (op == "/#") return ParamOp::kReplacePrefix;
  if (op == "/%") return ParamOp::kReplaceSuffix;
  if (op == "^^") return ParamOp::kUpperAll;
  if (op == "^") return ParamOp::kUpperFirst;
  if (op == ",,") return ParamOp::kLowerAll;
  if (op == ",") return ParamOp::kLowerFirst;
  if (op == ":") return ParamOp::kSubstring;
  return std::nullopt;
}

}  // namespace

bool has_bare_dollar(TSNode node) {
  for (uint32_t i = 0, n = ts_node_child_count(node); i < n; ++i) {
    TSNode child = ts_node_child(node, i);
    if (!ts_node_is_named(child) && std::string_view(ts_node_type(child)) == "$") return true;
  }
  return false;
}

Pos Lowerer::pos(TSNode node) const {
  Pos p = Nodes::pos(node);
  if (origin_.line == 1 && origin_.col == 1 && skip_cols_ == 0) return p;
  if (p.line == 1) return Pos{origin_.line, origin_.col + (p.col > skip_cols_ ? p.col - 1 - skip_cols_ : 0)};
  return Pos{origin_.line + p.line - 1, p.col};
}

void Lowerer::literal_text(std::string_view raw, bool in_double_quotes, Word& out, bool quoted) const {
  std::string run;
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c != '\\' || i + 1 == raw.size()) {
      run += c;
      continue;
    }
    char next = raw[i + 1];
    if (in_double_quotes) {
      if (next == '$' || next == '`' || next == '"' || next == '\\') {
        run += next;
        ++i;
      } else if (next == '\n') {
        ++i;
      } else {
        run += c;
      }
      continue;
    }
    // Unquoted: the backslash quotes the next character.
    push_literal(out, std::move(run), quoted);
    run.clear();
    ++i;
    if (next != '\n') push_literal(out, std::string(1, next), true);
  }
  push_literal(out, std::move(run), quoted);
}

Word Lowerer::word(TSNode node, bool quoted) const {
  Word out;
  out.pos = pos(node);
  append_word(node, quoted, out);
  return out;
}

void Lowerer::append_word(TSNode node, bool quoted, Word& out) const {
  std::string_view type = Nodes::type(node);
  std::string_view text = n_.text(node);
  if (type == "word" || type == "number" || type == "test_operator" || type == "extglob_pattern" ||
      type == "variable_name" || type == "file_descriptor" || type == "special_variable_name") {
    if (type == "extglob_pattern" && text.find('(') != std::string_view::npos)
      throw Unsupported("extended glob pattern", pos(node), std::string(text));
    if (!quoted && !text.empty() && text[0] == '~' && out.parts.empty())
      throw Unsupported("tilde expansion", pos(node), std::string(text));
    literal_text(text, false, out, quoted);
  } else if (type == "raw_string") {
    push_literal(out, std::string(text.substr(1, text.size() - 2)), true);
  } else if (type == "ansi_c_string") {
    push_literal(out, ansi_c_text(text.substr(2, text.size() - 3)), true);
  } else if (type == "string" || type == "translated_string") {
    // Literal runs are the gaps between the expansions inside the quotes.
    uint32_t open = ts_node_start_byte(node) + (type == "translated_string" ? 2 : 1);
    uint32_t close = ts_node_end_byte(node) - 1;
    uint32_t cursor = open;
    for (TSNode child : Nodes::named_children(node)) {
      if (Nodes::type(child) == "string_content") continue;
      // tree-sitter-bash may start an expansion node at the blanks before its `$`.
      uint32_t start = ts_node_start_byte(child);
      while (start < ts_node_end_byte(child) && (n_.source[start] == ' ' || n_.source[start] == '\t')) ++start;
      if (start > cursor) literal_text(std::string_view(n_.source).substr(cursor, start - cursor), true, out, true);
      append_word(child, true, out);
      cursor = ts_node_end_byte(child);
    }
    if (close > cursor) literal_text(std::string_view(n_.source).substr(cursor, close - cursor), true, out, true);
  } else if (type == "simple_expansion") {
    WordPart part;
    part.kind = WordPart::Kind::kParam;
    part.quoted = quoted;
    part.param = std::make_shared<ParamExp>();
    // The name is the child after `$` (the node itself may begin with blanks).
    TSNode name_node = ts_node_named_child(node, 0);
    part.param->name = ts_node_is_null(name_node) ? std::string(text.substr(text.find('$') + 1)) : std::string(n_.text(name_node));
    // `$1y` is $1 then "y": a positional parameter has one digit without braces.
    std::string rest;
    if (part.param->name.size() > 1 && std::isdigit(static_cast<unsigned char>(part.param->name[0]))) {
      rest = part.param->name.substr(1);
      part.param->name.resize(1);
    }
    push_part(out, std::move(part));
    push_literal(out, rest, quoted);
  } else if (type == "expansion") {
    WordPart part;
    part.kind = WordPart::Kind::kParam;
    part.quoted = quoted;
    part.param = std::make_shared<ParamExp>(expansion(node));
    push_part(out, std::move(part));
  } else if (type == "command_substitution") {
    if (text.starts_with("`")) throw Unsupported("backquote command substitution", pos(node), "write $(...) instead");
    WordPart part;
    part.kind = WordPart::Kind::kCommandSub;
    part.quoted = quoted;
    part.commands = std::make_shared<Block>(statements_of(node));
    push_part(out, std::move(part));
  } else if (type == "arithmetic_expansion") {
    size_t open = text.starts_with("$((") ? 3 : 2;
    size_t close = text.ends_with("))") ? 2 : 1;
    WordPart part;
    part.kind = WordPart::Kind::kArith;
    part.quoted = quoted;
    part.arith = std::make_shared<Arith>(arith_text(text.substr(open, text.size() - open - close), pos(node)));
    push_part(out, std::move(part));
  } else if (type == "concatenation" && has_bare_dollar(node)) {
    // tree-sitter-bash split this word wrongly (`_$x/$1` as `_$x/$` and `1`):
    // read it ourselves, with the digits it cut off.
    uint32_t end = ts_node_end_byte(node);
    TSNode next = ts_node_next_sibling(node);
    if (!ts_node_is_null(next) && ts_node_start_byte(next) == end) {
      consumed_.insert(next.id);
      end = ts_node_end_byte(next);
    }
    Word inner = lex(std::string_view(n_.source).substr(ts_node_start_byte(node), end - ts_node_start_byte(node)), pos(node), quoted);
    for (WordPart& part : inner.parts) push_part(out, std::move(part));
  } else if (type == "concatenation") {
    uint32_t cursor = ts_node_start_byte(node);
    for (TSNode child : Nodes::children(node)) {
      uint32_t start = ts_node_start_byte(child);
      if (start > cursor) literal_text(std::string_view(n_.source).substr(cursor, start - cursor), false, out, quoted);
      if (ts_node_is_named(child)) append_word(child, quoted, out);
      else literal_text(n_.text(child), false, out, quoted);
      cursor = ts_node_end_byte(child);
    }
  } else if (type == "regex") {
    Word inner = fragment(text, pos(node), false);
    for (WordPart& part : inner.parts) push_part(out, std::move(part));
  } else if (type == "brace_expression") {
    throw Unsupported("brace expansion", pos(node), std::string(text));
  } else if (type == "process_substitution") {
    throw Unsupported("process substitution", pos(node), std::string(text));
  } else {
    throw Unsupported(std::string(type), pos(node), std::string(text));
  }
}

ParamExp Lowerer::expansion(TSNode node) const {
  ParamExp out;
  std::vector<TSNode> kids = Nodes::children(node);
  std::string_view src(n_.source);
  size_t i = 1;  // after "${"
  bool length = false, indirect = false;
  if (i < kids.size() && !ts_node_is_named(kids[i])) {
    std::string_view op = n_.text(kids[i]);
    if (op == "#") length = true;
    else if (op == "!") indirect = true;
    else throw Unsupported("parameter expansion '" + std::string(op) + "'", pos(node), std::string(n_.text(node)));
    ++i;
  }
  if (i >= kids.size()) throw Unsupported("parameter expansion", pos(node), std::string(n_.text(node)));
  TSNode name = kids[i++];
  std::string_view name_type = Nodes::type(name);
  if (name_type == "subscript") {
    TSNode array = ts_node_child_by_field_name(name, "name", 4);
    TSNode index = ts_node_child_by_field_name(name, "index", 5);
    out.name = std::string(n_.text(array));
    std::string_view index_text = ts_node_is_null(index) ? "" : n_.text(index);
    if (index_text == "@" || index_text == "*") {
      out.all_elements = true;
      out.star = index_text == "*";
    } else {
      out.index = std::make_shared<Word>(fragment(index_text, pos(index), true));
    }
  } else if (name_type == "variable_name" || name_type == "special_variable_name" || name_type == "word" ||
             name_type == "number") {
    out.name = std::string(n_.text(name));
  } else {
    throw Unsupported("parameter expansion", pos(node), std::string(n_.text(node)));
  }
  if (length) out.op = ParamOp::kLength;
  if (indirect) out.op = out.all_elements ? ParamOp::kKeys : ParamOp::kIndirect;

  // Operators and the text between them, up to the closing brace.
  uint32_t close = ts_node_end_byte(node) - 1;
  std::vector<std::pair<std::string_view, std::pair<uint32_t, uint32_t>>> ops;  // op, [start, end)
  for (; i < kids.size(); ++i) {
    if (ts_node_is_named(kids[i]) || Nodes::field_of(node, static_cast<uint32_t>(i)) != "operator") continue;
    ops.push_back({n_.text(kids[i]), {ts_node_start_byte(kids[i]), ts_node_end_byte(kids[i])}});
  }
  if (ops.empty()) return out;
  if (length || indirect) throw Unsupported("parameter expansion", pos(node), std::string(n_.text(node)));
  bool colon = false;
  std::optional<ParamOp> op = operator_named(ops[0].first, colon);
  if (!op) throw Unsupported("parameter expansion '" + std::string(ops[0].first) + "'", pos(node), std::string(n_.text(node)));
  out.op = *op;
  out.colon = colon;
  auto slice = [&](size_t k) {
    uint32_t start = ops[k].second.second;
    uint32_t end = k + 1 < ops.size() ? ops[k + 1].second.first : close;
    return src.substr(start, end > start ? end - start : 0);
  };
  Pos at = pos(node);
  if (out.op == ParamOp::kSubstring) {
    // An arithmetic offset and an optional length (`${v: -1}` and `${v:1:2}`).
    std::string_view offset = slice(0);
    out.offset = std::make_shared<Arith>(arith_text(offset, at));
    if (ops.size() > 1) out.length = std::make_shared<Arith>(arith_text(slice(1), at));
    return out;
  }
  bool pattern = out.op >= ParamOp::kRemovePrefix && out.op <= ParamOp::kReplaceSuffix;
  out.args.push_back(fragment(slice(0), at, false));
  if (pattern && out.op >= ParamOp::kReplaceFirst) out.args.push_back(ops.size() > 1 ? fragment(slice(1), at, false) : Word{});
  (void)pattern;
  return out;
}

Word Lowerer::fragment(std::string_view text, Pos at, bool double_quoted) const {
  return lex(text, at, double_quoted);
}

Arith Lowerer::arith_text(std::string_view text, Pos at) const {
  bool expands = text.find_first_of("$`\"'") != std::string_view::npos;
  if (!expands) {
    if (std::optional<Arith> parsed = parse_arith(text)) return *parsed;
  }
  // Expanded at run time, then evaluated (and any error reported there, as bash does).
  Arith a;
  a.kind = Arith::Kind::kText;
  a.source = std::string(text);
  a.text = std::make_shared<Word>(fragment(text, at, true));
  return a;
}

bool Word::literal(std::string& out) const {
  out.clear();
  for (const WordPart& part : parts) {
    if (part.kind != WordPart::Kind::kLiteral) return false;
    out += part.text;
  }
  return true;
}

}  // namespace testgen::bash
