#include "lower.h"

#include <gtest/gtest.h>

namespace testgen::bash {
namespace {

Script lowered(const std::string& text) { return lower_script("t.sh", text); }

const Function& only_function(const Script& s) {
  for (const Refusal& r : s.refused) ADD_FAILURE() << r.function << ": " << r.construct << " at " << r.pos.line << ":" << r.pos.col << " " << r.detail;
  EXPECT_EQ(s.functions.size(), 1u);
  return s.functions.at(0);
}

TEST(Lower, FunctionsInBothSyntaxesWithTheirComments) {
  Script s = lowered("#!/bin/bash\n# Adds one.\n# Usage: inc N\ninc() { echo $(( $1 + 1 )); }\n\n# unrelated\n\nfunction dec {\n  echo $(( $1 - 1 ))\n}\n");
  ASSERT_EQ(s.functions.size(), 2u);
  EXPECT_EQ(s.functions[0].name, "inc");
  EXPECT_EQ(s.functions[0].doc, (std::vector<std::string>{"Adds one.", "Usage: inc N"}));
  EXPECT_EQ(s.functions[1].name, "dec");
  EXPECT_TRUE(s.functions[1].doc.empty());
  EXPECT_EQ(s.functions[1].pos.line, 8u);
}

TEST(Lower, QuotingIsAFlagPerPart) {
  Script s = lowered("f() { echo a\\ b \"x$1y\" 'lit$' $'t\\tb'; }\n");
  const Function& f = only_function(s);
  const Command& echo = f.body.at(0);
  ASSERT_EQ(echo.words.size(), 5u);
  const Word& escaped = echo.words[1];
  ASSERT_EQ(escaped.parts.size(), 3u);
  EXPECT_FALSE(escaped.parts[0].quoted);
  EXPECT_TRUE(escaped.parts[1].quoted);
  EXPECT_EQ(escaped.parts[1].text, " ");
  const Word& dq = echo.words[2];
  ASSERT_EQ(dq.parts.size(), 3u);
  EXPECT_EQ(dq.parts[1].kind, WordPart::Kind::kParam);
  EXPECT_TRUE(dq.parts[1].quoted);
  EXPECT_EQ(dq.parts[1].param->name, "1");
  std::string text;
  ASSERT_TRUE(echo.words[3].literal(text));
  EXPECT_EQ(text, "lit$");
  ASSERT_TRUE(echo.words[4].literal(text));
  EXPECT_EQ(text, "t\tb");
}

TEST(Lower, ParameterExpansionsWithPatterns) {
  Script s = lowered("f() { echo ${path%${suffix}} \"${v##*/}\" ${v//a/b} ${v:1:2} ${#v} ${!v} ${v:-x y}; }\n");
  const Function& f = only_function(s);
  const std::vector<Word>& w = f.body.at(0).words;
  ASSERT_EQ(w.size(), 8u);
  const ParamExp& suffix = *w[1].parts[0].param;
  EXPECT_EQ(suffix.op, ParamOp::kRemoveSuffix);
  ASSERT_EQ(suffix.args.size(), 1u);
  ASSERT_EQ(suffix.args[0].parts.size(), 1u);
  EXPECT_EQ(suffix.args[0].parts[0].kind, WordPart::Kind::kParam);
  EXPECT_EQ(suffix.args[0].parts[0].param->name, "suffix");
  const ParamExp& longest = *w[2].parts[0].param;
  EXPECT_EQ(longest.op, ParamOp::kRemoveLongPrefix);
  EXPECT_EQ(longest.args[0].parts[0].text, "*/");
  EXPECT_FALSE(longest.args[0].parts[0].quoted);
  const ParamExp& all = *w[3].parts[0].param;
  EXPECT_EQ(all.op, ParamOp::kReplaceAll);
  EXPECT_EQ(all.args.at(1).parts.at(0).text, "b");
  EXPECT_EQ(w[4].parts[0].param->op, ParamOp::kSubstring);
  EXPECT_EQ(w[4].parts[0].param->length->number, 2);
  EXPECT_EQ(w[5].parts[0].param->op, ParamOp::kLength);
  EXPECT_EQ(w[6].parts[0].param->op, ParamOp::kIndirect);
  EXPECT_EQ(w[7].parts[0].param->op, ParamOp::kDefault);
  EXPECT_TRUE(w[7].parts[0].param->colon);
}

TEST(Lower, ArithmeticIsParsedByUsNotTreeSitter) {
  Script s = lowered("f() { echo $(( -x + 1 )) $(( 0x${h:0:2} )); (( i++ )); }\n");
  const Function& f = only_function(s);
  const Arith& sum = *f.body.at(0).words.at(1).parts.at(0).arith;
  EXPECT_EQ(sum.kind, Arith::Kind::kBinary);
  EXPECT_EQ(sum.op, "+");
  const Arith& text = *f.body.at(0).words.at(2).parts.at(0).arith;
  EXPECT_EQ(text.kind, Arith::Kind::kText);
  EXPECT_EQ(f.body.at(1).kind, Command::Kind::kArith);
  EXPECT_EQ(f.body.at(1).ariths.at(0)->kind, Arith::Kind::kPostIncrement);
}

TEST(Lower, CompoundCommands) {
  Script s = lowered(
      "f() {\n if [ \"$1\" -gt 2 ]; then echo a; elif [[ $1 == x* && -n $2 ]]; then echo b; else echo c; fi\n"
      " case $1 in\n a|b) echo 1;;\n c) echo 2;&\n d) echo 4;;&\n *) echo 3;;&\n esac\n"
      " for ((i=0; i<3; i++)); do continue; done\n for x; do break 2; done\n while read -r a; do :; done <<< \"$s\"\n"
      " g | h && ! k || l\n}\n");
  const Function& f = only_function(s);
  ASSERT_EQ(f.body.size(), 6u);
  const Command& if_ = f.body[0];
  EXPECT_EQ(if_.kind, Command::Kind::kIf);
  EXPECT_EQ(if_.blocks.size(), 5u);
  EXPECT_TRUE(if_.has_else);
  EXPECT_EQ(if_.blocks[0].at(0).words.size(), 5u);  // [ "$1" -gt 2 ]
  EXPECT_EQ(if_.blocks[2].at(0).kind, Command::Kind::kCond);
  EXPECT_EQ(if_.blocks[2].at(0).cond->kind, Cond::Kind::kAnd);
  const Command& case_ = f.body[1];
  ASSERT_EQ(case_.items.size(), 4u);
  EXPECT_EQ(case_.items[2].end, CaseItem::End::kTestNext);
  EXPECT_EQ(case_.items[0].patterns.size(), 2u);
  EXPECT_EQ(case_.items[1].end, CaseItem::End::kFallThrough);
  // `;;&` on the last item means `;;` (tree-sitter cannot parse it there; the lowering rewrites it).
  EXPECT_EQ(case_.items[3].end, CaseItem::End::kBreak);
  EXPECT_EQ(f.body[2].kind, Command::Kind::kArithFor);
  EXPECT_EQ(f.body[2].ariths.size(), 3u);
  EXPECT_EQ(f.body[3].kind, Command::Kind::kFor);
  EXPECT_EQ(f.body[3].words.at(0).parts.at(0).param->name, "@");
  EXPECT_EQ(f.body[4].kind, Command::Kind::kWhile);
  EXPECT_EQ(f.body[4].redirects.at(0).kind, Redirect::Kind::kHereString);
  EXPECT_EQ(f.body[5].kind, Command::Kind::kOr);
}

TEST(Lower, UnsupportedConstructsAreNamedAndTheRestStillLowers) {
  Script s = lowered("ok() { echo fine; }\nbad() {\n  local x\n  coproc cat\n}\nworse() { eval \"$1\"; }\n");
  ASSERT_EQ(s.functions.size(), 1u);
  EXPECT_EQ(s.functions[0].name, "ok");
  ASSERT_EQ(s.refused.size(), 2u);
  EXPECT_EQ(s.refused[0].function, "bad");
  EXPECT_EQ(s.refused[0].construct, "coproc");
  EXPECT_EQ(s.refused[0].pos.line, 4u);
  EXPECT_EQ(s.refused[0].pos.col, 3u);
  EXPECT_EQ(s.refused[1].construct, "eval");
}

TEST(Lower, SyntaxErrorNamesFileLineAndColumn) {
  try {
    lowered("f() {\n  if true; then echo x\n}\n");
    FAIL() << "no syntax error";
  } catch (const BashSyntaxError& e) {
    EXPECT_EQ(std::string(e.what()).substr(0, 5), "t.sh:") << e.what();
    EXPECT_NE(std::string(e.what()).find("syntax error"), std::string::npos) << e.what();
  }
}

TEST(Lower, ConstantGlobalsAreKeptAndMainIsCounted) {
  Script s = lowered("LIMIT=10\nname='x y'\nf() { echo $LIMIT; }\nf 5\ndyn=$(date)\n");
  ASSERT_EQ(s.globals.size(), 2u);
  EXPECT_EQ(s.globals[0].name, "LIMIT");
  EXPECT_EQ(s.top_level_commands, 2u);
}

}  // namespace
}  // namespace testgen::bash

