#include <gtest/gtest.h>

#include <sstream>

#include "c_literal.h"
#include "c_type.h"
#include "emitter.h"
#include "test_case.h"
#include "type_names.h"
#include "value.h"

namespace testgen::abi {
namespace {

TEST(TypeNames, DeclaratorsNestTheWayCDoes) {
  TypeNames names("p");
  const TypePtr ptr_to_array = pointer_to(array_of(scalar(Kind::kInt), 3));
  const TypePtr fn = function_pointer(scalar(Kind::kDouble), {scalar(Kind::kChar)}, false);
  const TypePtr array_of_fn = array_of(fn, 2);
  const TypePtr fn_returning_ptr = function_pointer(pointer_to(scalar(Kind::kInt)), {}, true);
  EXPECT_EQ(names.declare(*ptr_to_array, "x"), "int (*x)[3]");
  EXPECT_EQ(names.declare(*array_of_fn, "x"), "double (*x[2])(char)");
  EXPECT_EQ(names.declare(*pointer_to(fn), "x"), "double (**x)(char)");
  EXPECT_EQ(names.declare(*fn_returning_ptr, "x"), "int *(*x)(...)");
  EXPECT_EQ(names.spell(*fn), "double (*)(char)");
  EXPECT_EQ(names.spell(*pointer_to(scalar(Kind::kVoid))), "void *");
}

TEST(TypeNames, AggregatesAreDefinedInnerFirstWithAttributes) {
  const TypePtr inner = packed(aggregate(Kind::kStruct, {scalar(Kind::kChar), scalar(Kind::kInt)}));
  const TypePtr outer = aggregate(Kind::kUnion, {inner, aligned(scalar(Kind::kShort), 8),
                                                 bitfield(scalar(Kind::kInt), 0), bitfield(scalar(Kind::kUInt), 3)});
  TypeNames names("p");
  names.add(outer);
  ASSERT_EQ(names.tagged().size(), 2u);
  EXPECT_EQ(names.definition(*names.tagged()[0]), "struct __attribute__((packed)) p_s1 { char a; int b; };");
  EXPECT_EQ(names.definition(*names.tagged()[1]),
            "union p_s2 { struct p_s1 a; short b __attribute__((aligned(8))); "
            "signed int : 0; unsigned int d : 3; };");
}

TEST(TypeNames, PackedMembersCarryTheirAttributeOnTheMember) {
  const TypePtr outer = aggregate(Kind::kStruct, {scalar(Kind::kChar), packed(scalar(Kind::kLongLong)),
                                                  aligned(packed(scalar(Kind::kLongLong)), 4)});
  TypeNames names("p");
  names.add(outer);
  ASSERT_EQ(names.tagged().size(), 1u);
  EXPECT_EQ(names.definition(*names.tagged()[0]),
            "struct p_s1 { char a; long long b __attribute__((packed)); "
            "long long c __attribute__((packed, aligned(4))); };");
}

TEST(TypeNames, EnumsNameTheirEnumerators) {
  const TypePtr e = enumeration({-2, -1, 0});
  TypeNames names("p");
  names.add(e);
  EXPECT_EQ(names.definition(*e), "enum p_e1 { p_e1_0 = -2, p_e1_1 = -1, p_e1_2 = 0 };");
}

TEST(CTypes, RulesOfCAreEnforced) {
  EXPECT_THROW(bitfield(scalar(Kind::kInt), 33), TypeError);
  EXPECT_THROW(bitfield(scalar(Kind::kDouble), 3), TypeError);
  EXPECT_THROW(array_of(scalar(Kind::kVoid), 2), TypeError);
  EXPECT_THROW(aligned(scalar(Kind::kInt), 3), TypeError);
  EXPECT_THROW(with_unsigned(scalar(Kind::kFloat)), TypeError);
  EXPECT_EQ(with_unsigned(scalar(Kind::kChar))->kind, Kind::kUChar);
  Signature s{.args = {bitfield(scalar(Kind::kInt), 3)}, .result = scalar(Kind::kVoid)};
  try {
    validate(s);
    FAIL() << "a bitfield parameter was accepted";
  } catch (const TypeError& e) {
    EXPECT_STREQ(e.what(), "parameter 0: a bitfield outside a struct or union");
  }
  s.args = {scalar(Kind::kInt)};
  s.result = array_of(scalar(Kind::kInt), 2);
  EXPECT_THROW(validate(s), TypeError);
}

TEST(CTypes, VarargsGetAnAnchorAfterPromotedParameters) {
  Signature s{.args = {scalar(Kind::kFloat)}, .varargs = {scalar(Kind::kInt)}, .result = scalar(Kind::kVoid)};
  EXPECT_TRUE(add_vararg_anchor(s));
  ASSERT_EQ(s.args.size(), 2u);
  EXPECT_EQ(s.args[1]->kind, Kind::kInt);
  EXPECT_FALSE(add_vararg_anchor(s));  // int is left alone by promotion
  Signature none{.varargs = {scalar(Kind::kDouble)}, .result = scalar(Kind::kVoid)};
  EXPECT_TRUE(add_vararg_anchor(none));
  Signature plain{.args = {scalar(Kind::kChar)}, .result = scalar(Kind::kVoid)};
  EXPECT_FALSE(add_vararg_anchor(plain));  // not variadic
}

TEST(Literals, IntegersAreExactAtEveryBoundary) {
  EXPECT_EQ(integer_literal(Kind::kLongLong, INT64_MIN), "(long long)(-9223372036854775807LL - 1)");
  EXPECT_EQ(integer_literal(Kind::kInt, -5), "(int)-5LL");
  EXPECT_EQ(integer_literal(Kind::kULongLong, static_cast<Int128>(UINT64_MAX)), "(unsigned long long)0xffffffffffffffffULL");
  EXPECT_EQ(integer_literal(Kind::kBool, 1), "(_Bool)1");
  EXPECT_EQ(integer_literal(Kind::kInt128, -1),
            "(__int128)(((unsigned __int128)0xffffffffffffffffULL << 64) | 0xffffffffffffffffULL)");
}

TEST(Literals, FloatsAreHexadecimalAndNaNsGoThroughBits) {
  TypeNames names("p");
  Value v;
  v.real = FloatValue{.negative = true, .mantissa = 3, .exponent = -2};
  EXPECT_EQ(store_leaf(*scalar(Kind::kFloat), v, "x", names), "x = -0x3p-2f;");
  v.real = FloatValue{.cls = FloatValue::Class::kInfinite};
  EXPECT_EQ(store_leaf(*scalar(Kind::kLongDouble), v, "x", names), "x = HUGE_VALL;");
  v.real = FloatValue{.cls = FloatValue::Class::kNaN, .nan_bits = 0x7fc00001};
  EXPECT_EQ(store_leaf(*scalar(Kind::kFloat), v, "x", names),
            "{ uint32_t q_u = 0x7fc00001u; float q_f; memcpy(&q_f, &q_u, sizeof q_f); x = q_f; }");
}

// Draws `n` values of `type` from consecutive seeds.
std::vector<Value> draws(const TypePtr& type, int n, ValueMode mode = ValueMode::kFull) {
  std::vector<Value> out;
  for (int i = 0; i < n; ++i) {
    ChoiceTree tree;
    Source source(tree, SourceOptions{.seed = static_cast<uint64_t>(i)});
    int leaf = 0;
    out.push_back(draw_value(*type, source.root(), mode, leaf));
  }
  return out;
}

TEST(Values, CoverTheFullRangeOfIntegers) {
  bool negative = false, upper_half = false;
  for (const Value& v : draws(scalar(Kind::kLongLong), 400)) {
    negative |= v.integer < 0;
    upper_half |= v.integer > (Int128{1} << 40);
  }
  EXPECT_TRUE(negative);
  EXPECT_TRUE(upper_half);
  for (const Value& v : draws(scalar(Kind::kUShort), 200)) {
    ASSERT_GE(v.integer, 0);
    ASSERT_LE(v.integer, 0xffff);
  }
}

TEST(Values, BitfieldsFitTheirWidthAndGoNegative) {
  const TypePtr s = aggregate(Kind::kStruct, {bitfield(scalar(Kind::kInt), 3), bitfield(scalar(Kind::kUInt), 5)});
  bool negative = false;
  for (const Value& v : draws(s, 300)) {
    ASSERT_GE(v.parts[0].integer, -4);
    ASSERT_LE(v.parts[0].integer, 3);
    ASSERT_GE(v.parts[1].integer, 0);
    ASSERT_LE(v.parts[1].integer, 31);
    negative |= v.parts[0].integer < 0;
  }
  EXPECT_TRUE(negative);
}

TEST(Values, FloatsIncludeSignedZeroDenormalsInfinitiesAndQuietNaNs) {
  bool minus_zero = false, denormal = false, inf = false, nan = false;
  for (const Value& v : draws(scalar(Kind::kDouble), 600)) {
    const FloatValue& f = v.real;
    minus_zero |= f.cls == FloatValue::Class::kFinite && f.negative && f.mantissa == 0;
    denormal |= f.cls == FloatValue::Class::kFinite && f.exponent == -1074 && f.mantissa > 0;
    inf |= f.cls == FloatValue::Class::kInfinite;
    if (f.cls == FloatValue::Class::kNaN) {
      nan = true;
      ASSERT_EQ(f.nan_bits & 0x7ff8000000000000ull, 0x7ff8000000000000ull) << "not a quiet NaN";
    }
  }
  EXPECT_TRUE(minus_zero);
  EXPECT_TRUE(denormal);
  EXPECT_TRUE(inf);
  EXPECT_TRUE(nan);
}

TEST(Values, AFloatPassedThroughVarargsIsNeverANaNWithAPayload) {
  TestCase test;
  test.signature = Signature{.args = {scalar(Kind::kFloat)}, .varargs = {scalar(Kind::kFloat)}, .result = scalar(Kind::kVoid)};
  bool named_payload = false, canonical = false;
  for (uint64_t seed = 0; seed < 400; ++seed) {
    ChoiceTree tree;
    Source source(tree, SourceOptions{.seed = seed});
    draw_values(test, source.root(), ValueMode::kFull);
    const FloatValue& named = test.arg_values[0].real;
    const FloatValue& promoted = test.vararg_values[0].real;
    named_payload |= named.cls == FloatValue::Class::kNaN && named.nan_bits != 0x7fc00000u;
    if (promoted.cls == FloatValue::Class::kNaN) {
      EXPECT_EQ(promoted.nan_bits, 0x7fc00000u) << "seed " << seed << ": RISC-V's conversions drop payloads";
      canonical = true;
    }
  }
  EXPECT_TRUE(named_payload) << "a named float keeps its payload";
  EXPECT_TRUE(canonical);
}

TEST(Values, PatternModeNamesFieldAndByte) {
  const TypePtr s = aggregate(Kind::kStruct, {scalar(Kind::kInt), scalar(Kind::kUShort)});
  const Value v = draws(s, 1, ValueMode::kPattern)[0];
  EXPECT_EQ(static_cast<uint32_t>(v.parts[0].integer), 0x13121110u);  // leaf 0 -> nibble 1
  EXPECT_EQ(v.parts[1].integer, 0x2120);                              // leaf 1 -> nibble 2
}

TEST(Values, TheSameTreeGivesTheSameValue) {
  const TypePtr s = aggregate(Kind::kUnion, {scalar(Kind::kDouble), scalar(Kind::kComplexFloat), scalar(Kind::kInt128)});
  EXPECT_EQ(draws(s, 30), draws(s, 30));
}

// One int argument, emitted in the given check style.
std::string emit_one_int_case(CheckStyle checks) {
  std::ostringstream out;
  Emitter emitter(out, nullptr, EmitOptions{.checks = checks, .header = {"hello"}});
  TestCase test{.seed = 42, .signature = {.args = {scalar(Kind::kInt)}, .result = scalar(Kind::kVoid)}};
  ChoiceTree tree;
  Source source(tree, SourceOptions{.seed = 1});
  draw_values(test, source.root(), ValueMode::kFull);
  emitter.add(test);
  emitter.finish();
  return out.str();
}

TEST(Emitter, StreamsCasesAndCapsTheExitStatus) {
  const std::string text = emit_one_int_case(CheckStyle::kTable);
  EXPECT_EQ(text.rfind("/* hello */\n", 0), 0u);
  EXPECT_NE(text.find("/* seed: 42 */"), std::string::npos);
  EXPECT_NE(text.find("q_case = 0; q2a_caller();"), std::string::npos);
  EXPECT_EQ(exit_status_for(3), 3);
  EXPECT_EQ(exit_status_for(1000), 125);
}

TEST(Emitter, TableChecksCompareTheCopiesTheCalleeMadeInOneCall) {
  const std::string text = emit_one_int_case(CheckStyle::kTable);
  EXPECT_NE(text.find("q2a_got0 = arg0;"), std::string::npos) << text;
  EXPECT_NE(text.find("static const char *const q_n[] = {\"arg0\",};"), std::string::npos) << text;
  EXPECT_NE(text.find("q_check_all(q_fn, q_n, q_p, q_s, 1);"), std::string::npos) << text;
  EXPECT_EQ(text.find("Q_CHECK(int,"), std::string::npos);
}

TEST(Emitter, StatementChecksCompareEachLeafInPlace) {
  const std::string text = emit_one_int_case(CheckStyle::kStatements);
  EXPECT_NE(text.find("Q_CHECK(int, q2a_arg0, arg0, \"arg0\");"), std::string::npos) << text;
  EXPECT_EQ(text.find("q_check_all(q_fn, q_n"), std::string::npos);
}

}  // namespace
}  // namespace testgen::abi
