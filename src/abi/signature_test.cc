#include "signature.h"

#include <gtest/gtest.h>

namespace testgen::abi {
namespace {

TestCase sample() {
  const TypePtr inner = aggregate(Kind::kStruct, {scalar(Kind::kChar), array_of(scalar(Kind::kInt128), 2)});
  const TypePtr outer = aggregate(Kind::kUnion, {scalar(Kind::kFloat), inner});
  return TestCase{.seed = 1,
                  .signature = {.args = {scalar(Kind::kUShort), outer},
                                .varargs = {scalar(Kind::kComplexDouble)},
                                .result = aggregate(Kind::kStruct, {bitfield(scalar(Kind::kInt), 3)})}};
}

TEST(Signature, FieldPathsLeadToTheirLeaf) {
  const TestCase t = sample();
  EXPECT_EQ(leaf_at(t, "arg0")->kind, Kind::kUShort);
  EXPECT_EQ(leaf_at(t, "arg1.a")->kind, Kind::kFloat);
  EXPECT_EQ(leaf_at(t, "arg1.b.b[1]")->kind, Kind::kInt128);
  EXPECT_EQ(leaf_at(t, "vararg0:re")->kind, Kind::kComplexDouble);
  EXPECT_EQ(leaf_at(t, "result.a")->kind, Kind::kBitfield);
  EXPECT_EQ(leaf_at(t, "arg2"), nullptr);
  EXPECT_EQ(leaf_at(t, "arg1.z"), nullptr);
  EXPECT_EQ(leaf_at(t, "arg0[0]"), nullptr);
}

TEST(Signature, ClassesNameWhereAndWhatNotTheSeed) {
  EXPECT_EQ(type_class(*scalar(Kind::kInt128)), "int128");
  EXPECT_EQ(type_class(*scalar(Kind::kULong)), "uint64");
  EXPECT_EQ(type_class(*scalar(Kind::kChar)), "char");
  EXPECT_EQ(position_class("q1_callee", "arg1.b.b[1]"), "param member");
  EXPECT_EQ(position_class("q1_callee", "vararg0"), "vararg");
  EXPECT_EQ(position_class("q1_callee", "result.a"), "result member");
  EXPECT_EQ(position_class("layout", "sizeof:q1_e1"), "layout");

  const TestCase t = sample();
  const CompilerPair pair = parse_pair("gcc:clang");
  BuildOutcome o{.kind = BuildOutcome::Kind::kMismatch};
  o.mismatches.push_back(*parse_mismatch(
      "QUEST-MISMATCH case=0 seed=1 function=q1_callee field=arg1.b.b[1] expected=00 received=01"));
  // A member names the psABI class of the argument holding it (on x86_64).
  EXPECT_EQ(signature_of(t, pair, "x86_64", o).key(), "gcc:clang|x86_64|mismatch|param member|int128 in union MEMORY");
  EXPECT_EQ(signature_of(t, pair, "aarch64", o).key(), "gcc:clang|aarch64|mismatch|param member|int128 in union");
  o.mismatches[0] = *parse_mismatch("QUEST-MISMATCH case=0 seed=9 function=layout field=sizeof:q9_e1 expected=04 received=01");
  EXPECT_EQ(signature_of(t, pair, "x86_64", o).key(), "gcc:clang|x86_64|mismatch|layout|sizeof enum");
  BuildOutcome crash{.kind = BuildOutcome::Kind::kCrash};
  EXPECT_EQ(signature_of(t, pair, "aarch64", crash).key(), "gcc:clang|aarch64|crash||");
  crash.detail = "killed by SIGSEGV";
  EXPECT_EQ(signature_of(t, pair, "x86_64", crash).key(), "gcc:clang|x86_64|crash||SIGSEGV");
  // Where the program was: two crashes in different places are two bugs.
  crash.crash_stage = "callee arg 1";
  EXPECT_EQ(signature_of(t, pair, "x86_64", crash).key(),
            "gcc:clang|x86_64|crash|callee reading param|SIGSEGV union MEMORY");
  crash.crash_stage = "callee vararg 0";
  EXPECT_EQ(signature_of(t, pair, "x86_64", crash).key(),
            "gcc:clang|x86_64|crash|callee reading vararg|SIGSEGV complex double");
  crash.crash_stage = "caller call";
  EXPECT_EQ(signature_of(t, pair, "x86_64", crash).key(), "gcc:clang|x86_64|crash|call|SIGSEGV");
  crash.crash_stage = "callee arg 7";  // no such argument: the stage as it is
  EXPECT_EQ(signature_of(t, pair, "x86_64", crash).key(), "gcc:clang|x86_64|crash|callee arg 7|SIGSEGV");
  BuildOutcome ice{.kind = BuildOutcome::Kind::kCalleeCompileError,
                   .detail = "exit 1: case-callee.c:54: error: ';' expected (got \"q1_arg0\")\nmore"};
  EXPECT_EQ(signature_of(t, pair, "x86_64", ice).key(),
            "gcc:clang|x86_64|callee-compile-error||error: ';' expected (got \"NAME\")");
  EXPECT_EQ(message_class("exit 1: t.c:3:1: internal compiler error: in f, at x.c:12 | q12_s3"),
            "internal compiler error: in f, at x.c:N / NAME");
  EXPECT_EQ(message_class("exit 1: nothing to see"), "");
}

}  // namespace
}  // namespace testgen::abi
