#include "toolchain.h"

#include <gtest/gtest.h>

#include <fstream>

#include "emitter.h"

namespace testgen::abi {
namespace {

TEST(Toolchain, CompilersAndPairsAreParsedWithoutAShell) {
  const Compiler c = parse_compiler("  gcc   -fpcc-struct-return ");
  EXPECT_EQ(c.spec, "gcc -fpcc-struct-return");
  EXPECT_EQ(c.argv, (std::vector<std::string>{"gcc", "-fpcc-struct-return"}));
  const CompilerPair p = parse_pair("gcc:clang -O2");
  EXPECT_EQ(p.caller.spec, "gcc");
  EXPECT_EQ(p.callee.argv, (std::vector<std::string>{"clang", "-O2"}));
  EXPECT_EQ(p.spec(), "gcc:clang -O2");
  EXPECT_THROW(parse_pair("gcc"), ToolchainError);
  EXPECT_THROW(parse_pair("a:b:c"), ToolchainError);
  EXPECT_THROW(parse_compiler("  "), ToolchainError);
  EXPECT_EQ(all_pairs({parse_compiler("a"), parse_compiler("b"), parse_compiler("c")}).size(), 9u);
  EXPECT_FALSE(supports(parse_compiler("tcc"), {"complex"}));
  EXPECT_FALSE(supports(parse_compiler("pcc -O"), {"int128"}));
  EXPECT_TRUE(supports(parse_compiler("clang"), {"int128", "complex"}));
  EXPECT_EQ(installed({"sh", "no-such-compiler-here"}), std::vector<std::string>{"sh"});
}

TEST(Toolchain, MismatchLinesAreParsedStrictly) {
  auto m = parse_mismatch("QUEST-MISMATCH case=3 seed=812 function=q1_callee field=arg3.b.c[1] expected=0a0b received=0a0c");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->case_index, 3u);
  EXPECT_EQ(m->seed, 812u);
  EXPECT_EQ(m->function, "q1_callee");
  EXPECT_EQ(m->field, "arg3.b.c[1]");
  EXPECT_EQ(m->expected, "0a0b");
  EXPECT_EQ(m->received, "0a0c");
  EXPECT_FALSE(parse_mismatch("QUEST-MISMATCH case=x seed=1 function=f field=a expected=00 received=01"));
  EXPECT_FALSE(parse_mismatch("hello"));
}

class BuildTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("testgen-toolchain-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir_);
    // One case: an enum parameter, so -fshort-enums on one side changes the layout.
    TestCase test{.seed = 7,
                  .signature = {.args = {enumeration({1, 2, 3}), scalar(Kind::kDouble)}, .result = scalar(Kind::kInt)}};
    ChoiceTree tree;
    Source source(tree, SourceOptions{.seed = 7});
    draw_values(test, source.root(), ValueMode::kFull);
    std::ofstream main(dir_ / "t-main.c"), callee(dir_ / "t-callee.c");
    Emitter emitter(main, &callee, {});
    emitter.add(test);
    emitter.finish();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
  SubprocessRunner runner_;
};

TEST_F(BuildTest, AgreeingCompilersPass) {
  const BuildOutcome o = build_and_run(runner_, dir_, "t", parse_pair("gcc:gcc -O2"), {});
  EXPECT_EQ(o.kind, BuildOutcome::Kind::kPassed) << o.detail;
  ASSERT_EQ(o.commands.size(), 4u);
  EXPECT_EQ(o.commands[0], "gcc -std=c11 -c t-main.c -o t-main.o");
  EXPECT_EQ(o.commands[3], "./t");
}

TEST_F(BuildTest, ALayoutDifferenceIsAMismatchNamingTheField) {
  const BuildOutcome o = build_and_run(runner_, dir_, "t", parse_pair("gcc:gcc -fshort-enums"), {});
  ASSERT_EQ(o.kind, BuildOutcome::Kind::kMismatch) << o.detail;
  ASSERT_FALSE(o.mismatches.empty());
  EXPECT_EQ(o.mismatches[0].function, "layout");
  EXPECT_EQ(o.mismatches[0].field, "sizeof:q7_e1");
}

TEST_F(BuildTest, ACompileFailureIsBlamedOnItsSide) {
  const BuildOutcome o = build_and_run(runner_, dir_, "t", parse_pair("gcc:gcc -fno-such-flag"), {});
  EXPECT_EQ(o.kind, BuildOutcome::Kind::kCalleeCompileError);
  EXPECT_NE(o.detail.find("-fno-such-flag"), std::string::npos) << o.detail;
}

// A program that crashes says in which of its cases and where: here a
// compiler wrapper (tests/tools/sabotage-cc) makes every callee taking a
// double crash on entry, and only the second of three cases takes one.
TEST(Toolchain, ACrashNamesItsCaseAndWhereItHappened) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("testgen-crash-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  {
    std::ofstream main(dir / "t-main.c"), callee(dir / "t-callee.c");
    Emitter emitter(main, &callee, EmitOptions{.crash_stages = true});
    uint64_t seed = 1;
    for (Kind kind : {Kind::kInt, Kind::kDouble, Kind::kInt}) {
      TestCase test{.seed = seed, .signature = {.args = {scalar(Kind::kLong), scalar(kind)}, .result = scalar(Kind::kInt)}};
      ChoiceTree tree;
      Source source(tree, SourceOptions{.seed = seed++});
      draw_values(test, source.root(), ValueMode::kFull);
      emitter.add(test);
    }
    emitter.finish();
  }
  SubprocessRunner runner;
  const std::string sabotage = std::string(TESTGEN_TOOLS_DIR) + "/sabotage-cc";
  const BuildOutcome o = build_and_run(runner, dir, "t", parse_pair("gcc:" + sabotage + " crash gcc"), {});
  std::filesystem::remove_all(dir);
  ASSERT_EQ(o.kind, BuildOutcome::Kind::kCrash) << o.detail;
  EXPECT_EQ(o.crash_case, 1u);
  EXPECT_EQ(o.crash_stage, "caller call");  // the callee had not read its first argument yet
  EXPECT_NE(o.detail.find(" at caller call"), std::string::npos) << o.detail;
}

