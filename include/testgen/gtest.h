#pragma once
/// \file
/// Property tests as GoogleTest tests, with gtest's own assertions inside.
///
///     TESTGEN_PROP(Suite, Name, (gen_a, gen_b), (int64_t a, const std::string& b) {
///       EXPECT_EQ(decode(encode(a, b)), std::make_pair(a, b));
///     })
///
/// Every input runs the body with EXPECT_* and ASSERT_* failures caught
/// (gtest's ScopedFakeTestPartResultReporter, this thread only): a failed
/// assertion fails that input, and the failure is shrunk like any other.
/// The shrunk counterexample is then run once more with gtest reporting, so
/// the test's output shows the assertions' own messages on the smallest
/// input, followed by testgen's report and the command that replays it.
///
/// `TESTGEN_PROP_F(Fixture, Name, (gens...), (args...) { ... })` is the
/// fixture form: the body sees the fixture's members. The fixture is set up
/// once for the whole property (as TEST_F), not once per input.
///
/// Options come from the environment (TESTGEN_FUZZ_FOR, TESTGEN_TESTS, ...,
/// see property.h); `testgen::gtest_options()` sets defaults for a binary.

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <errno.h>  // program_invocation_name

#include <optional>
#include <string>
#include <tuple>
#include <utility>

#include "testgen/property.h"

namespace testgen {

/// Defaults for every TESTGEN_PROP in this binary (before the environment).
inline PropertyOptions& gtest_options() {
  static PropertyOptions options;
  return options;
}

namespace gtest_detail {

// Catches the assertions of one call of the property.
class Interception {
 public:
  PropertyHooks hooks() {
    return PropertyHooks{
        .before = [this] {
          results_.emplace();
          reporter_.emplace(::testing::ScopedFakeTestPartResultReporter::INTERCEPT_ONLY_CURRENT_THREAD,
                            &*results_);
        },
        .after = [this]() -> std::optional<std::pair<std::string, std::string>> {
          reporter_.reset();
          std::optional<std::pair<std::string, std::string>> failure;
          for (int i = 0; results_ && i < results_->size(); ++i) {
            const ::testing::TestPartResult& r = results_->GetTestPartResult(i);
            if (!r.failed()) continue;
            const std::string where = std::string(r.file_name() ? r.file_name() : "?") + ":" +
                                      std::to_string(r.line_number());
            if (!failure) failure.emplace("gtest assertion at " + short_path(where), "");
            failure->second += (failure->second.empty() ? "" : "\n") + where + ": " + r.message();
          }
          results_.reset();
          return failure;
        }};
  }

 private:
  static std::string short_path(const std::string& path) {
    const size_t slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
  }

  std::optional<::testing::TestPartResultArray> results_;
  std::optional<::testing::ScopedFakeTestPartResultReporter> reporter_;
};

template <class Tuple, class Body>
void run(const char* fallback_name, Tuple gens, Body body) {
  const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
  PropertyOptions options = gtest_options();
  options.name = info ? std::string(info->test_suite_name()) + "." + info->name() : fallback_name;
  Interception interception;
  auto report = detail::check_tuple(gens, body, options, interception.hooks());
  if (report.passed) return;
  // Once more without interception: gtest prints the assertions' messages
  // for the shrunk input itself (and records them as this test's failures).
  try {
    detail::call_on(gens, body, report.tree, options.size);
  } catch (...) {  // its failure is reported below
  }
  ADD_FAILURE() << report.report() << "  rerun it: " << report.replay << " " << program_invocation_name
                << " --gtest_filter=" << options.name;
}

}  // namespace gtest_detail
}  // namespace testgen

/// A GoogleTest test that checks a property: TESTGEN_PROP(Suite, Name, (gens...), (args...) { body }).
#define TESTGEN_PROP(suite, name, gens, ...)                                                   \
  TEST(suite, name) {                                                                          \
    ::testgen::gtest_detail::run(#suite "." #name, std::make_tuple gens, [&] __VA_ARGS__);     \
  }

/// The fixture form: TESTGEN_PROP_F(Fixture, Name, (gens...), (args...) { body }).
#define TESTGEN_PROP_F(fixture, name, gens, ...)                                               \
  TEST_F(fixture, name) {                                                                      \
    ::testgen::gtest_detail::run(#fixture "." #name, std::make_tuple gens, [&] __VA_ARGS__);   \
  }
