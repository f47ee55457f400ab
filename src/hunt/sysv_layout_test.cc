// The psABI model of src/abi/sysv_class against the compiler itself: the
// size and alignment it computes for every parameter type of many cases
// drawn from the suites must be what gcc says.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "suite.h"
#include "sysv_class.h"
#include "testgen/process.h"
#include "type_names.h"

namespace testgen::hunt {
namespace {

TEST(SysvLayout, SizesAndAlignmentsAgreeWithGcc) {
  auto lua = quest::make_interpreter(1);
  std::vector<abi::TypePtr> types;
  for (const char* suite : {"aggregates", "bitfields", "layout", "scalars", "gcc"}) {
    Gen<abi::TestCase> cases = quest::case_generator(*lua, suite, abi::ValueMode::kFull);
    for (uint64_t seed = 0; seed < 40; ++seed) {
      ChoiceTree tree;
      Source source(tree, SourceOptions{.seed = seed, .size = 3});
      const abi::TestCase test = cases(source.root());
      for (const abi::TypePtr& t : test.signature.args) types.push_back(t);
      if (test.signature.result->kind != abi::Kind::kVoid) types.push_back(test.signature.result);
    }
  }
  std::ostringstream c;
  c << "#include <stdio.h>\n";
  std::vector<std::string> lines;
  for (size_t i = 0; i < types.size(); ++i) {
    abi::TypeNames names(fmt::format("t{}", i));
    names.add(types[i]);
    for (const abi::TypePtr& tagged : names.tagged()) c << names.definition(*tagged) << "\n";
    lines.push_back(fmt::format("  printf(\"%zu %zu\\n\", sizeof({0}), _Alignof({0}));\n", names.spell(*types[i])));
  }
  c << "int main(void) {\n";
  for (const std::string& l : lines) c << l;
  c << "  return 0;\n}\n";
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / fmt::format("testgen-layout-{}", getpid());
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "layout.c") << c.str();
  SubprocessRunner runner;
  const ProcessResult built =
      runner.run({.argv = {"gcc", "-std=gnu11", "-w", "layout.c", "-o", "layout"}, .cwd = dir, .timeout = std::chrono::seconds(60)});
  ASSERT_TRUE(built.ok()) << built.err;
  const ProcessResult ran = runner.run({.argv = {"./layout"}, .cwd = dir, .timeout = std::chrono::seconds(10)});
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(ran.ok());
  std::istringstream out(ran.out);
  size_t wrong = 0;
  for (size_t i = 0; i < types.size(); ++i) {
    uint64_t size = 0, align = 0;
    out >> size >> align;
    const abi::Layout mine = abi::layout_of(*types[i]);
    if (mine.size != size || mine.align != align) {
      ++wrong;
      ADD_FAILURE() << abi::TypeNames::describe(types[i]) << ": gcc " << size << "/" << align << ", model "
                    << mine.size << "/" << mine.align;
    }
  }
  EXPECT_EQ(wrong, 0u) << "of " << types.size();
  EXPECT_GT(types.size(), 500u);
}

}  // namespace
}  // namespace testgen::hunt