namespace testgen::bash {
namespace {
TEST(Lower, ExpansionsInsideArithmeticTextKeepTheirNames) {
  Script s = lowered("f() { echo $(( $num * 2 )); }\n");
  const Function& f = only_function(s);
  const Arith& a = *f.body.at(0).words.at(1).parts.at(0).arith;
  ASSERT_EQ(a.kind, Arith::Kind::kText);
  // " $num * 2 ": the blank before `$` stays a literal (tree-sitter puts it inside the expansion node).
  ASSERT_EQ(a.text->parts.size(), 3u);
  EXPECT_EQ(a.text->parts[0].text, " ");
  EXPECT_EQ(a.text->parts[1].kind, WordPart::Kind::kParam);
  EXPECT_EQ(a.text->parts[1].param->name, "num");
  EXPECT_EQ(a.text->parts[2].text, " * 2 ");
}
}  // namespace
}  // namespace testgen::bash

namespace testgen::bash {
namespace {
// tree-sitter-bash reads `x=$a/$1` as `x=$a/$` and a command `1`.
TEST(Lower, AssignmentEndingInAPositionalParameterIsWhole) {
  Script s = lowered("f() {\n  local p=$x/$1\n  [ -x $x/$1 ] && { PROG=$x/$1; break; }\n  t=$1/$2\n}\n");
  const Function& f = only_function(s);
  ASSERT_EQ(f.body.size(), 3u);
  const Word& p = f.body[0].assignments.at(0).value;
  ASSERT_EQ(p.parts.size(), 3u);
  EXPECT_EQ(p.parts[2].param->name, "1");
  EXPECT_EQ(f.body[0].assignments.size(), 1u);
  const Command& group = f.body[1].blocks.at(1).at(0);
  ASSERT_EQ(group.blocks.at(0).size(), 2u);
  const Command& assign = group.blocks[0][0];
  EXPECT_TRUE(assign.words.empty());
  EXPECT_EQ(assign.assignments.at(0).value.parts.back().param->name, "1");
  EXPECT_TRUE(f.body[2].words.empty());
  EXPECT_EQ(f.body[2].assignments.at(0).value.parts.back().param->name, "2");
}
}  // namespace
}  // namespace testgen::bash
