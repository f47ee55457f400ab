#include "cargo_runs.h"

#include <gtest/gtest.h>

namespace testgen::bash {
namespace {

TEST(CargoRuns, ReadsEachTestsOutcomeByBinary) {
  std::string out =
      "     Running unittests src/lib.rs (target/debug/deps/fib-1234)\n\nrunning 0 tests\n"
      "     Running tests/fib_test.rs (target/debug/deps/fib_test-5678)\n\nrunning 2 tests\n"
      "test test_branch_n_lt_0 ... ok\ntest test_edge_n_max ... FAILED\n"
      "     Running tests/fib_properties.rs (target/debug/deps/fib_properties-9abc)\n"
      "test prop_bounds ... ok\n"
      "   Doc-tests fib\n\nrunning 1 test\ntest src/fib.rs - fib::fib (line 22) ... FAILED\n";
  std::map<std::string, std::string> o = test_outcomes(out);
  EXPECT_EQ(o.at("fib_test::test_branch_n_lt_0"), "ok");
  EXPECT_EQ(o.at("fib_test::test_edge_n_max"), "FAILED");
  EXPECT_EQ(o.at("fib_properties::prop_bounds"), "ok");
  EXPECT_EQ(o.at("doc::src/fib.rs - fib::fib (line 22)"), "FAILED");
  EXPECT_EQ(o.size(), 4u);
}

}  // namespace
}  // namespace testgen::bash
