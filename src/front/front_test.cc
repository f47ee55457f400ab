#include "front.h"

#include <gtest/gtest.h>

#include <limits>

namespace testgen {
namespace {

TEST(EngineBudget, ATimeLimitAloneIsTheBudget) {
  EngineBudget budget{.runs = 500, .seconds = 300};
  EngineOptions options;
  budget.apply(options);
  EXPECT_EQ(options.max_runs, std::numeric_limits<uint64_t>::max());
  EXPECT_EQ(options.max_seconds, 300);
}

TEST(EngineBudget, GivenRunsEndARunThatAlsoHasATimeLimit) {
  EngineBudget budget{.runs = 500, .runs_given = true, .seconds = 300};
  EngineOptions options;
  budget.apply(options);
  EXPECT_EQ(options.max_runs, 500u);
}

TEST(EngineBudget, WithoutATimeLimitTheFrontsDefaultRunsHold) {
  EngineBudget budget{.runs = 500};
  EXPECT_EQ(budget.run_limit(), 500u);
}

}  // namespace
}  // namespace testgen
