#pragma once
// tree-sitter behind a small RAII wrapper: parse a source text (bash, or
// another grammar such as Rust's) and walk its nodes with their text and
// 1-based positions.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <tree_sitter/api.h>

#include "ast.h"

namespace testgen::bash {

class SyntaxTree {
 public:
  /// Parsed as bash.
  explicit SyntaxTree(std::string source);
  SyntaxTree(std::string source, const TSLanguage* language);
  SyntaxTree(SyntaxTree&&) noexcept = default;
  SyntaxTree& operator=(SyntaxTree&&) noexcept = default;

  TSNode root() const;
  const std::string& source() const { return source_; }

 private:
  struct TreeDeleter {
    void operator()(TSTree* tree) const { ts_tree_delete(tree); }
  };
  std::string source_;
  std::unique_ptr<TSTree, TreeDeleter> tree_;
};

/// Node helpers over one source text.
struct Nodes {
  const std::string& source;

  std::string_view text(TSNode node) const;
  static std::string_view type(TSNode node) { return ts_node_type(node); }
  static Pos pos(TSNode node);
  static std::vector<TSNode> children(TSNode node);
  static std::vector<TSNode> named_children(TSNode node);
  /// The children with field `field` (bash's grammar repeats fields).
  static std::vector<TSNode> field(TSNode node, const char* field);
  /// The field name of child `i` of `node`, "" when it has none.
  static std::string_view field_of(TSNode node, uint32_t i);
};

/// The first syntax error in `node` (an ERROR or MISSING node) outside the
/// places we re-parse ourselves (arithmetic), or a null node.
TSNode first_syntax_error(TSNode node);

}  // namespace testgen::bash
