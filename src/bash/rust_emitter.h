#pragma once
// Rust code for one bash function (emit_*.cc). The translation keeps bash's
// meaning exactly: control flow becomes Rust control flow, arithmetic
// becomes i64 code with bash's wrapping, and what only bash's state can
// decide (dynamic scoping, word splitting, `$?`) goes through the Shell of
// the crate's `shell` module (src/bash/runtime/, copied into every crate).

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "ast.h"

namespace testgen::bash {

/// A Rust string literal for `text`.
std::string rust_string(std::string_view text);
/// ` s.push(..);` or ` s.push_str(..);` appending `text` to a String `s`.
std::string push_text(std::string_view text);
/// `&expr`, or `""` for an empty String.
std::string borrowed(const std::string& expr);
/// The negation of a bool expression, without a double `!`.
std::string negated(const std::string& expr);
/// A Rust identifier for a bash name (keywords and odd characters avoided).
std::string rust_ident(std::string_view name);

class RustEmitter {
 public:
  /// `functions`: the script's translated functions (calls to them are
  /// direct); any other command name is a builtin or an external command.
  explicit RustEmitter(std::set<std::string> functions) : functions_(std::move(functions)) {}

  /// The body of `run` for `f`. Throws Unsupported.
  std::string function_body(const Function& f);
  /// The script functions `f` calls (known after function_body).
  const std::set<std::string>& callees() const { return callees_; }
  /// Whether the last body ran command `name` (a script function not translated).
  bool mentions(const std::string& name) const { return commands_named_.count(name) > 0; }
  /// Where the command being translated starts (for refusals without a place).
  Pos at() const { return at_; }

 private:
  std::set<std::string> functions_;
  std::set<std::string> callees_;
  std::set<std::string> commands_named_;
  Pos at_;
  std::string out_;
  int indent_ = 1;
  int temps_ = 0;
  struct Loop {
    std::string break_label, continue_label;
  };
  std::vector<Loop> loops_;
  std::set<std::string> used_labels_;  ///< labels a break names (the others are dropped)

  void line(const std::string& text);
  std::string temp(const std::string& prefix);

  // emit_arith.cc: an i64 expression (errors noted in the Shell).
  std::string arith(const Arith& a);
  std::string arith_binary(const Arith& a);
  std::string arith_assign(const Arith& a);

  // emit_words.cc
  /// A String expression: the word expanded without splitting or globbing.
  std::string string_expr(const Word& w);
  /// A String expression: the word as a glob pattern (quoted parts escaped).
  std::string pattern_expr(const Word& w, const char* escape = "shell::pattern::escape");
  /// Statements appending the word's fields to the Vec<String> `into`.
  void fields(const Word& w, const std::string& into);
  /// `let [mut] into: Vec<String> = vec![...]` with the fields of `words`.
  void word_list(const std::vector<Word>& words, const std::string& into);
  /// The one field of a word that is certain to give exactly one.
  std::optional<std::string> direct_field(const Word& w);
  std::string part_string(const WordPart& p);
  std::string param_string(const ParamExp& p, bool quoted);
  std::string param_value(const ParamExp& p);
  std::string command_substitution(const Block& commands);
  bool is_list(const WordPart& p) const;
  std::string list_expr(const ParamExp& p);

  // emit_commands.cc
  /// Emits the commands; true when the block ends in a jump (return,
  /// exit, break, continue) and what follows it could never run.
  bool block(const Block& b);
  void command(const Command& c);
  void with_redirects(const Command& c, void (RustEmitter::*body)(const Command&));
  void simple(const Command& c);
  void simple_words(const Command& c);
  void run_argv(const Command& c, const std::string& argv, const std::string& name);
  void assignments(const Command& c);
  void assign(const Assignment& a, bool local_scope, const std::string& attrs);
  void declaration(const Command& c);
  void if_command(const Command& c);
  void loop(const Command& c);
  void loop_body(const Loop& labels, const Block& body, const std::string& last, bool leaves);
  void for_command(const Command& c);
  void arith_for(const Command& c);
  void case_command(const Command& c);
  void subshell(const Command& c);
  void pipeline(const Command& c);
  void cond_command(const Command& c);
  std::string cond(const Cond& c);
  void jump(const Command& c, bool is_break, const std::vector<std::string>& argv_literal);
};

}  // namespace testgen::bash
