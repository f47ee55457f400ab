#include "rust_mutants.h"

#include <fmt/format.h>

#include <map>

#include "syntax_tree.h"

extern "C" const TSLanguage* tree_sitter_rust(void);

namespace testgen::bash {
namespace {

// cargo-mutants' swaps for binary operators.
const std::map<std::string, std::vector<std::string>>& binary_swaps() {
  static const std::map<std::string, std::vector<std::string>> swaps = {
      {"==", {"!="}}, {"!=", {"=="}},       {"<", {"==", ">"}},   {">", {"==", "<"}},   {"<=", {">"}},
      {">=", {"<"}},  {"&&", {"||"}},       {"||", {"&&"}},       {"+", {"-", "*"}},    {"-", {"+", "/"}},
      {"*", {"+", "/"}}, {"/", {"%", "*"}}, {"%", {"/", "+"}},    {"&", {"|", "^"}},    {"|", {"&", "^"}},
      {"^", {"|", "&"}}, {"<<", {">>"}},    {">>", {"<<"}},       {"+=", {"-=", "*="}}, {"-=", {"+=", "/="}},
      {"*=", {"+=", "/="}}, {"/=", {"%=", "*="}}, {"%=", {"/=", "+="}}};
  return swaps;
}

const std::map<std::string, std::vector<std::string>>& wrapping_swaps() {
  static const std::map<std::string, std::vector<std::string>> swaps = {
      {"wrapping_add", {"wrapping_sub", "wrapping_mul"}},
      {"wrapping_sub", {"wrapping_add", "wrapping_div"}},
      {"wrapping_mul", {"wrapping_add", "wrapping_div"}}};
  return swaps;
}

// bash's `test` operators, swapped as cargo-mutants swaps relational ones.
const std::map<std::string, std::vector<std::string>>& test_swaps() {
  static const std::map<std::string, std::vector<std::string>> swaps = {
      {"-eq", {"-ne"}}, {"-ne", {"-eq"}},       {"-lt", {"-eq", "-gt"}}, {"-gt", {"-eq", "-lt"}},
      {"-le", {"-gt"}}, {"-ge", {"-lt"}},       {"=", {"!="}},           {"==", {"!="}},
      {"!=", {"="}},    {"-z", {"-n"}},         {"-n", {"-z"}}};
  return swaps;
}

// cargo-mutants' values for a return type (Status is the runtime's Result<i32, Abort>).
std::vector<std::string> values_for(std::string type) {
  std::erase_if(type, [](char c) { return c == ' ' || c == '\n'; });
  if (type.empty() || type == "()") return {"()"};
  if (type == "bool") return {"true", "false"};
  if (type == "String") return {"String::new()", "\"xyzzy\".into()"};
  if (type == "i8" || type == "i16" || type == "i32" || type == "i64" || type == "isize" || type == "i128")
    return {"0", "1", "-1"};
  if (type == "u8" || type == "u16" || type == "u32" || type == "u64" || type == "usize" || type == "u128") return {"0", "1"};
  if (type == "Status" || type == "shell::Status" || type == "crate::shell::Status") return {"Ok(0)", "Ok(1)", "Ok(-1)"};
  if (type.rfind("Option<", 0) == 0) return {"None"};
  if (type.rfind("Vec<", 0) == 0) return {"vec![]"};
  if (type == "&str" || type == "&'staticstr") return {"\"\"", "\"xyzzy\""};
  return {"Default::default()"};
}

class Finder {
 public:
  Finder(std::string file, const std::string& source) : file_(std::move(file)), nodes_{source} {}

  std::vector<Mutant> run(TSNode root) {
    walk(root, "");
    return std::move(out_);
  }

 private:
  std::string file_;
  Nodes nodes_;
  std::vector<Mutant> out_;

  void add(TSNode at, uint32_t start, uint32_t end, std::string replacement, const std::string& function,
           std::string op, std::string description) {
    Pos p = Nodes::pos(at);
    out_.push_back({file_, p.line, p.col, start, end, std::move(replacement), function, std::move(op),
                    std::move(description)});
  }

  static bool is_test_code(TSNode node, const Nodes& n) {
    // `#[test]` / `#[cfg(test)]` just before the item.
    TSNode prev = ts_node_prev_named_sibling(node);
    return !ts_node_is_null(prev) && Nodes::type(prev) == "attribute_item" &&
           (n.text(prev).find("test") != std::string_view::npos);
  }

