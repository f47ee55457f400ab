#include "hunt_target.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include "suite.h"

namespace testgen::hunt {
namespace {

class HuntTest : public ::testing::Test {
 protected:
  void SetUp() override {
    scratch_ = std::filesystem::temp_directory_path() / ("testgen-hunt-" + std::to_string(getpid()));
  }
  void TearDown() override { std::filesystem::remove_all(scratch_); }

  HuntTarget target(const std::string& suite, const std::string& pair) {
    return HuntTarget(quest::make_interpreter(1),
                      HuntSetup{.suite = suite, .pair = abi::parse_pair(pair), .scratch = scratch_}, runner_);
  }

  std::filesystem::path scratch_;
  SubprocessRunner runner_;
};

TEST_F(HuntTest, AgreeingCompilersGiveShapeFeaturesAndNoFinding) {
  HuntTarget t = target("toy", "gcc:gcc");
  ChoiceTree tree;
  Source source(tree, SourceOptions{.seed = 3});
  const RunResult r = t.run(source.root());
  EXPECT_EQ(r.verdict, Verdict::kPass) << r.detail;
  EXPECT_GT(r.features.size(), 2u);
  EXPECT_EQ(t.name(), "abi:toy|x86_64|gcc:gcc");
}

// A real ABI difference, found by the engine and reduced by the core
// shrinker to a single small function that still shows it.
TEST_F(HuntTest, FindsAndReducesShortEnums) {
  HuntTarget t = target("scalars", "gcc:gcc -fshort-enums");
  // Builds are slow, so hunts generate afresh more often than they mutate.
  EngineOptions options{.seed = 1, .max_runs = 60, .size = 2, .mutate_ratio = 0.3, .shrinking = {.max_calls = 150}};
  const EngineReport report = Engine(t, options).run();
  ASSERT_EQ(report.findings.size(), 1u);
  const Finding& f = report.findings[0];
  EXPECT_EQ(f.signature.rfind("gcc:gcc -fshort-enums|x86_64|mismatch|", 0), 0u) << f.signature;
  EXPECT_NE(f.signature.find("enum"), std::string::npos) << f.signature;
  // The reduced tree replays to the same failure, in one small function.
  RecordProperty("reduced", f.value_text);
  const auto [again, used] = replay(t, f.tree, 2);
  EXPECT_EQ(again.signature, f.signature);
  // Seen: "void f(enum t_e1 { t_e1_0 = 0 })".
  EXPECT_EQ(t.last_case().signature.args.size(), 1u) << f.value_text;
  EXPECT_TRUE(t.last_case().signature.varargs.empty()) << f.value_text;
  EXPECT_NE(f.value_text.find("(enum t_e1 {"), std::string::npos) << f.value_text;
}

}  // namespace
}  // namespace testgen::hunt
