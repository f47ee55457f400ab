// TESTGEN_PROP and TESTGEN_PROP_F as a user writes them, and what a failing
// one reports: gtest's own assertion message on the shrunk input, then
// testgen's report with the command that replays it.
#include "testgen/gtest.h"

#include <gtest/gtest-spi.h>

#include <string>
#include <vector>

namespace g = testgen::gen;

namespace {

// No failure database and no environment for this binary's properties: a
// test of the adaptor must not depend on the shell it runs in.
const bool kQuiet = [] {
  testgen::gtest_options().use_database = false;
  testgen::gtest_options().read_environment = false;
  testgen::gtest_options().log = [](const std::string&) {};
  return true;
}();

TESTGEN_PROP(GtestAdaptorTest, AssertionsInsideAPassingProperty, (g::choose(0, 50), g::elements<std::string>({"a", "b"})),
             (int64_t n, const std::string& s) {
               EXPECT_LE(n, 50);
               ASSERT_EQ(s.size(), 1u);
             })

TEST(GtestAdaptorTest, APassingPropertyRunsOnEveryInputOfASmallDomain) {
  int calls = 0;
  testgen::gtest_detail::run("Adaptor.Passes", std::make_tuple(g::choose(0, 50), g::elements<std::string>({"a", "b"})),
                             [&](int64_t, const std::string&) { ++calls; });
  EXPECT_EQ(calls, 102) << "51 x 2 distinct inputs: the domain is exhausted before 200";
}

class Counter : public ::testing::Test {
 protected:
  int limit = 10;
};

TESTGEN_PROP_F(Counter, TheFixtureIsVisible, (g::choose(0, 9)), (int64_t n) { EXPECT_LT(n, limit); })

void failing_property() {
  testgen::gtest_detail::run("Adaptor.Fails", std::make_tuple(g::list(g::choose(0, 6), g::choose(0, 100))),
                             [](const std::vector<int64_t>& xs) { EXPECT_LT(xs.size(), 3u) << "too long"; });
}

TEST(GtestAdaptorTest, AFailingPropertyReportsTheShrunkInputAndTheReplayLine) {
  ::testing::TestPartResultArray results;
  {
    ::testing::ScopedFakeTestPartResultReporter reporter(
        ::testing::ScopedFakeTestPartResultReporter::INTERCEPT_ONLY_CURRENT_THREAD, &results);
    failing_property();
  }
  ASSERT_EQ(results.size(), 2) << "the rerun's EXPECT_LT, then testgen's report";
  const std::string expect_message = results.GetTestPartResult(0).message();
  EXPECT_NE(expect_message.find("too long"), std::string::npos) << expect_message;
  const std::string report = results.GetTestPartResult(1).message();
  EXPECT_NE(report.find("failure: gtest assertion at gtest_adaptor_test.cc:"), std::string::npos) << report;
  EXPECT_NE(report.find("    [0, 0, 0]\n"), std::string::npos) << report;
  EXPECT_NE(report.find("rerun it: TESTGEN_REPLAY=GtestAdaptorTest.AFailingPropertyReportsTheShrunkInputAndTheReplayLine:"),
            std::string::npos)
      << report;
  EXPECT_NE(report.find("--gtest_filter=GtestAdaptorTest.AFailingPropertyReportsTheShrunkInputAndTheReplayLine"),
            std::string::npos)
      << report;
}

}  // namespace
