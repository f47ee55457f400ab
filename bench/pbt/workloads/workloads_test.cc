// The benchmark is only as good as its workloads: without a planted bug
// every property holds on many valid inputs, and every planted bug breaks
// at least one property (else a strategy could "solve" nothing or the
// table would hide a broken workload).
#include <gtest/gtest.h>

#include "gens_testgen.h"
#include "gens_testgen_rbt.h"
#include "gens_testgen_stlc.h"
#include "testgen/property.h"

namespace pbt {
namespace {

namespace tg = testgen_gens;
namespace g = testgen::gen;

testgen::PropertyOptions options(const std::string& name, int tests) {
  testgen::PropertyOptions o;
  o.name = name;
  o.tests = tests;
  o.use_database = false;
  o.read_environment = false;
  o.shrink_calls = 0;
  o.log = [](const std::string&) {};
  return o;
}

// Bespoke inputs for every property of a workload, as the runners draw them.
auto bst_args() {
  return g::tuple(tg::bespoke_bst(), tg::bespoke_bst(), tg::bespoke_bst(), tg::small_key(), tg::small_key(),
                  tg::small_key(), tg::small_key());
}
bool bst_holds(const std::string& property, const auto& a) {
  const bst::Args in{std::get<0>(a), std::get<1>(a), std::get<2>(a), static_cast<int>(std::get<3>(a)),
                     static_cast<int>(std::get<4>(a)), static_cast<int>(std::get<5>(a)),
                     static_cast<int>(std::get<6>(a))};
  const auto v = bst::check(property, in);
  testgen::assume(v.has_value());
  return *v;
}

auto rbt_args() {
  return g::tuple(tg::bespoke_rbt(), tg::rbt_key(), tg::rbt_key(), tg::small_key(), tg::small_key());
}
bool rbt_holds(const std::string& property, const auto& a) {
  const rbt::Args in{std::get<0>(a), static_cast<int>(std::get<1>(a)), static_cast<int>(std::get<2>(a)),
                     static_cast<int>(std::get<3>(a)), static_cast<int>(std::get<4>(a))};
  const auto v = rbt::check(property, in);
  testgen::assume(v.has_value());
  return *v;
}

bool stlc_holds(const std::string& property, const stlc::Expr& e) {
  const auto v = stlc::check(property, e);
  testgen::assume(v.has_value());
  return *v;
}

TEST(Workloads, EveryPropertyHoldsWithoutAMutant) {
  bst::select_mutant("");
  rbt::select_mutant("");
  stlc::select_mutant("");
  for (const std::string& p : bst::properties()) {
    auto r = testgen::check(bst_args(), [&](const auto& a) { return bst_holds(p, a); }, options("bst." + p, 2000));
    EXPECT_TRUE(r.passed) << r.report();
  }
  for (const std::string& p : rbt::properties()) {
    auto r = testgen::check(rbt_args(), [&](const auto& a) { return rbt_holds(p, a); }, options("rbt." + p, 2000));
    EXPECT_TRUE(r.passed) << r.report();
  }
  for (const std::string& p : stlc::properties()) {
    auto r = testgen::check(tg::bespoke_stlc(), [&](const stlc::Expr& e) { return stlc_holds(p, e); },
                            options("stlc." + p, 2000));
    EXPECT_TRUE(r.passed) << r.report();
  }
}

// Some property fails on some bespoke input within the budget.
template <class Args, class Holds>
bool caught(const std::vector<std::string>& properties, const std::string& name, Args args, Holds holds) {
  for (const std::string& p : properties) {
    auto r = testgen::check(args, [&](const auto& a) { return holds(p, a); }, options(name + "." + p, 3000));
    if (!r.passed) return true;
  }
  return false;
}

TEST(Workloads, EveryMutantBreaksSomeProperty) {
  for (const std::string& m : bst::mutants()) {
    bst::select_mutant(m);
    EXPECT_TRUE(caught(bst::properties(), "bst." + m, bst_args(), [](const std::string& p, const auto& a) { return bst_holds(p, a); }))
        << "bst mutant " << m;
  }
  bst::select_mutant("");
  for (const std::string& m : rbt::mutants()) {
    rbt::select_mutant(m);
    EXPECT_TRUE(caught(rbt::properties(), "rbt." + m, rbt_args(), [](const std::string& p, const auto& a) { return rbt_holds(p, a); }))
        << "rbt mutant " << m;
  }
  rbt::select_mutant("");
  for (const std::string& m : stlc::mutants()) {
    stlc::select_mutant(m);
    EXPECT_TRUE(caught(stlc::properties(), "stlc." + m, tg::bespoke_stlc(),
                       [](const std::string& p, const stlc::Expr& e) { return stlc_holds(p, e); }))
        << "stlc mutant " << m;
  }
  stlc::select_mutant("");
}

TEST(Workloads, RedBlackInvariantsAreChecked) {
  using rbt::Color;
  const auto red = [](rbt::Tree l, int k, rbt::Tree r) { return rbt::node(Color::kRed, l, k, 0, r); };
  const auto black = [](rbt::Tree l, int k, rbt::Tree r) { return rbt::node(Color::kBlack, l, k, 0, r); };
  EXPECT_TRUE(rbt::is_rbt(black(red(nullptr, 1, nullptr), 2, red(nullptr, 3, nullptr))));
  EXPECT_FALSE(rbt::is_rbt(black(red(red(nullptr, 0, nullptr), 1, nullptr), 2, nullptr)));  // red under red
  EXPECT_FALSE(rbt::is_rbt(black(black(nullptr, 1, nullptr), 2, nullptr)));               // black heights differ
  EXPECT_FALSE(rbt::is_rbt(black(red(nullptr, 3, nullptr), 2, nullptr)));                 // out of order
}

TEST(Workloads, SubstitutionOfTheTopVariable) {
  stlc::select_mutant("");
  // (\x:Bool. \y:Bool. x) true steps to \y:Bool. true, type Bool -> Bool.
  const stlc::Expr k = stlc::abs(stlc::bool_type(), stlc::abs(stlc::bool_type(), stlc::var(1)));
  const auto next = stlc::step(stlc::app(k, stlc::lit(true)));
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(stlc::show(*next), "(\\Bool. true)");
  // Under a binder, a free variable of the argument is shifted past it.
  const stlc::Expr under = stlc::app(stlc::abs(stlc::bool_type(), stlc::abs(stlc::bool_type(), stlc::var(1))), stlc::var(0));
  EXPECT_EQ(stlc::show(*stlc::step(under)), "(\\Bool. #1)");
}

}  // namespace
}  // namespace pbt
