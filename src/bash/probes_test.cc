#include "probes.h"

#include <gtest/gtest.h>

#include "lower.h"

namespace testgen::bash {
namespace {

struct Probed {
  Script script;
  Signature sig;
  InputModel model;
};

Probed of(const std::string& text) {
  Probed p{lower_script("t.sh", text), {}, {}};
  EXPECT_EQ(p.script.functions.size(), 1u);
  p.sig = infer_signature(p.script.functions.at(0), {p.script.functions.at(0).name});
  p.model = model_function(p.script.functions.at(0));
  return p;
}

const Probe* named(const std::vector<Probe>& ps, const std::string& name) {
  for (const Probe& p : ps)
    if (p.name == name) return &p;
  return nullptr;
}

TEST(Probes, BothSidesAndTheBoundaryOfAnIntegerTest) {
  Probed p = of("fact() {\n local n=$1\n if [ $n -le 1 ]; then echo 1; else echo 2; fi\n}\n");
  std::vector<Probe> ps = branch_probes(p.script.functions[0], p.sig, p.model);
  const Probe* below = named(ps, "branch_n_lt_1");
  const Probe* at = named(ps, "boundary_n_eq_1");
  const Probe* above = named(ps, "branch_n_gt_1");
  ASSERT_TRUE(below && at && above);
  EXPECT_EQ(below->call.args, std::vector<std::string>{"0"});
  EXPECT_EQ(at->call.args, std::vector<std::string>{"1"});
  EXPECT_EQ(above->call.args, std::vector<std::string>{"2"});
  EXPECT_NE(below->why.find("`[ $n -le 1 ]` is true for n = 0"), std::string::npos) << below->why;
  EXPECT_NE(above->why.find("is false for n = 2"), std::string::npos) << above->why;
}

TEST(Probes, ConstantOnTheLeftAndArithmeticConditions) {
  Probed p = of("f() {\n if (( 10 < $1 )); then echo big; fi\n}\n");
  std::vector<Probe> ps = branch_probes(p.script.functions[0], p.sig, p.model);
  // 10 < x is x > 10.
  const Probe* above = named(ps, "branch_arg1_gt_10");
  ASSERT_TRUE(above);
  EXPECT_EQ(above->call.args, std::vector<std::string>{"11"});
  EXPECT_EQ(above->why.find("__positional"), std::string::npos) << above->why;
}

TEST(Probes, StringTestsAndCaseArms) {
  Probed p = of("f() {\n [ -z \"$1\" ] && return 1\n case $1 in\n  start) echo s ;;\n  st?p) echo t ;;\n esac\n}\n");
  std::vector<Probe> ps = branch_probes(p.script.functions[0], p.sig, p.model);
  ASSERT_TRUE(named(ps, "branch_arg1_empty"));
  EXPECT_EQ(named(ps, "branch_arg1_empty")->call.args, std::vector<std::string>{""});
  ASSERT_TRUE(named(ps, "case_arg1_start"));
  ASSERT_TRUE(named(ps, "case_arg1_stap"));  // `?` as one letter
  EXPECT_TRUE(named(ps, "case_arg1_no_arm"));
}

TEST(Probes, EdgesPerParameterType) {
  Probed p = of("f() {\n local n=$1 s=\"$2\"\n echo $((n + 1)) \"$s\"\n}\n");
  std::vector<Probe> ps = edge_probes(p.sig, p.model);
  ASSERT_TRUE(named(ps, "edge_n_max"));
  EXPECT_EQ(named(ps, "edge_n_max")->call.args.at(0), "9223372036854775807");
  EXPECT_EQ(named(ps, "edge_n_min")->call.args.at(0), "-9223372036854775808");
  ASSERT_TRUE(named(ps, "edge_s_empty"));
  EXPECT_EQ(named(ps, "edge_s_empty")->call.args.at(1), "");
  EXPECT_EQ(named(ps, "edge_s_empty")->call.args.at(0), p.sig.params[0].integer ? "1" : "abc");
  EXPECT_FALSE(named(ps, "edge_n_empty"));  // an integer parameter gets no string edges
}

TEST(Probes, ValueIdentifiers) {
  EXPECT_EQ(value_ident("-1"), "minus_1");
  EXPECT_EQ(value_ident(""), "empty");
  EXPECT_EQ(value_ident("a b/C"), "a_b_c");
  EXPECT_EQ(value_ident("**"), "symbols");
}

}  // namespace
}  // namespace testgen::bash
