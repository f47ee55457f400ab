#include "syntax_tree.h"

#include <stdexcept>

extern "C" const TSLanguage* tree_sitter_bash(void);

namespace testgen::bash {

SyntaxTree::SyntaxTree(std::string source) : SyntaxTree(std::move(source), tree_sitter_bash()) {}

SyntaxTree::SyntaxTree(std::string source, const TSLanguage* language) : source_(std::move(source)) {
  std::unique_ptr<TSParser, void (*)(TSParser*)> parser(ts_parser_new(), ts_parser_delete);
  if (!ts_parser_set_language(parser.get(), language))
    throw std::logic_error("a tree-sitter grammar and the tree-sitter runtime disagree on the ABI version");
  tree_.reset(ts_parser_parse_string(parser.get(), nullptr, source_.data(), static_cast<uint32_t>(source_.size())));
  if (!tree_) throw std::runtime_error("tree-sitter could not parse the source");
}

TSNode SyntaxTree::root() const { return ts_tree_root_node(tree_.get()); }

std::string_view Nodes::text(TSNode node) const {
  uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
  return std::string_view(source).substr(start, end - start);
}

Pos Nodes::pos(TSNode node) {
  TSPoint p = ts_node_start_point(node);
  return Pos{p.row + 1, p.column + 1};
}

std::vector<TSNode> Nodes::children(TSNode node) {
  std::vector<TSNode> out;
  for (uint32_t i = 0, n = ts_node_child_count(node); i < n; ++i) out.push_back(ts_node_child(node, i));
  return out;
}

std::vector<TSNode> Nodes::named_children(TSNode node) {
  std::vector<TSNode> out;
  for (uint32_t i = 0, n = ts_node_named_child_count(node); i < n; ++i) out.push_back(ts_node_named_child(node, i));
  return out;
}

std::vector<TSNode> Nodes::field(TSNode node, const char* name) {
  std::vector<TSNode> out;
  for (uint32_t i = 0, n = ts_node_child_count(node); i < n; ++i) {
    const char* f = ts_node_field_name_for_child(node, i);
    if (f && std::string_view(f) == name) out.push_back(ts_node_child(node, i));
  }
  return out;
}

std::string_view Nodes::field_of(TSNode node, uint32_t i) {
  const char* f = ts_node_field_name_for_child(node, i);
  return f ? std::string_view(f) : std::string_view();
}

TSNode first_syntax_error(TSNode node) {
  if (ts_node_is_missing(node) || std::string_view(ts_node_type(node)) == "ERROR") return node;
  std::string_view type = ts_node_type(node);
  // Arithmetic text is parsed by arith_parser.cc, which reports its own errors.
  if (type == "arithmetic_expansion" || type == "c_style_for_statement") return TSNode{};
  if (type == "compound_statement" && ts_node_child_count(node) > 0 &&
      std::string_view(ts_node_type(ts_node_child(node, 0))) == "((")
    return TSNode{};
  if (!ts_node_has_error(node)) return TSNode{};
  for (uint32_t i = 0, n = ts_node_child_count(node); i < n; ++i) {
    TSNode found = first_syntax_error(ts_node_child(node, i));
    if (!ts_node_is_null(found)) return found;
  }
  return TSNode{};
}

}  // namespace testgen::bash
