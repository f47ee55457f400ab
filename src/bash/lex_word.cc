// Our own reading of a word's text, for the places where tree-sitter-bash
// 0.25 reads words wrong (`_$x/$1` becomes `_$x/$` and a separate `1`) and
// for text we lower on its own (patterns inside ${...}, arithmetic holding
// $-expansions). Expansions with braces or parentheses are cut out here and
// lowered on their own.
#include "lower_internal.h"

namespace testgen::bash {
namespace {

bool name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

void add_literal(Word& out, std::string text, bool quoted) {
  if (text.empty()) return;
  if (!out.parts.empty() && out.parts.back().kind == WordPart::Kind::kLiteral && out.parts.back().quoted == quoted) {
    out.parts.back().text += text;
    return;
  }
  out.parts.push_back(WordPart{WordPart::Kind::kLiteral, quoted, std::move(text), {}, {}, {}});
}

// The index just past the construct opened at `open` (a `(` or `{` right
// after `$`), honouring quotes and nesting; npos when it never closes.
size_t matching_close(std::string_view text, size_t open) {
  char open_char = text[open], close_char = open_char == '(' ? ')' : '}';
  int depth = 0;
  for (size_t i = open; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\\') {
      ++i;
    } else if (c == '\'' && open_char == '(') {
      size_t end = text.find('\'', i + 1);
      if (end == std::string_view::npos) return end;
      i = end;
    } else if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i)
        if (text[i] == '\\') ++i;
    } else if (c == open_char) {
      ++depth;
    } else if (c == close_char && --depth == 0) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

}  // namespace

Word Lowerer::lex(std::string_view text, Pos at, bool double_quoted) const {
  Word out;
  out.pos = at;
  std::string run;
  bool run_quoted = double_quoted;
  auto flush = [&] {
    add_literal(out, std::move(run), run_quoted);
    run.clear();
  };
  auto literal_char = [&](char c, bool quoted) {
    if (quoted != run_quoted) {
      flush();
      run_quoted = quoted;
    }
    run += c;
  };
  bool in_double = double_quoted;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\\' && i + 1 < text.size()) {
      char next = text[i + 1];
      ++i;
      if (next == '\n') continue;
      if (in_double && next != '$' && next != '`' && next != '"' && next != '\\') literal_char('\\', true);
      literal_char(next, true);
      continue;
    }
    if (c == '"' && !double_quoted) {
      in_double = !in_double;
      if (in_double) {
        flush();
        run_quoted = true;
        out.parts.push_back(WordPart{WordPart::Kind::kLiteral, true, "", {}, {}, {}});
      }
      continue;
    }
    if (c == '\'' && !in_double) {
      size_t end = text.find('\'', i + 1);
      if (end == std::string_view::npos) throw Unsupported("unterminated quote", at, std::string(text));
      flush();
      add_literal(out, std::string(text.substr(i + 1, end - i - 1)), true);
      if (end == i + 1) out.parts.push_back(WordPart{WordPart::Kind::kLiteral, true, "", {}, {}, {}});
      i = end;
      continue;
    }
    if (c == '`') throw Unsupported("backquote command substitution", at, "write $(...) instead");
    if (c != '$' || i + 1 == text.size()) {
      literal_char(c, in_double);
      continue;
    }
    char next = text[i + 1];
    WordPart part;
    part.quoted = in_double;
    if (next == '\'' && !in_double) {
      size_t end = i + 2;
      while (end < text.size() && text[end] != '\'') end += text[end] == '\\' ? 2 : 1;
      if (end >= text.size()) throw Unsupported("unterminated quote", at, std::string(text));
      flush();
      add_literal(out, ansi_c_text(text.substr(i + 2, end - i - 2)), true);
      i = end;
      continue;
    }
    if (next == '(' || next == '{') {
      size_t end = matching_close(text, i + 1);
      if (end == std::string_view::npos) throw Unsupported("unterminated expansion", at, std::string(text));
      std::string_view inside = text.substr(i, end - i);
      if (inside.starts_with("$((") && inside.ends_with("))")) {
        part.kind = WordPart::Kind::kArith;
        part.arith = std::make_shared<Arith>(arith_text(inside.substr(3, inside.size() - 5), at));
      } else if (next == '(') {
        part.kind = WordPart::Kind::kCommandSub;
        SyntaxTree tree(std::string(inside.substr(2, inside.size() - 3)) + "\n");
        if (!ts_node_is_null(first_syntax_error(tree.root())))
          throw Unsupported("command substitution", at, std::string(inside));
        Lowerer inner(tree.source(), at, 0);
        part.commands = std::make_shared<Block>(inner.statements_of(tree.root()));
      } else {
        // ${...} alone, inside quotes, is read right by tree-sitter.
        SyntaxTree tree(": \"" + std::string(inside) + "\"\n");
        TSNode command = ts_node_named_child(tree.root(), 0);
        TSNode string = ts_node_is_null(command) ? TSNode{} : ts_node_child_by_field_name(command, "argument", 8);
        TSNode expansion = ts_node_is_null(string) ? TSNode{} : ts_node_named_child(string, 0);
        if (ts_node_is_null(expansion) || Nodes::type(expansion) != "expansion" ||
            !ts_node_is_null(first_syntax_error(tree.root())))
          throw Unsupported("parameter expansion", at, std::string(inside));
        Lowerer inner(tree.source(), at, 3);
        part.kind = WordPart::Kind::kParam;
        part.param = std::make_shared<ParamExp>(inner.expansion(expansion));
      }
      flush();
      out.parts.push_back(std::move(part));
      i = end - 1;
      continue;
    }
    std::string name;
    size_t end = i + 1;
    if (name_start(next)) {
      while (end < text.size() && name_char(text[end])) ++end;
    } else if (std::isdigit(static_cast<unsigned char>(next)) || std::string_view("@*#?-$!").find(next) != std::string_view::npos) {
      end = i + 2;  // one character: $12 is $1 then "2"
    } else {
      literal_char('$', in_double);
      continue;
    }
    part.kind = WordPart::Kind::kParam;
    part.param = std::make_shared<ParamExp>();
    part.param->name = std::string(text.substr(i + 1, end - i - 1));
    flush();
    out.parts.push_back(std::move(part));
    i = end - 1;
  }
  if (in_double && !double_quoted) throw Unsupported("unterminated quote", at, std::string(text));
  flush();
  // Empty quoted markers only matter for a word that is otherwise empty.
  if (out.parts.size() > 1)
    std::erase_if(out.parts, [](const WordPart& p) { return p.kind == WordPart::Kind::kLiteral && p.text.empty(); });
  return out;
}

}  // namespace testgen::bash
