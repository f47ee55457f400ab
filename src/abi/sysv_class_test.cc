#include "sysv_class.h"

#include <gtest/gtest.h>

namespace testgen::abi {
namespace {

TypePtr s(std::vector<TypePtr> members) { return aggregate(Kind::kStruct, std::move(members)); }
TypePtr u(std::vector<TypePtr> members) { return aggregate(Kind::kUnion, std::move(members)); }
TypePtr k(Kind kind) { return scalar(kind); }
std::string mix(const TypePtr& t) { return class_mix(classify(*t)); }

// The examples are the psABI's rules applied by hand (and what gcc does).
TEST(SysvClass, EightbytesAreClassedAsThePsabiSays) {
  EXPECT_EQ(mix(s({k(Kind::kDouble), k(Kind::kDouble)})), "SSE+SSE");
  EXPECT_EQ(mix(s({k(Kind::kInt), k(Kind::kFloat)})), "INTEGER");  // one eightbyte, INTEGER wins
  EXPECT_EQ(mix(s({k(Kind::kFloat), k(Kind::kFloat), k(Kind::kLong)})), "SSE+INTEGER");
  EXPECT_EQ(mix(s({k(Kind::kLongDouble)})), "X87+X87UP");
  EXPECT_EQ(mix(s({array_of(k(Kind::kChar), 17)})), "MEMORY");  // over 16 bytes
  EXPECT_EQ(mix(u({k(Kind::kDouble), k(Kind::kLong)})), "INTEGER");
  EXPECT_EQ(mix(s({bitfield(k(Kind::kInt), 3)})), "INTEGER");
  EXPECT_EQ(mix(packed(s({k(Kind::kChar), k(Kind::kInt)}))), "MEMORY");  // an unaligned int
  EXPECT_EQ(mix(s({k(Kind::kLong), k(Kind::kLongDouble)})), "MEMORY");  // 32 bytes
  EXPECT_EQ(mix(k(Kind::kComplexDouble)), "SSE+SSE");
  EXPECT_EQ(mix(k(Kind::kInt128)), "INTEGER+INTEGER");
  EXPECT_EQ(mix(s({})), "NONE");
}

TEST(SysvClass, LayoutFollowsAlignmentBitfieldsAndAttributes) {
  EXPECT_EQ(layout_of(*s({k(Kind::kChar), k(Kind::kDouble)})).size, 16u);
  EXPECT_EQ(layout_of(*packed(s({k(Kind::kChar), k(Kind::kDouble)}))).size, 9u);
  EXPECT_EQ(layout_of(*aligned(s({k(Kind::kChar)}), 32)).size, 32u);
  // 5 + 6 bits share an int; 30 more bits do not fit beside them.
  EXPECT_EQ(layout_of(*s({bitfield(k(Kind::kInt), 5), bitfield(k(Kind::kInt), 6), bitfield(k(Kind::kInt), 30)})).size,
            8u);
  EXPECT_EQ(layout_of(*s({k(Kind::kChar), bitfield(k(Kind::kInt), 0), k(Kind::kChar)})).size, 5u);
  EXPECT_EQ(layout_of(*u({k(Kind::kChar), k(Kind::kLongDouble)})).align, 16u);
  EXPECT_EQ(layout_of(*array_of(k(Kind::kShort), 0)).size, 0u);
}

// A packed member in an unpacked struct sits at alignment 1 (or at the
// alignment given with it), so a long long can straddle two eightbytes.
TEST(SysvClass, PackedAndUnderAlignedMembersMoveTheFieldsAfterThem) {
  const TypePtr packed_ll = s({k(Kind::kChar), packed(k(Kind::kLongLong))});
  EXPECT_EQ(layout_of(*packed_ll).size, 9u);
  EXPECT_EQ(layout_of(*packed_ll).align, 1u);
  EXPECT_EQ(mix(packed_ll), "MEMORY") << "an unaligned field";
  const TypePtr ll4 = s({k(Kind::kInt), aligned(packed(k(Kind::kLongLong)), 4)});
  EXPECT_EQ(layout_of(*ll4).size, 12u);
  EXPECT_EQ(layout_of(*ll4).align, 4u);
  // The same struct with a naturally aligned long long: 16 bytes in two INTEGER eightbytes.
  EXPECT_EQ(layout_of(*s({k(Kind::kInt), k(Kind::kLongLong)})).size, 16u);
  EXPECT_EQ(mix(s({k(Kind::kInt), k(Kind::kLongLong)})), "INTEGER+INTEGER");
}

TEST(SysvClass, ArgumentsSpillToTheStackWhenRegistersRunOut) {
  Signature sig{.args = std::vector<TypePtr>(7, k(Kind::kLong)), .result = k(Kind::kInt)};
  std::vector<Placement> p = place(sig);
  ASSERT_EQ(p.size(), 8u);
  EXPECT_FALSE(p[5].on_stack);
  EXPECT_TRUE(p[6].on_stack);  // rdi, rsi, rdx, rcx, r8, r9, then the stack
  EXPECT_EQ(p.back().position, "result");

  // A result in memory takes rdi for its address: the sixth long spills.
  sig = {.args = std::vector<TypePtr>(6, k(Kind::kLong)), .result = s({array_of(k(Kind::kLong), 3)})};
  p = place(sig);
  EXPECT_TRUE(p[5].on_stack);
  EXPECT_TRUE(p.back().on_stack);

  // A two-SSE struct does not go half in registers: with one SSE register left it all spills.
  sig = {.args = std::vector<TypePtr>(7, k(Kind::kDouble)), .result = k(Kind::kVoid)};
  sig.args.push_back(s({k(Kind::kDouble), k(Kind::kDouble)}));
  sig.args.push_back(k(Kind::kDouble));
  p = place(sig);
  EXPECT_TRUE(p[7].on_stack);
  EXPECT_FALSE(p[8].on_stack);  // the eighth SSE register is still free
  EXPECT_EQ(p[7].position, "param7");
  EXPECT_TRUE(place({.args = {s({k(Kind::kLongDouble)})}, .result = k(Kind::kVoid)})[0].on_stack);
}

}  // namespace
}  // namespace testgen::abi
