#include "doc_examples.h"

#include <gtest/gtest.h>

#include "lower.h"

namespace testgen::bash {
namespace {

TEST(DocExamples, CommentExamplesWithTheirClaims) {
  Script s = lower_script("t.sh",
                          "# Fibonacci\n#\n# Usage: fibonacci N\n# Example: fibonacci 10\n# Output: 55\n"
                          "#\n# Example:\n#   fibonacci 3 '4'\n#   # outputs: 2\nfibonacci() {\n echo 1\n}\n");
  std::vector<WrittenExample> ex = written_examples(s, {"fibonacci"});
  ASSERT_EQ(ex.size(), 2u);
  EXPECT_EQ(ex[0].words, "10");
  ASSERT_TRUE(ex[0].claimed);
  EXPECT_EQ(*ex[0].claimed, "55");
  EXPECT_EQ(ex[0].line, 4u);
  EXPECT_EQ(ex[1].words, "3 '4'");
  ASSERT_TRUE(ex[1].claimed);
  EXPECT_EQ(*ex[1].claimed, "2");
}

TEST(DocExamples, CallSitesWithTrailingComments) {
  Script s = lower_script("t.sh", "f() {\n echo $1\n}\nf 5 # Should output 120\nf \"${1:-3}\"\nother 1 # => 2\n");
  std::vector<WrittenExample> ex = written_examples(s, {"f"});
  ASSERT_EQ(ex.size(), 2u);
  EXPECT_EQ(ex[0].words, "5");
  ASSERT_TRUE(ex[0].claimed);
  EXPECT_EQ(*ex[0].claimed, "120");
  EXPECT_EQ(ex[0].line, 4u);
  EXPECT_FALSE(ex[1].claimed);
}

TEST(DocExamples, BashSplitsLiteralWordsAndRefusesExpansions) {
  auto words = literal_words("a 'b c' \"d\"");
  ASSERT_TRUE(words);
  EXPECT_EQ(*words, (std::vector<std::string>{"a", "b c", "d"}));
  EXPECT_EQ(literal_words("")->size(), 0u);
  EXPECT_FALSE(literal_words("\"${1:-10}\""));
  EXPECT_FALSE(literal_words("$(rm -rf x)"));
  EXPECT_FALSE(literal_words("a; b"));
}

}  // namespace
}  // namespace testgen::bash
