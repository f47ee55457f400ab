#pragma once
// The lowering's shared state, split over lower_words.cc (words,
// expansions, arithmetic), lower_commands.cc (commands) and lower.cc (the
// script: functions, globals, comments).

#include <set>
#include <string>
#include <string_view>

#include "ast.h"
#include "lower.h"
#include "syntax_tree.h"

namespace testgen::bash {

class Lowerer {
 public:
  /// `origin` shifts positions when lowering text parsed on its own (a
  /// command substitution or ${...} cut out by lex_word.cc).
  Lowerer(const std::string& source, Pos origin = {1, 1}, uint32_t skip_cols = 0)
      : n_{source}, origin_(origin), skip_cols_(skip_cols) {}

  // Words (lower_words.cc)
  Word word(TSNode node, bool quoted = false) const;
  void append_word(TSNode node, bool quoted, Word& out) const;
  ParamExp expansion(TSNode node) const;
  /// $(( text )) / (( text )) / let text: parsed by us, or left to run time
  /// when it holds $-expansions.
  Arith arith_text(std::string_view text, Pos pos) const;
  /// Text that bash treats like the inside of "..." or a bare word (a
  /// pattern in ${v#...}): read by lex() (lex_word.cc).
  Word fragment(std::string_view text, Pos pos, bool double_quoted) const;
  /// Our own reading of word text (lex_word.cc).
  Word lex(std::string_view text, Pos at, bool double_quoted) const;

  // Commands (lower_commands.cc)
  Block block(const std::vector<TSNode>& statements) const;
  Command command(TSNode node) const;
  Block statements_of(TSNode node) const;  ///< the statement children of a node

  Pos pos(TSNode node) const;
  const Nodes& nodes() const { return n_; }

 private:
  Nodes n_;
  Pos origin_;
  uint32_t skip_cols_;
  /// Nodes an assignment took back from tree-sitter (see assignment()).
  mutable std::set<const void*> consumed_;

  Command simple_command(TSNode node) const;
  Command declaration(TSNode node) const;
  Command if_command(TSNode node) const;
  Command case_command(TSNode node) const;
  Command test_command(TSNode node) const;
  Command c_style_for(TSNode node) const;
  Cond cond(TSNode node) const;
  Assignment assignment(TSNode node) const;
  Redirect redirect(TSNode node) const;
  void literal_text(std::string_view raw, bool in_double_quotes, Word& out, bool quoted) const;
};

/// The text of $'...' (without `$'` and `'`), its escapes read.
std::string ansi_c_text(std::string_view raw);

/// Whether `name` is a statement node (as opposed to a word or token).
bool is_statement(std::string_view type);

}  // namespace testgen::bash
