#include "property_environment.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "testgen/errors.h"

namespace testgen::property {
namespace {

TEST(PropertyEnvironmentTest, DurationsTakeSecondsMinutesAndHours) {
  EXPECT_EQ(parse_duration("60"), 60.0);
  EXPECT_EQ(parse_duration("60s"), 60.0);
  EXPECT_EQ(parse_duration("1.5m"), 90.0);
  EXPECT_EQ(parse_duration("2h"), 7200.0);
  for (const char* bad : {"", "s", "-1s", "1x", "1 m", "abc", "inf"}) EXPECT_FALSE(parse_duration(bad)) << bad;
}

TEST(PropertyEnvironmentTest, VariablesOverrideTheOptionsAndBadValuesAreErrors) {
  ::setenv("TESTGEN_TESTS", "17", 1);
  ::setenv("TESTGEN_FUZZ_FOR", "2m", 1);
  ::setenv("TESTGEN_DB", "off", 1);
  const PropertyOptions o = with_environment(PropertyOptions{});
  EXPECT_EQ(o.tests, 17u);
  EXPECT_EQ(o.fuzz_seconds, 120.0);
  EXPECT_FALSE(o.use_database);
  PropertyOptions ignoring;
  ignoring.read_environment = false;
  EXPECT_EQ(with_environment(ignoring).tests, PropertyOptions{}.tests);
  ::setenv("TESTGEN_FUZZ_FOR", "soon", 1);
  try {
    with_environment(PropertyOptions{});
    ADD_FAILURE() << "a bad TESTGEN_FUZZ_FOR was accepted";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("TESTGEN_FUZZ_FOR=soon"), std::string::npos) << e.what();
  }
  ::unsetenv("TESTGEN_TESTS");
  ::unsetenv("TESTGEN_FUZZ_FOR");
  ::unsetenv("TESTGEN_DB");
}

TEST(PropertyEnvironmentTest, ReplayIsForTheNamedPropertyOnly) {
  ::setenv("TESTGEN_REPLAY", "Suite.Name:g[i1]", 1);
  EXPECT_EQ(replay_request("Suite.Name"), "g[i1]");
  EXPECT_EQ(replay_request("Suite.Other"), std::nullopt);
  ::setenv("TESTGEN_REPLAY", "no-colon", 1);
  EXPECT_THROW(replay_request("Suite.Name"), UsageError);
  ::unsetenv("TESTGEN_REPLAY");
  EXPECT_EQ(replay_request("Suite.Name"), std::nullopt);
}

}  // namespace
}  // namespace testgen::property
