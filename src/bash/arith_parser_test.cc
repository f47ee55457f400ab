#include "arith_parser.h"

#include <gtest/gtest.h>

namespace testgen::bash {
namespace {

// Prints the tree fully parenthesised, to check precedence and associativity.
std::string show(const Arith& a) {
  switch (a.kind) {
    case Arith::Kind::kNumber: return std::to_string(a.number);
    case Arith::Kind::kVariable: return a.name + (a.index ? "[" + show(*a.index) + "]" : "");
    case Arith::Kind::kText: return "text";
    case Arith::Kind::kUnary: return "(" + a.op + show(a.operands[0]) + ")";
    case Arith::Kind::kBinary: return "(" + show(a.operands[0]) + a.op + show(a.operands[1]) + ")";
    case Arith::Kind::kAssign: return "(" + a.name + a.op + show(a.operands[0]) + ")";
    case Arith::Kind::kTernary:
      return "(" + show(a.operands[0]) + "?" + show(a.operands[1]) + ":" + show(a.operands[2]) + ")";
    case Arith::Kind::kPreIncrement: return "(++" + a.name + ")";
    case Arith::Kind::kPreDecrement: return "(--" + a.name + ")";
    case Arith::Kind::kPostIncrement: return "(" + a.name + "++)";
    case Arith::Kind::kPostDecrement: return "(" + a.name + "--)";
  }
  return "?";
}

std::string parsed(std::string_view text) {
  std::string error;
  std::optional<Arith> a = parse_arith(text, &error);
  return a ? show(*a) : "error: " + error;
}

TEST(ArithParser, PrecedenceIsBashs) {
  // tree-sitter-bash parses this as -(x + ~(y << 2 ...)); bash does not.
  EXPECT_EQ(parsed("-x + ~y << 2 | 3 ^ !z"), "((((-x)+(~y))<<2)|(3^(!z)))");
  EXPECT_EQ(parsed("a<=b"), "(a<=b)");
  EXPECT_EQ(parsed("a && b || c && d"), "((a&&b)||(c&&d))");
  EXPECT_EQ(parsed("1 < 2 == 1"), "((1<2)==1)");
  EXPECT_EQ(parsed("a & b == c"), "(a&(b==c))");
}

TEST(ArithParser, PowerIsRightAssociativeAndBelowUnaryMinus) {
  EXPECT_EQ(parsed("2**3**2"), "(2**(3**2))");
  EXPECT_EQ(parsed("-2**2"), "((-2)**2)");
}

TEST(ArithParser, AssignmentsTernaryAndComma) {
  EXPECT_EQ(parsed("x += 2, y = x ** 2 > 3 ? 1 : 0"), "((x+=2),(y=(((x**2)>3)?1:0)))");
  EXPECT_EQ(parsed("a = b = 3"), "(a=(b=3))");
  EXPECT_EQ(parsed("1 ? 2 : 3 ? 4 : 5"), "(1?2:(3?4:5))");
  EXPECT_EQ(parsed("x <<= 1"), "(x<<=1)");
  EXPECT_EQ(parsed("a[i+1] = 2"), "(a=2)");
}

TEST(ArithParser, IncrementsAndDecrements) {
  EXPECT_EQ(parsed("a++ + ++a"), "((a++)+(++a))");
  EXPECT_EQ(parsed("i--"), "(i--)");
  EXPECT_EQ(parsed("- -1"), "(-(-1))");
}

TEST(ArithParser, DoubleSignsNextToNumbersAreTwoOperators) {
  // bash: $((1--1)) is 2, $((--1)) is 1, $((1---1)) is 0, $((2+++1)) is 3; $((1--x)) is an error.
  EXPECT_EQ(parsed("1--1"), "(1-(-1))");
  EXPECT_EQ(parsed("--1"), "(-(-1))");
  EXPECT_EQ(parsed("1---1"), "(1-(-(-1)))");
  EXPECT_EQ(parsed("2+++1"), "(2+(+(+1)))");
  EXPECT_EQ(parsed("--x"), "(--x)");
  EXPECT_EQ(parsed("x-- - 1"), "((x--)-1)");
  EXPECT_EQ(parsed("1--x").substr(0, 6), "error:");
}

TEST(ArithParser, EmptyIsZeroAndErrorsAreReported) {
  EXPECT_EQ(parsed("  "), "0");
  EXPECT_EQ(parsed("1 +"), "error: syntax error: operand expected");
  EXPECT_EQ(parsed("1 2"), "error: syntax error in expression (error token is \"2\")");
  EXPECT_EQ(parsed("3 = 4").substr(0, 38), "error: attempted assignment to non-var");
  EXPECT_EQ(parsed("08"), "error: value too great for base (error token is \"08\")");
}

TEST(ArithParser, NumbersAsBashReadsThem) {
  EXPECT_EQ(parse_arith_number("010"), 8);
  EXPECT_EQ(parse_arith_number("0x1F"), 31);
  EXPECT_EQ(parse_arith_number("0x"), 0);
  EXPECT_EQ(parse_arith_number("2#101"), 5);
  EXPECT_EQ(parse_arith_number("16#ff"), 255);
  EXPECT_EQ(parse_arith_number("64#@"), 62);
  EXPECT_EQ(parse_arith_number("36#Z"), 35);
  EXPECT_EQ(parse_arith_number("64#Z"), 61);
  // bash wraps: 99999999999999999999 is 7766279631452241919.
  EXPECT_EQ(parse_arith_number("99999999999999999999"), 7766279631452241919);
  EXPECT_EQ(parse_arith_number("9223372036854775808"), INT64_MIN);
  EXPECT_FALSE(parse_arith_number("08"));
  EXPECT_FALSE(parse_arith_number("1#0"));
  EXPECT_FALSE(parse_arith_number("2#"));
  EXPECT_FALSE(parse_arith_number("12abc"));
}

}  // namespace
}  // namespace testgen::bash