TEST(Toolchain, ArchitecturesRetargetGccAndClangOnly) {
  EXPECT_TRUE(arch_named("x86_64").host());
  const Arch arm = arch_named("aarch64");
  EXPECT_EQ(arm.qemu, "qemu-aarch64");
  EXPECT_EQ(for_arch(parse_compiler("gcc -O2"), arm).argv, (std::vector<std::string>{"aarch64-linux-gnu-gcc", "-O2"}));
  EXPECT_EQ(for_arch(parse_compiler("clang -O2"), arm).argv,
            (std::vector<std::string>{"clang", "--target=aarch64-linux-gnu", "-O2"}));
  EXPECT_EQ(for_arch(parse_compiler("gcc"), arm).spec, "gcc");  // the spec stays as written
  EXPECT_THROW(for_arch(parse_compiler("tcc"), arm), ToolchainError);
  EXPECT_EQ(for_arch(parse_compiler("tcc"), arch_named("x86_64")).argv, std::vector<std::string>{"tcc"});
  try {
    arch_named("vax");
    FAIL();
  } catch (const ToolchainError& e) {
    EXPECT_NE(std::string(e.what()).find("known: x86_64, aarch64, riscv64"), std::string::npos) << e.what();
  }
}

// The same two files, built by the cross gcc and clang and run under qemu-user.
TEST_F(BuildTest, AnotherArchitectureBuildsStaticallyAndRunsUnderQemu) {
  const Arch arm = arch_named("aarch64");
  if (!missing_tools(arm).empty()) GTEST_SKIP() << "not installed: " << missing_tools(arm) << " (make deps)";
  BuildOptions options;
  options.arch = arm;
  const BuildOutcome o = build_and_run(runner_, dir_, "t", parse_pair("gcc:clang"), options);
  EXPECT_EQ(o.kind, BuildOutcome::Kind::kPassed) << o.detail;
  ASSERT_EQ(o.commands.size(), 4u);
  EXPECT_EQ(o.commands[0], "aarch64-linux-gnu-gcc -std=c11 -c t-main.c -o t-main.o");
  EXPECT_EQ(o.commands[1], "clang --target=aarch64-linux-gnu -std=c11 -c t-callee.c -o t-callee.o");
  EXPECT_EQ(o.commands[2], "aarch64-linux-gnu-gcc t-main.o t-callee.o -o t -z noexecstack -static");
  EXPECT_EQ(o.commands[3], "qemu-aarch64 ./t");
  // And an ABI difference shows there too.
  const BuildOutcome enums = build_and_run(runner_, dir_, "t", parse_pair("gcc:gcc -fshort-enums"), options);
  EXPECT_EQ(enums.kind, BuildOutcome::Kind::kMismatch) << enums.detail;
}

}  // namespace
}  // namespace testgen::abi
