#include "signature.h"

#include <gtest/gtest.h>

#include "lower.h"

namespace testgen::bash {
namespace {

Signature of(const std::string& text) {
  Script s = lower_script("t.sh", text);
  EXPECT_EQ(s.functions.size(), 1u);
  std::set<std::string> names;
  for (const Function& f : s.functions) names.insert(f.name);
  return infer_signature(s.functions.at(0), names);
}

TEST(Signature, FactorialTakesAndReturnsAnInteger) {
  Signature sig = of(
      "factorial() {\n local n=$1\n if [ $n -le 1 ]; then\n  echo 1\n else\n  local prev=$(factorial $((n - 1)))\n"
      "  echo $((n * prev))\n fi\n}\n");
  ASSERT_EQ(sig.params.size(), 1u);
  EXPECT_EQ(sig.params[0].name, "n");
  EXPECT_TRUE(sig.params[0].integer);
  EXPECT_EQ(sig.result, ResultKind::kInteger);
  EXPECT_FALSE(sig.variadic);
}

TEST(Signature, AStringUseKeepsAParameterText) {
  Signature sig = of("f() {\n local path=\"$1\" n=$2\n echo \"${path%/}\" $((n + 1))\n}\n");
  ASSERT_EQ(sig.params.size(), 2u);
  EXPECT_EQ(sig.params[0].name, "path");
  EXPECT_FALSE(sig.params[0].integer);
  EXPECT_EQ(sig.params[0].why_text, "given to ${...}");
  EXPECT_TRUE(sig.params[1].integer);
  EXPECT_EQ(sig.result, ResultKind::kText);
}

TEST(Signature, AStatusOnlyFunctionReturnsBool) {
  Signature sig = of("isnum() {\n case \"$1\" in\n  ''|*[!0-9]*) return 1;;\n  *) return 0;;\n esac\n}\n");
  EXPECT_EQ(sig.result, ResultKind::kStatus);
  ASSERT_EQ(sig.params.size(), 1u);
  EXPECT_FALSE(sig.params[0].integer);
  EXPECT_EQ(sig.params[0].why_text, "matched by case");
}

TEST(Signature, PrintingTwiceOrOtherStatusesIsOutput) {
  EXPECT_EQ(of("f() { echo 1; echo 2; }\n").result, ResultKind::kText);
  EXPECT_EQ(of("f() { echo 1; ls; }\n").result, ResultKind::kOutput);
  EXPECT_EQ(of("f() { if [ $1 -gt 0 ]; then echo 1; fi; echo 2; }\n").result, ResultKind::kText);
  EXPECT_EQ(of("f() { if [ $1 -gt 0 ]; then echo 1; return 3; fi; echo 2; }\n").result, ResultKind::kOutput);
  EXPECT_EQ(of("f() { [ $1 -gt 0 ] || return 2; }\n").result, ResultKind::kOutput);
  EXPECT_EQ(of("f() { echo $(( $1 + 1 )); }\n").result, ResultKind::kInteger);
}

TEST(Signature, AParameterUsedOnlyAsAFileNameIsAPath) {
  Signature sig = of("f() {\n local file=$1 text=$2\n [ -f \"$file\" ] || return 1\n echo \"$text\" >> \"$file\"\n}\n");
  ASSERT_EQ(sig.params.size(), 2u);
  EXPECT_TRUE(sig.params[0].path);
  EXPECT_FALSE(sig.params[1].path);
  EXPECT_TRUE(sig.writes_files);
}

TEST(Signature, VariadicAndSideEffects) {
  Signature sig = of("f() {\n for x; do echo \"$x\" >> log.txt; done\n grep -q a /etc/passwd\n total=$#\n}\n");
  EXPECT_TRUE(sig.variadic);
  EXPECT_TRUE(sig.writes_files);
  EXPECT_EQ(sig.commands_run, std::set<std::string>{"grep"});
  EXPECT_EQ(sig.globals_set, std::set<std::string>{"total"});
}

}  // namespace
}  // namespace testgen::bash