  void walk(TSNode node, const std::string& function) {
    std::string_view type = Nodes::type(node);
    std::string fn = function;
    if ((type == "function_item" || type == "mod_item") && is_test_code(node, nodes_)) return;
    if (type == "function_item") {
      fn = std::string(nodes_.text(ts_node_child_by_field_name(node, "name", 4)));
      function_values(node, fn);
    } else if (type == "binary_expression" || type == "compound_assignment_expr") {
      swaps(ts_node_child_by_field_name(node, "operator", 8), binary_swaps(), fn, "binary-op", "");
    } else if (type == "unary_expression") {
      TSNode op = ts_node_child(node, 0);
      std::string text(nodes_.text(op));
      if (text == "-" || text == "!")
        add(op, ts_node_start_byte(op), ts_node_end_byte(op), "", fn, "unary-op", fmt::format("delete {} in {}", text, fn));
    } else if (type == "match_expression") {
      match_arms(node, fn);
    } else if (type == "field_expression") {
      swaps(ts_node_child_by_field_name(node, "field", 5), wrapping_swaps(), fn, "wrapping-op", "");
    } else if (type == "string_literal") {
      swaps(node, test_swaps(), fn, "test-op", "\"");
      return;
    }
    for (TSNode child : Nodes::children(node)) walk(child, fn);
  }

  // One mutant per replacement the table has for the text at `at`; `quote`
  // surrounds the text (a string literal's quotes).
  void swaps(TSNode at, const std::map<std::string, std::vector<std::string>>& table, const std::string& fn,
             const char* op, const std::string& quote) {
    std::string text(nodes_.text(at));
    if (text.size() < 2 * quote.size()) return;
    text = text.substr(quote.size(), text.size() - 2 * quote.size());
    auto it = table.find(text);
    if (it == table.end()) return;
    for (const std::string& to : it->second)
      add(at, ts_node_start_byte(at), ts_node_end_byte(at), quote + to + quote, fn, op,
          fmt::format("replace {}{} with {} in {}", quote.empty() ? "" : "test operator ", text, to, fn));
  }

  void function_values(TSNode node, const std::string& fn) {
    TSNode body = ts_node_child_by_field_name(node, "body", 4);
    if (ts_node_is_null(body)) return;
    TSNode ret = ts_node_child_by_field_name(node, "return_type", 11);
    std::string type = ts_node_is_null(ret) ? "" : std::string(nodes_.text(ret));
    for (const std::string& v : values_for(type))
      add(node, ts_node_start_byte(body), ts_node_end_byte(body), "{ " + v + " }", fn, "fn-value",
          fmt::format("replace {} -> {} with {}", fn, type.empty() ? "()" : type, v));
  }

  void match_arms(TSNode node, const std::string& fn) {
    TSNode block = ts_node_child_by_field_name(node, "body", 4);
    if (ts_node_is_null(block)) return;
    std::vector<TSNode> arms;
    bool wildcard = false;
    for (TSNode arm : Nodes::named_children(block)) {
      if (Nodes::type(arm) != "match_arm") continue;
      TSNode pattern = ts_node_child_by_field_name(arm, "pattern", 7);
      std::string text(nodes_.text(pattern));
      if (text == "_") wildcard = true;
      else arms.push_back(arm);
      // A guard: `pattern if cond =>`.
      TSNode guard = ts_node_is_null(pattern) ? pattern : ts_node_child_by_field_name(pattern, "condition", 9);
      if (!ts_node_is_null(guard))
        for (const char* value : {"true", "false"})
          add(guard, ts_node_start_byte(guard), ts_node_end_byte(guard), value, fn, "match-guard",
              fmt::format("replace match guard with {} in {}", value, fn));
    }
    if (!wildcard) return;  // deleting an arm would not compile
    for (TSNode arm : arms) {
      std::string pattern(nodes_.text(ts_node_child_by_field_name(arm, "pattern", 7)));
      add(arm, ts_node_start_byte(arm), ts_node_end_byte(arm), "", fn, "match-arm",
          fmt::format("delete match arm {} in {}", pattern.substr(0, 40), fn));
    }
  }
};

}  // namespace

std::vector<Mutant> find_mutants(const std::string& file, const std::string& source) {
  SyntaxTree tree(source, tree_sitter_rust());
  return Finder(file, tree.source()).run(tree.root());
}

}  // namespace testgen::bash
