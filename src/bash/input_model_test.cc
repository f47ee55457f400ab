#include "input_model.h"

#include <gtest/gtest.h>

#include <regex>

#include "lower.h"

namespace testgen::bash {
namespace {

InputModel model_of(const std::string& text) {
  Script s = lower_script("t.sh", text);
  EXPECT_EQ(s.functions.size(), 1u);
  return model_function(s.functions.at(0));
}

TEST(InputModel, ArityConstantsAndVariadic) {
  InputModel m = model_of("f() { local n=$2; if [ $n -le 7 ]; then echo $(( n * 3 )); fi; }\n");
  EXPECT_EQ(m.arity, 2u);
  EXPECT_FALSE(m.variadic);
  EXPECT_TRUE(m.integers.count(7));
  EXPECT_TRUE(m.integers.count(3));
  EXPECT_TRUE(model_of("f() { shift; echo \"$@\"; }\n").variadic);
}

TEST(InputModel, PatternsGiveTheirCharactersAndLiterals) {
  InputModel m = model_of("f() { case $1 in [-+]*) return 1;; *.txt) return 0;; esac; }\n");
  EXPECT_NE(m.alphabet.find('-'), std::string::npos);
  EXPECT_NE(m.alphabet.find('+'), std::string::npos);
  EXPECT_TRUE(m.strings.count(".txt"));
}

TEST(InputModel, RegexesGiveStringsTheyMatch) {
  InputModel m = model_of("f() { [[ $1 =~ ^([0-9]+)\\.([0-9]{1,2})$ ]] && echo ok; }\n");
  std::regex version("^[0-9]+\\.[0-9]{1,2}$", std::regex::extended);
  bool any = false;
  for (const std::string& s : m.strings) any |= std::regex_match(s, version);
  EXPECT_TRUE(any);
}

TEST(InputModel, GetoptsOptionsAndStdin) {
  InputModel m = model_of("f() { while getopts 'ab:' o; do :; done; read -r line; }\n");
  EXPECT_TRUE(m.strings.count("-a"));
  EXPECT_TRUE(m.strings.count("-b"));
  EXPECT_TRUE(m.reads_stdin);
}

}  // namespace
}  // namespace testgen::bash
