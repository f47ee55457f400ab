#include <gtest/gtest.h>

#include <sstream>

#include "driver.h"
#include "lua_types.h"
#include "options.h"
#include "quest_api.h"
#include "suite.h"

namespace testgen::quest {
namespace {

TEST(Options, ReadsEveryOptionOfQuestsManual) {
  const Options o = parse_options({"-test", "gcc", "-n", "7", "-s", "1", "-2", "-o", "ttt", "-e", "a=1", "b=2",
                                   "my.lua", "-seed", "-5", "-try", "Test.ansi.result", "-pattern"});
  EXPECT_EQ(o.suite, "gcc");
  EXPECT_EQ(o.cases, 7);
  EXPECT_EQ(o.size, 1);
  EXPECT_TRUE(o.two_files);
  EXPECT_EQ(o.output, "ttt");
  ASSERT_EQ(o.lua.size(), 3u);
  EXPECT_EQ(o.lua[0].text, "a=1");
  EXPECT_EQ(o.lua[0].chunk_name, "command line argument 11");
  EXPECT_EQ(o.lua[1].kind, LuaStep::Kind::kChunk);
  EXPECT_EQ(o.lua[2].kind, LuaStep::Kind::kFile);
  EXPECT_EQ(o.seed, static_cast<uint64_t>(-5));
  EXPECT_EQ(o.try_generator, "Test.ansi.result");
  EXPECT_EQ(o.values, abi::ValueMode::kPattern);
  EXPECT_FALSE(parse_options({"-2", "-1"}).two_files);
  EXPECT_TRUE(parse_options({"--help"}).help);
  const Options later = parse_options({"-list", "-n", "3"});  // -list does not stop parsing
  EXPECT_TRUE(later.list);
  EXPECT_EQ(later.cases, 3);
}

TEST(Options, ErrorsSayWhatIsWrong) {
  auto message = [](std::vector<std::string> args) {
    try {
      parse_options(args);
    } catch (const UsageError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message({"-n"}), "option -n needs a value");
  EXPECT_EQ(message({"-n", "x"}), "option -n needs a whole number, got 'x'");
  EXPECT_EQ(message({"-s", "-1"}), "option -s must be at least 0, got -1");
  EXPECT_EQ(message({"-seed", "1e3"}), "option -seed needs a 64-bit integer, got '1e3'");
  EXPECT_EQ(message({"-frobnicate"}).rfind("unknown option '-frobnicate' (options: -test", 0), 0u);
}

TEST(Options, CommandLineQuotingKeepsCommentsClosed) {
  EXPECT_EQ(quote_command_line("quest", {"-n", "3", "x=R.oneof{R.int}", "a*/b"}),
            "quest -n 3 'x=R.oneof{R.int}' 'a* /b'");
  // A backslash-newline would splice "*" and "/" into "*/" before the
  // comment is read: backslashes and control characters are escaped.
  EXPECT_EQ(quote_command_line("quest", {"-e", "x=1 --[[ *\\\n/ ]]\t"}), "quest -e 'x=1 --[[ *\\\\\\n/ ]]\\t'");
  EXPECT_EQ(quote_command_line("quest", {std::string("a\x01" "b")}), "quest 'a\\x01b'");
}

std::string run(script::Interpreter& lua, const std::string& expr, int size = 3) {
  lua.run_chunk("__v = R.run(" + expr + ", Uniq.make(), " + std::to_string(size) + ")", "test");
  lua_getglobal(lua.state(), "__v");
  std::string out = format_lua_value(lua.state(), -1);
  lua_pop(lua.state(), 1);
  return out;
}

TEST(LuaTypes, TheManualsExamplesPrintCTypes) {
  auto lua = make_interpreter(1);
  EXPECT_EQ(run(*lua, "R.char"), "char");
  EXPECT_EQ(run(*lua, "R.unsigned(R.char)"), "unsigned char");
  EXPECT_EQ(run(*lua, "R.pointer(R.char)"), "char *");
  const std::string array = run(*lua, "R.array(R.char, R.integer(5))");
  EXPECT_TRUE(array.starts_with("char [")) << array;
  const std::string s = run(*lua, "R.struct(R.list(R.unit(2), R.int))");
  EXPECT_EQ(s, "struct t_s1 { int a; int b; }");
  EXPECT_EQ(run(*lua, "R.list(R.unit(2), R.bool)"), "{ _Bool, _Bool }");
  EXPECT_EQ(run(*lua, "R.complex(R.longdouble)"), "long double _Complex");
  EXPECT_EQ(run(*lua, "R.funptr(R.void, R.list(R.unit(1), R.int128), true)"), "void (*)(__int128, ...)");
}

std::string lua_error(script::Interpreter& lua, const std::string& code) {
  try {
    lua.run_chunk(code, "test");
  } catch (const std::exception& e) {
    return e.what();
  }
  return "no error";
}

TEST(LuaTypes, BadTypesAreErrorsThatNameTheGenerator) {
  auto lua = make_interpreter(1);
  EXPECT_EQ(lua_error(*lua, "R.run(R.pointer(R.integer(3)))"),
            "test:1: R.pointer (test:1): the generator produced a number, not a C type");
  EXPECT_EQ(lua_error(*lua, "\nR.run(R.bitfield(R.unit(40)))"),
            "test:2: R.bitfield (test:2): bitfield: width 40 does not fit int (32 bits)");
  EXPECT_EQ(lua_error(*lua, "R.unsigned(5)"), "test:1: unsigned: expected a generator, got a number");
}

TEST(Suites, QuestsSuitesAndOursAreListed) {
  auto lua = make_interpreter(1);
  std::vector<std::string> names;
  for (const SuiteInfo& s : list_suites(*lua)) names.push_back(s.name);
  for (const char* expected : {"ansi", "cc", "gcc", "mips", "demo", "toy", "scalars", "aggregates", "complex",
                               "int128", "bitfields", "layout", "varargs", "registers", "all"})
    EXPECT_NE(std::find(names.begin(), names.end(), expected), names.end()) << expected;
  EXPECT_THROW(case_generator(*lua, "nosuch", abi::ValueMode::kFull), UnknownSuite);
}

// One case of `suite` drawn from `seed`.
abi::TestCase draw_case(script::Interpreter& lua, const std::string& suite, uint64_t seed) {
  const Gen<abi::TestCase> g = case_generator(lua, suite, abi::ValueMode::kFull);
  ChoiceTree tree;
  Source source(tree, SourceOptions{.seed = seed});
  return g(source.root());
}

TEST(Suites, TheSeedFixesTypesAndValues) {
  auto a = make_interpreter(1), b = make_interpreter(2);
  for (uint64_t seed : {1u, 2u, 3u}) {
    const abi::TestCase x = draw_case(*a, "all", seed), y = draw_case(*b, "all", seed);
    ASSERT_EQ(x.arg_values, y.arg_values);
    ASSERT_EQ(x.signature.args.size(), y.signature.args.size());
  }
}

// Lua suites run on core generators: a case's choice tree replays it, and
// the simplest fill (what the shrinker moves toward) gives a smaller case.
TEST(Suites, ACaseReplaysFromItsChoiceTreeAndSimplifies) {
  auto lua = make_interpreter(1);
  const Gen<abi::TestCase> g = case_generator(*lua, "all", abi::ValueMode::kFull);
  ChoiceTree tree;
  abi::TestCase original;
  {
    Source source(tree, SourceOptions{.seed = 12});
    original = g(source.root());
  }
  ChoiceTree copy = tree;
  Source replay(copy, SourceOptions{.seed = 999, .fill = Fill::kSimplest});
  const abi::TestCase again = g(replay.root());
  EXPECT_EQ(again.arg_values, original.arg_values);
  EXPECT_EQ(again.vararg_values, original.vararg_values);
  ASSERT_EQ(again.signature.args.size(), original.signature.args.size());
  ChoiceTree empty;
  Source simplest(empty, SourceOptions{.seed = 999, .fill = Fill::kSimplest});
  const abi::TestCase small = g(simplest.root());
  EXPECT_LE(small.signature.args.size(), original.signature.args.size());
  EXPECT_TRUE(small.signature.varargs.empty());
}

TEST(Suites, AGeneratorMakingANonTypeIsAGenerationError) {
  auto lua = make_interpreter(1);
  lua->run_chunk("Test.bad = {doc = 'x', test = function() return {args = R.list(R.unit(1), R.integer(3)), "
                 "varargs = R.list(R.unit(0), R.int), result = R.int, static = R.flip} end}",
                 "bad.lua");
  try {
    draw_case(*lua, "bad", 1);
    FAIL() << "no error";
  } catch (const GenerationError& e) {
    EXPECT_STREQ(e.what(), "suite bad (args): the generator produced a number, not a C type");
  }
}

TEST(Try, PrintsOneValuePerLine) {
  auto lua = make_interpreter(1);
  set_command_table(lua->state(), CommandLine{.n = 3, .size = 1});
  testing::internal::CaptureStdout();  // write() goes to the C stdout
  lua->run_chunk("Quest.try(CMD, Test.ansi.result)", "-try");
  const std::string text = testing::internal::GetCapturedStdout();
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 3);
  EXPECT_EQ(text.find("table:"), std::string::npos) << text;
}

TEST(Interactive, PrintsValuesAndCarriesOnAfterErrors) {
  auto lua = make_interpreter(1);
  std::istringstream in("u = Uniq.make()\nprint(R.run(R.char, u, 3))\nR.run(R.int)\nx = (\n1 + 1\n");
  std::ostringstream out, err;
  testing::internal::CaptureStdout();  // print() writes to the C stdout
  interactive(*lua, in, out, err, false);
  const std::string printed = testing::internal::GetCapturedStdout();
  EXPECT_EQ(printed, "char\n");
  EXPECT_EQ(out.str(), "int\n2\n");
  EXPECT_EQ(err.str(), "stdin:4: unexpected symbol near <eof>\n");
}

}  // namespace
}  // namespace testgen::quest
