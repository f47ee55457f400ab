// The script: its functions (with the comments above them), its constant
// globals, and what it refuses.
#include "lower.h"

#include <fmt/format.h>

#include <regex>

#include "lower_internal.h"
#include "testgen/process.h"

namespace testgen::bash {
namespace {

std::string comment_text(std::string_view comment) {
  std::string_view body = comment.substr(1);  // drop '#'
  if (!body.empty() && body[0] == ' ') body.remove_prefix(1);
  while (!body.empty() && (body.back() == ' ' || body.back() == '\r')) body.remove_suffix(1);
  return std::string(body);
}

// Whether an assignment's value needs nothing but constants (a global the
// translation can set up the same way before any function runs).
bool constant_word(const Word& word) {
  for (const WordPart& part : word.parts)
    if (part.kind != WordPart::Kind::kLiteral) return false;
  return true;
}

// tree-sitter-bash 0.25 cannot parse `;;&` ending the last item of a case
// (bash can). There it means the same as `;;`, so when the script does not
// parse, that spelling is replaced (same length, positions unchanged).
std::string without_last_test_next(std::string source) {
  static const std::regex kLastTestNext(";;&(\\s*esac\\b)");
  return std::regex_replace(source, kLastTestNext, ";; $1");
}

// `bash -n`: whether bash parses the script (without running any of it).
bool bash_accepts(const std::string& text) {
  SubprocessRunner runner;
  ProcessResult r = runner.run({.argv = {"bash", "--noprofile", "--norc", "-n"},
                                .env = std::vector<std::string>{"PATH=/usr/bin:/bin", "LC_ALL=C.UTF-8"},
                                .stdin_data = text,
                                .timeout = std::chrono::seconds(30)});
  return r.ok();
}

// A top-level piece tree-sitter-bash could not parse (bash can): the
// functions defined in it are refused, named by their header lines.
void refuse_unparsed(TSNode node, const Nodes& n, Script& script) {
  static const std::regex kHeader(R"(^[ \t]*(function[ \t]+)?([A-Za-z_][A-Za-z0-9_:.-]*)[ \t]*(\(\s*\))?[ \t]*(\{|\(|$|#))");
  TSNode error = first_syntax_error(node);
  Pos at = Nodes::pos(ts_node_is_null(error) ? node : error);
  std::string_view text = n.text(node);
  uint32_t line = Nodes::pos(node).line;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    std::string row(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    std::smatch m;
    bool function_keyword = row.find("function") != std::string::npos;
    if (std::regex_search(row, m, kHeader) && (m[1].matched || m[3].matched) && (function_keyword || m[3].matched))
      script.refused.push_back(Refusal{m[2].str(), "syntax tree-sitter-bash cannot parse", at,
                                       fmt::format("bash accepts it; the first place tree-sitter fails is line {}", at.line)});
    if (end == std::string_view::npos) break;
    start = end + 1;
    ++line;
  }
}

}  // namespace

Script lower_script(const std::string& path, std::string source, bool ask_bash) {
  SyntaxTree tree(source);
  if (!ts_node_is_null(first_syntax_error(tree.root()))) {
    SyntaxTree retry(without_last_test_next(source));
    if (ts_node_is_null(first_syntax_error(retry.root()))) tree = std::move(retry);
  }
  const std::string& text = tree.source();
  TSNode root = tree.root();
  TSNode error = first_syntax_error(root);
  // Where bash itself reads the script, what tree-sitter-bash cannot parse
  // only costs the functions it is in; anything else is a syntax error.
  bool bash_reads_it = !ts_node_is_null(error) && ask_bash && bash_accepts(text);
  if (!ts_node_is_null(error) && !bash_reads_it) {
    Pos at = Nodes::pos(error);
    uint32_t start = ts_node_start_byte(error);
    std::string near = text.substr(start, std::min<size_t>(20, text.size() - start));
    if (size_t nl = near.find('\n'); nl != std::string::npos) near.resize(nl);
    throw BashSyntaxError(fmt::format("{}:{}:{}: syntax error{}", path, at.line, at.col,
                                      ts_node_is_missing(error) ? fmt::format(": missing '{}'", ts_node_type(error))
                                                                : fmt::format(" near '{}'", near)));
  }

  Script script;
  script.path = path;
  Lowerer lower(text);
  const Nodes& n = lower.nodes();
  std::vector<std::string> pending_doc;
  uint32_t last_comment_line = 0;
  for (TSNode node : Nodes::children(root)) {
    std::string_view type = Nodes::type(node);
    Pos at = Nodes::pos(node);
    if (bash_reads_it && ts_node_has_error(node)) {
      refuse_unparsed(node, n, script);
      pending_doc.clear();
      continue;
    }
    if (type == "comment") {
      if (at.line == 1 && n.text(node).starts_with("#!")) continue;  // the interpreter line
      // A blank line ends a comment block.
      if (!pending_doc.empty() && at.line != last_comment_line + 1) pending_doc.clear();
      pending_doc.push_back(comment_text(n.text(node)));
      last_comment_line = at.line;
      continue;
    }
    bool doc_applies = !pending_doc.empty() && last_comment_line + 1 == at.line;
    std::vector<std::string> doc = doc_applies ? pending_doc : std::vector<std::string>{};
    pending_doc.clear();
    if (type == "function_definition") {
      Function f;
      f.name = std::string(n.text(ts_node_child_by_field_name(node, "name", 4)));
      f.pos = at;
      f.end_line = ts_node_end_point(node).row + 1;
      f.doc = std::move(doc);
      f.source = std::string(n.text(node));
      try {
        TSNode body = ts_node_child_by_field_name(node, "body", 4);
        if (Nodes::type(body) == "compound_statement") f.body = lower.statements_of(body);
        else f.body = Block{lower.command(body)};
        script.functions.push_back(std::move(f));
      } catch (const Unsupported& u) {
        script.refused.push_back(Refusal{f.name, u.construct, u.pos, u.detail});
      }
      continue;
    }
    if (type == "variable_assignment") {
      try {
        Command c = lower.command(node);
        if (c.assignments.size() == 1 && !c.assignments[0].index && constant_word(c.assignments[0].value) &&
            !c.assignments[0].is_array) {
          script.globals.push_back(Global{c.assignments[0].name, c.assignments[0], std::string(n.text(node))});
          continue;
        }
      } catch (const Unsupported&) {
      }
    }
    ++script.top_level_commands;
    script.main_ranges.emplace_back(ts_node_start_byte(node), ts_node_end_byte(node));
  }
  script.source = text;
  return script;
}

}  // namespace testgen::bash
