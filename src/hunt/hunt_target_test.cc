#include "hunt_target.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <map>

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

// One pair, kind and place is one family, whatever the member type and
// class; a pair spec with '|' in it does not confuse the count.
TEST_F(HuntTest, ASignatureFamilyIsThePairArchKindAndPlace) {
  HuntTarget t = target("toy", "gcc:gcc -O2");
  EXPECT_EQ(t.signature_family("gcc:gcc -O2|x86_64|mismatch|param member|double in union SSE"),
            "gcc:gcc -O2|x86_64|mismatch|param member");
  EXPECT_EQ(t.signature_family("gcc:gcc -O2|x86_64|crash|callee reading param|SIGSEGV array"),
            "gcc:gcc -O2|x86_64|crash|callee reading param");
  EXPECT_EQ(t.signature_family("gcc:gcc -O2|x86_64|timeout||"), "gcc:gcc -O2|x86_64|timeout|");
  HuntTarget odd = target("toy", "gcc -DX='a|b':gcc");
  EXPECT_EQ(odd.signature_family("gcc -DX='a|b':gcc|x86_64|mismatch|vararg|int"), "gcc -DX='a|b':gcc|x86_64|mismatch|vararg");
  EXPECT_EQ(t.signature_family("another target's signature"), "another target's signature");
}

// A real ABI difference, found by the engine and reduced by the core
// shrinker to a single small function that still shows it.
TEST_F(HuntTest, FindsAndReducesShortEnums) {
  HuntTarget t = target("scalars", "gcc:gcc -fshort-enums");
  // Builds are slow, so hunts generate afresh more often than they mutate.
  EngineOptions options{.seed = 1, .max_runs = 60, .size = 2, .mutate_ratio = 0.3, .shrinking = {.max_calls = 400}};
  const EngineReport report = Engine(t, options).run();
  ASSERT_EQ(report.findings.size(), 1u);
  const Finding& f = report.findings[0];
  EXPECT_EQ(f.signature.rfind("gcc:gcc -fshort-enums|x86_64|mismatch|", 0), 0u) << f.signature;
  EXPECT_NE(f.signature.find("enum"), std::string::npos) << f.signature;
  // The reduced tree replays to the same failure, in one small function.
  RecordProperty("reduced", f.value_text);
  const auto [again, used] = replay(t, f.tree, 2);
  EXPECT_EQ(again.signature, f.signature);
  // Seen: "void f(enum t_e1 { t_e1_0 = 0 })": one parameter, no varargs.
  EXPECT_NE(f.value_text.find("(enum t_e1 {"), std::string::npos) << f.value_text;
  EXPECT_EQ(f.value_text.find(", "), std::string::npos) << f.value_text;
  EXPECT_EQ(f.value_text.find("..."), std::string::npos) << f.value_text;
  // The replay of one case carries its reproducer: both C files, the
  // commands that built and ran it, and a report naming the field.
  std::map<std::string, std::string> files;
  for (const Artifact& a : again.artifacts) files[a.path] = a.contents;
  EXPECT_NE(files["case-main.c"].find("q1_caller"), std::string::npos);
  EXPECT_NE(files["case-callee.c"].find("q1_callee"), std::string::npos);
  EXPECT_NE(files["commands.sh"].find("gcc -fshort-enums -std=c11 -c case-callee.c -o case-callee.o"), std::string::npos)
      << files["commands.sh"];
  EXPECT_NE(files["report.txt"].find("field:     sizeof:q1_e1"), std::string::npos) << files["report.txt"];
  EXPECT_NE(files["report.txt"].find("expected:  04"), std::string::npos) << files["report.txt"];
  EXPECT_NE(files["report.txt"].find("received:  01"), std::string::npos) << files["report.txt"];
}

// A batch is one program; mismatch lines name their case, so a batch
// whose failures all print is settled by one build.
TEST_F(HuntTest, ABatchIsOneBuildAndEachCaseGetsItsOwnVerdict) {
  HuntTarget t = target("scalars", "gcc:gcc -fshort-enums");
  std::vector<ChoiceTree> trees(12);
  std::vector<std::unique_ptr<Source>> sources;
  std::vector<Cursor> cursors;
  for (size_t i = 0; i < trees.size(); ++i) {
    sources.push_back(std::make_unique<Source>(trees[i], SourceOptions{.seed = 100 + i, .size = 2}));
    cursors.push_back(sources.back()->root());
  }
  const std::vector<RunResult> batch = t.run_batch(cursors);
  ASSERT_EQ(batch.size(), trees.size());
  EXPECT_EQ(t.builds(), 1u);
  size_t failing = 0;
  for (size_t i = 0; i < trees.size(); ++i) {
    // The same case alone gives the same verdict and signature.
    ChoiceTree again = trees[i].forced_only();
    Source alone(again, SourceOptions{.seed = 0, .size = 2, .fill = Fill::kSimplest});
    const RunResult single = t.run(alone.root());
    EXPECT_EQ(single.verdict, batch[i].verdict) << i;
    EXPECT_EQ(single.signature, batch[i].signature) << i;
    EXPECT_TRUE(batch[i].artifacts.empty()) << "a batch of many is no reproducer";
    failing += batch[i].verdict == Verdict::kFail;
  }
  EXPECT_GT(failing, 0u);
  EXPECT_LT(failing, trees.size());
}

}  // namespace
}  // namespace testgen::hunt
