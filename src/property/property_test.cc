// check(gens..., property): failures found, shrunk, reported with a replay
// line, kept in the failure database and replayed first; discards counted
// and warned about; demand (Lazy) respected by novelty and by the report.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "testgen/gen.h"
#include "testgen/property.h"

namespace testgen {
namespace {

namespace g = gen;
namespace fs = std::filesystem;

// Options for a test: no environment, no database unless given one, quiet.
PropertyOptions quiet(std::string name, std::vector<std::string>* log = nullptr) {
  PropertyOptions o;
  o.name = std::move(name);
  o.use_database = false;
  o.read_environment = false;
  o.log = [log](const std::string& line) {
    if (log) log->push_back(line);
  };
  return o;
}

class TempDir {
 public:
  TempDir() : path_(fs::temp_directory_path() / ("testgen-property-" + std::to_string(::getpid()) + "-" +
                                                 std::to_string(counter_++))) {
    fs::remove_all(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

TEST(PropertyTest, AFailureIsShrunkAndReportedWithAReplayLine) {
  auto result = check(g::list(g::choose(0, 9), g::choose(-50, 50)),
                      [](const std::vector<int64_t>& xs) { return xs.size() < 5; }, quiet("lists.short"));
  ASSERT_FALSE(result.passed);
  EXPECT_EQ(std::get<0>(*result.counterexample_value), std::vector<int64_t>(5, 0));
  EXPECT_EQ(result.counterexample, "[0, 0, 0, 0, 0]");
  EXPECT_EQ(result.signature, "returned false");
  EXPECT_EQ(result.found_by, "search");
  EXPECT_GT(result.shrink_calls, 0u);
  EXPECT_EQ(result.replay.rfind("TESTGEN_REPLAY=lists.short:", 0), 0u) << result.replay;
  const std::string text = result.report();
  EXPECT_NE(text.find("counterexample (shrunk in"), std::string::npos) << text;
  EXPECT_NE(text.find(result.replay), std::string::npos) << text;
}

TEST(PropertyTest, SeveralGeneratorsGiveSeveralArguments) {
  auto result = check(g::choose(0, 100), g::elements<std::string>({"a", "bb", "ccc"}),
                      [](int64_t n, const std::string& s) { return n + static_cast<int64_t>(s.size()) < 50; },
                      quiet("two.args"));
  ASSERT_FALSE(result.passed);
  // Shrunk to the least n that fails with the simplest string.
  EXPECT_EQ(std::get<0>(*result.counterexample_value), 49);
  EXPECT_EQ(std::get<1>(*result.counterexample_value), "a");
  EXPECT_EQ(result.counterexample, "49\n\"a\"");
}

TEST(PropertyTest, AThrowingVoidPropertyFailsNamingTheExceptionType) {
  auto result = check(g::choose(0, 1000), [](int64_t n) {
    if (n >= 10) throw std::out_of_range("n is " + std::to_string(n));
  }, quiet("throws"));
  ASSERT_FALSE(result.passed);
  // The signature has no values in it, so shrinking keeps it while n changes.
  EXPECT_EQ(result.signature, "threw std::out_of_range");
  EXPECT_EQ(result.message, "std::out_of_range: n is 10");
  EXPECT_EQ(std::get<0>(*result.counterexample_value), 10);
}

TEST(PropertyTest, APassingPropertyRunsTheTestsItWasGiven) {
  PropertyOptions o = quiet("passes");
  o.tests = 123;
  auto result = check(g::bits64(), [](uint64_t) { return true; }, o);
  EXPECT_TRUE(result.passed);
  EXPECT_EQ(result.runs, 123u);
  EXPECT_FALSE(result.counterexample_value.has_value());
}

TEST(PropertyTest, TestModeIsDeterministicPerNameAndDiffersBetweenNames) {
  auto values = [](const std::string& name) {
    std::vector<int64_t> seen;
    PropertyOptions o = quiet(name);
    o.tests = 50;
    check(g::choose(-1000000, 1000000), [&](int64_t x) { seen.push_back(x); }, o);
    return seen;
  };
  EXPECT_EQ(values("same.name"), values("same.name"));
  EXPECT_NE(values("same.name"), values("other.name"));
}

TEST(PropertyTest, ASmallDomainIsCheckedExhaustivelyAndOnlyOnce) {
  std::vector<int64_t> seen;
  auto result = check(g::choose(0, 3), [&](int64_t x) { seen.push_back(x); }, quiet("tiny"));
  EXPECT_TRUE(result.passed);
  EXPECT_EQ(result.runs, 4u);
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(seen, (std::vector<int64_t>{0, 1, 2, 3}));
}

TEST(PropertyTest, MostlyDiscardedInputsAreWarnedAboutNamingTheAssume) {
  std::vector<std::string> log;
  PropertyOptions o = quiet("discards", &log);
  o.tests = 400;
  auto result = check(g::choose(0, 999), [](int64_t x) {
    assume(x % 10 == 0);
    return true;
  }, o);
  EXPECT_TRUE(result.passed);
  EXPECT_GT(result.discards, 300u);
  ASSERT_FALSE(result.warnings.empty());
  EXPECT_NE(result.warnings[0].find("discarded by assume at property_test.cc:"), std::string::npos)
      << result.warnings[0];
  ASSERT_FALSE(log.empty());
  EXPECT_NE(log.back().find("testgen: discards: warning:"), std::string::npos) << log.back();
}

TEST(PropertyTest, AFilterThatRejectsMostValuesIsNamedWithItsRatio) {
  auto rare = g::filter(g::choose(0, 999), [](int64_t x) { return x % 20 == 0; }, "multiple of 20");
  PropertyOptions o = quiet("filtered");
  o.tests = 100;
  auto result = check(rare, [](int64_t) { return true; }, o);
  EXPECT_TRUE(result.passed);
  ASSERT_FALSE(result.warnings.empty());
  EXPECT_NE(result.warnings[0].find("filter 'multiple of 20 (filter@property_test.cc:"), std::string::npos)
      << result.warnings[0];
  EXPECT_NE(result.warnings[0].find("% of the"), std::string::npos) << result.warnings[0];
}

TEST(PropertyTest, AFilterThatGivesUpDiscardsTheInputInsteadOfEndingTheCheck) {
  auto never = g::filter(g::choose(0, 9), [](int64_t) { return false; }, "never", 5);
  PropertyOptions o = quiet("never");
  o.tests = 20;
  auto result = check(never, [](int64_t) { return true; }, o);
  EXPECT_TRUE(result.passed);
  EXPECT_EQ(result.discards, result.runs);
}

TEST(PropertyTest, UnforcedLazyPartsAreNeitherVariedNorShown) {
  // When `look` is false the list is never drawn: novelty counts every such
  // input as the same one, so it is run once however many inputs are drawn.
  int without_looking = 0;
  PropertyOptions o = quiet("lazy");
  o.tests = 300;
  auto result = check(g::flip(), g::lazy(g::list(g::choose(0, 5), g::choose(0, 9))),
                      [&](bool look, const Lazy<std::vector<int64_t>>& xs) {
                        if (!look) ++without_looking;
                        return look ? xs->size() < 100 : true;
                      },
                      o);
  EXPECT_TRUE(result.passed);
  EXPECT_EQ(result.runs, 300u);
  EXPECT_EQ(without_looking, 1);

  // Shrinking keeps the forced part only, and the report says what the
  // property never looked at.
  auto looked = check(g::flip(), g::lazy(g::list(g::choose(0, 5), g::choose(0, 9))),
                      [](bool look, const Lazy<std::vector<int64_t>>& xs) { return !look || xs->size() < 3; },
                      quiet("lazy.looked"));
  ASSERT_FALSE(looked.passed);
  EXPECT_EQ(looked.counterexample, "true\n[0, 0, 0]");
  auto unlooked = check(g::flip(), g::lazy(g::choose(0, 9)),
                        [](bool, const Lazy<int64_t>&) { return false; }, quiet("lazy.unlooked"));
  ASSERT_FALSE(unlooked.passed);
  EXPECT_EQ(unlooked.counterexample, "false\n<not looked at>");
}

TEST(PropertyTest, AFailureIsKeptReplayedFirstAndDroppedOnceItPasses) {
  TempDir db;
  PropertyOptions o = quiet("kept");
  o.use_database = true;
  o.database = db.path();
  bool broken = true;
  auto property = [&](int64_t x) { return !(broken && x >= 500); };
  auto first = check(g::choose(0, 1000), property, o);
  ASSERT_FALSE(first.passed);
  EXPECT_EQ(first.found_by, "search");
  ASSERT_TRUE(fs::is_directory(db.path() / "kept"));
  EXPECT_EQ(std::distance(fs::directory_iterator(db.path() / "kept"), fs::directory_iterator()), 1);

  // No search at all: the kept failure alone fails the next run.
  o.tests = 0;
  auto second = check(g::choose(0, 1000), property, o);
  ASSERT_FALSE(second.passed);
  EXPECT_EQ(second.found_by, "database");
  EXPECT_EQ(second.counterexample, "500");
  EXPECT_NE(second.report().find("an input kept from an earlier run"), std::string::npos);

  broken = false;  // fixed: the entry is stale and goes
  auto third = check(g::choose(0, 1000), property, o);
  EXPECT_TRUE(third.passed);
  EXPECT_EQ(third.dropped_stale, 1u);
  EXPECT_FALSE(fs::exists(db.path() / "kept"));
}

TEST(PropertyTest, AnUnwritableDatabaseCostsAWarningNotTheReport) {
  TempDir db;
  fs::create_directories(db.path());
  std::ofstream(db.path() / "blocked") << "a file where the property's directory would go";
  PropertyOptions o = quiet("blocked");
  o.use_database = true;
  o.database = db.path();
  auto result = check(g::choose(0, 100), [](int64_t x) { return x < 50; }, o);
  ASSERT_FALSE(result.passed);
  EXPECT_EQ(result.counterexample, "50");
  ASSERT_FALSE(result.warnings.empty());
  EXPECT_NE(result.warnings.back().find("the failure is not kept for the next run"), std::string::npos)
      << result.warnings.back();
}

TEST(PropertyTest, TestgenReplayRunsExactlyThatInput) {
  auto property = [](int64_t a, int64_t b) { return a + b < 150; };
  auto found = check(g::choose(0, 100), g::choose(0, 100), property, quiet("replayed"));
  ASSERT_FALSE(found.passed);
  const std::string assignment = found.replay.substr(std::string("TESTGEN_REPLAY=").size());
  ::setenv("TESTGEN_REPLAY", assignment.c_str(), 1);
  PropertyOptions o = quiet("replayed");
  o.read_environment = true;
  o.tests = 0;
  std::vector<int64_t> seen;
  auto again = check(g::choose(0, 100), g::choose(0, 100), [&](int64_t a, int64_t b) {
    seen.push_back(a);
    seen.push_back(b);
    return property(a, b);
  }, o);
  // Another property's name in TESTGEN_REPLAY leaves this one alone.
  PropertyOptions other = quiet("not.replayed");
  other.read_environment = true;
  other.tests = 10;
  auto untouched = check(g::choose(0, 9), [](int64_t) { return true; }, other);
  ::unsetenv("TESTGEN_REPLAY");
  ASSERT_FALSE(again.passed);
  EXPECT_EQ(again.found_by, "replay");
  EXPECT_EQ(again.runs, 1u);
  EXPECT_EQ(again.counterexample, found.counterexample);
  EXPECT_EQ(seen.size(), 2u);
  EXPECT_TRUE(untouched.passed);
  EXPECT_EQ(untouched.runs, 10u);
}

TEST(PropertyTest, ABadReplayCodeIsAUsageErrorNamingTheVariable) {
  ::setenv("TESTGEN_REPLAY", "bad:g[i1", 1);
  PropertyOptions o = quiet("bad");
  o.read_environment = true;
  EXPECT_THROW(
      {
        try {
          check(g::choose(0, 9), [](int64_t) { return true; }, o);
        } catch (const UsageError& e) {
          ::unsetenv("TESTGEN_REPLAY");
          EXPECT_NE(std::string(e.what()).find("TESTGEN_REPLAY"), std::string::npos) << e.what();
          throw;
        }
      },
      UsageError);
  ::unsetenv("TESTGEN_REPLAY");
}

TEST(PropertyTest, AMisusedGeneratorEndsTheCheckWithItsError) {
  auto empty = g::map(g::choose(0, 9), [](int64_t) -> int64_t { throw GenerationError("misused"); });
  EXPECT_THROW(check(empty, [](int64_t) { return true; }, quiet("misuse")), GenerationError);
}

}  // namespace
}  // namespace testgen
