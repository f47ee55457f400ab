#include "arith_parser.h"

#include <array>
#include <cctype>
#include <stdexcept>
#include <vector>

namespace testgen::bash {
namespace {

bool is_name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool is_number_char(char c) { return is_name_char(c) || c == '@' || c == '#'; }

int digit_value(char c, int base) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return base <= 36 ? c - 'A' + 10 : c - 'A' + 36;
  if (c == '@') return 62;
  if (c == '_') return 63;
  return 99;
}

// The operators that start with `op` and must not be read as it.
std::vector<std::string_view> longer_operators(std::string_view op) {
  if (op == "|") return {"||", "|="};
  if (op == "&") return {"&&", "&="};
  if (op == "^") return {"^="};
  if (op == "<") return {"<<", "<="};
  if (op == ">") return {">>", ">="};
  if (op == "<<") return {"<<="};
  if (op == ">>") return {">>="};
  if (op == "+") return {"+=", "++"};
  if (op == "-") return {"-=", "--"};
  return {};
}

struct ParseError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Operators by precedence level, lowest first; the ternary and the
// assignments are handled by their own functions.
constexpr std::array<std::array<std::string_view, 4>, 9> kBinaryLevels = {{
    {"||"},
    {"&&"},
    {"|"},
    {"^"},
    {"&"},
    {"==", "!="},
    {"<=", ">=", "<", ">"},
    {"<<", ">>"},
    {"+", "-"},
}};

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  Arith parse_all() {
    skip_space();
    if (at_end()) return number(0);  // `$(( ))` is 0
    Arith result = comma();
    skip_space();
    if (!at_end()) throw ParseError("syntax error in expression (error token is \"" + std::string(text_.substr(pos_)) + "\")");
    return result;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;

  bool at_end() const { return pos_ >= text_.size(); }
  void skip_space() {
    while (!at_end() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  bool peek(std::string_view op) {
    skip_space();
    return text_.substr(pos_, op.size()) == op;
  }
  // Whether an identifier starts after the next `skip` characters (bash
  // reads `--`/`++` as one operator only next to a variable: `1--1` is 2).
  bool name_after(size_t skip) {
    skip_space();
    size_t p = pos_ + skip;
    while (p < text_.size() && std::isspace(static_cast<unsigned char>(text_[p]))) ++p;
    return p < text_.size() && is_name_start(text_[p]);
  }

  // Takes `op` unless it is the start of a longer operator in `longer`.
  bool take(std::string_view op, const std::vector<std::string_view>& longer = {}) {
    if (!peek(op)) return false;
    for (std::string_view l : longer)
      if (text_.substr(pos_, l.size()) == l) return false;
    pos_ += op.size();
    return true;
  }

  static Arith number(int64_t value) {
    Arith a;
    a.kind = Arith::Kind::kNumber;
    a.number = value;
    return a;
  }
  static Arith node(Arith::Kind kind, std::string op, std::vector<Arith> operands) {
    Arith a;
    a.kind = kind;
    a.op = std::move(op);
    a.operands = std::move(operands);
    return a;
  }
  static bool is_lvalue(const Arith& a) { return a.kind == Arith::Kind::kVariable; }

  Arith comma() {
    Arith left = assignment();
    while (take(",")) left = node(Arith::Kind::kBinary, ",", {std::move(left), assignment()});
    return left;
  }

  Arith assignment() {
    size_t start = pos_;
    Arith target = ternary();
    static constexpr std::array<std::string_view, 11> kAssignOps = {"<<=", ">>=", "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "="};
    skip_space();
    for (std::string_view op : kAssignOps) {
      if (text_.substr(pos_, op.size()) != op) continue;
      if (op == "=" && text_.substr(pos_, 2) == "==") break;
      if (!is_lvalue(target)) throw ParseError("attempted assignment to non-variable (error token is \"" + std::string(text_.substr(start)) + "\")");
      pos_ += op.size();
      Arith value = assignment();
      Arith a = node(Arith::Kind::kAssign, std::string(op), {std::move(value)});
      a.name = target.name;
      a.index = target.index;
      return a;
    }
    return target;
  }

  Arith ternary() {
    Arith condition = binary(0);
    if (!take("?")) return condition;
    Arith then = comma();  // bash allows a full expression between ? and :
    if (!take(":")) throw ParseError("`:' expected for conditional expression");
    Arith otherwise = ternary();
    return node(Arith::Kind::kTernary, "?:", {std::move(condition), std::move(then), std::move(otherwise)});
  }

  Arith binary(size_t level) {
    if (level == kBinaryLevels.size()) return multiplicative();
    Arith left = binary(level + 1);
    for (;;) {
      std::string_view matched;
      for (std::string_view op : kBinaryLevels[level]) {
        if (op.empty()) continue;
        // `|` is not `||` or `|=`; `<` is not `<<` or `<=`; `+` is not `++` or `+=` ...
        std::vector<std::string_view> longer = longer_operators(op);
        // `1--1`: `--` before a number is two minus signs.
        if ((op == "+" || op == "-") && !name_after(2)) std::erase(longer, op == "+" ? "++" : "--");
        if (take(op, longer)) {
          matched = op;
          break;
        }
      }
      if (matched.empty()) return left;
      left = node(Arith::Kind::kBinary, std::string(matched), {std::move(left), binary(level + 1)});
    }
  }

  Arith multiplicative() {
    Arith left = power();
    for (;;) {
      std::string op;
      if (take("*", {"**", "*="})) op = "*";
      else if (take("/", {"/="})) op = "/";
      else if (take("%", {"%="})) op = "%";
      else return left;
      left = node(Arith::Kind::kBinary, op, {std::move(left), power()});
    }
  }

  Arith power() {
    Arith base = unary();
    if (take("**", {"**="})) return node(Arith::Kind::kBinary, "**", {std::move(base), power()});
    return base;
  }

  Arith unary() {
    if (peek("++") && name_after(2) && take("++")) return increment(Arith::Kind::kPreIncrement);
    if (peek("--") && name_after(2) && take("--")) return increment(Arith::Kind::kPreDecrement);
    for (std::string_view op : {"-", "+", "!", "~"}) {
      std::vector<std::string_view> longer;
      if (op == "!") longer = {"!="};
      if (op == "-") longer = {"-="};
      if (op == "+") longer = {"+="};
      if (take(op, longer))
        return node(Arith::Kind::kUnary, std::string(op), {unary()});
    }
    return postfix();
  }

  Arith increment(Arith::Kind kind) {
    Arith target = postfix();
    if (!is_lvalue(target)) throw ParseError("++/-- needs a variable");
    Arith a = node(kind, kind == Arith::Kind::kPreIncrement ? "++" : "--", {});
    a.name = target.name;
    a.index = target.index;
    return a;
  }

  Arith postfix() {
    Arith operand = primary();
    if (is_lvalue(operand)) {
      bool inc = take("++");
      if (inc || take("--")) {
        Arith a = node(inc ? Arith::Kind::kPostIncrement : Arith::Kind::kPostDecrement, inc ? "++" : "--", {});
        a.name = operand.name;
        a.index = operand.index;
        return a;
      }
    }
    return operand;
  }

  Arith primary() {
    skip_space();
    if (at_end()) throw ParseError("syntax error: operand expected");
    char c = text_[pos_];
    if (c == '(') {
      ++pos_;
      Arith inner = comma();
      if (!take(")")) throw ParseError("missing `)'");
      return inner;
    }
    if (std::isdigit(static_cast<unsigned char>(c))) {
      size_t start = pos_;
      while (!at_end() && is_number_char(text_[pos_])) ++pos_;
      std::string_view literal = text_.substr(start, pos_ - start);
      std::optional<int64_t> value = parse_arith_number(literal);
      if (!value) throw ParseError("value too great for base (error token is \"" + std::string(literal) + "\")");
      return number(*value);
    }
    if (is_name_start(c)) {
      size_t start = pos_;
      while (!at_end() && is_name_char(text_[pos_])) ++pos_;
      Arith a;
      a.kind = Arith::Kind::kVariable;
      a.name = std::string(text_.substr(start, pos_ - start));
      if (!at_end() && text_[pos_] == '[') {
        ++pos_;
        a.index = std::make_shared<Arith>(comma());
        if (!take("]")) throw ParseError("missing `]'");
      }
      return a;
    }
    throw ParseError("syntax error: operand expected (error token is \"" + std::string(text_.substr(pos_)) + "\")");
  }
};

}  // namespace

std::optional<int64_t> parse_arith_number(std::string_view text) {
  // Accumulating in unsigned arithmetic wraps the way bash's intmax_t does.
  uint64_t value = 0;
  int base = 10;
  size_t i = 0;
  if (text.size() > 1 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    base = 16;
    i = 2;
  } else if (size_t hash = text.find('#'); hash != std::string_view::npos) {
    std::optional<int64_t> b = parse_arith_number(text.substr(0, hash));
    if (hash == 0 || !b || *b < 2 || *b > 64) return std::nullopt;
    base = static_cast<int>(*b);
    i = hash + 1;
    if (i == text.size()) return std::nullopt;
  } else if (text.size() > 1 && text[0] == '0') {
    base = 8;
    i = 1;
  }
  for (; i < text.size(); ++i) {
    int d = digit_value(text[i], base);
    if (d >= base) return std::nullopt;
    value = value * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
  }
  return static_cast<int64_t>(value);
}

std::optional<Arith> parse_arith(std::string_view text, std::string* error) {
  try {
    Arith result = Parser(text).parse_all();
    result.source = std::string(text);
    return result;
  } catch (const ParseError& e) {
    if (error) *error = e.what();
    return std::nullopt;
  }
}

}  // namespace testgen::bash
