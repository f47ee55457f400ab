#include "interpreter.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace testgen::script {
namespace {

std::string eval(Interpreter& lua, const std::string& expr) {
  lua.run_chunk("__out = tostring(" + expr + ")", "test");
  lua_getglobal(lua.state(), "__out");
  std::string out = lua_tostring(lua.state(), -1);
  lua_pop(lua.state(), 1);
  return out;
}

std::string error_of(Interpreter& lua, const std::string& code, const std::string& chunk = "test") {
  try {
    lua.run_chunk(code, chunk);
  } catch (const ScriptError& e) {
    return e.what();
  } catch (const GenerationError& e) {
    return "(generator) " + std::string(e.what());  // exit code 4, not 3
  }
  return "no error";
}

TEST(Rand, PrimitivesDrawInTheirRanges) {
  Interpreter lua(1);
  for (int i = 0; i < 50; ++i) {
    int64_t v = std::stoll(eval(lua, "R.run(R.choose(1, 5), Uniq.make(), 3)"));
    ASSERT_GE(v, 1);
    ASSERT_LE(v, 5);
    int64_t k = std::stoll(eval(lua, "R.run(R.integer(3))"));
    ASSERT_GE(k, 0);
    ASSERT_LT(k, 3);
  }
  EXPECT_EQ(eval(lua, "R.run(R.unit('x'))"), "x");
  EXPECT_EQ(eval(lua, "R.run(R.elements{'a'})"), "a");
  const std::string flip = eval(lua, "R.run(R.flip)");
  EXPECT_TRUE(flip == "true" || flip == "false");
}

TEST(Rand, ListsConcatAndFreq) {
  Interpreter lua(2);
  lua.run_chunk(R"(
    local xs = R.run(R.list(R.choose(2, 4), R.unit(7)))
    assert(#xs >= 2 and #xs <= 4 and xs[1] == 7)
    local ys = R.run(R.concat{R.list(R.unit(2), R.unit('a')), R.list(R.unit(1), R.unit('b'))})
    assert(#ys == 3 and ys[1] == 'a' and ys[3] == 'b')
    local n = 0
    for i = 1, 400 do if R.run(R.freq{1, R.unit(0), 3, R.unit(1)}) == 1 then n = n + 1 end end
    assert(n > 250 and n < 350, n)
  )", "lists.lua");
}

TEST(Rand, SizedRecursionAsInTheManual) {
  Interpreter lua(3);
  lua.run_chunk(R"(
    Depth = {}
    function Depth.f(zero)
      if zero then return R.unit(0) end
      return R.smaller{R.unit(0), R.bind(Depth.gen, function(d) return R.unit(d + 1) end)}
    end
    Depth.gen = R.bind(R.iszero, function(z) return Depth.f(z) end)
    local deepest = 0
    for i = 1, 300 do
      local d = R.run(Depth.gen, Uniq.make(), 3)
      assert(d <= 3, d)
      if d > deepest then deepest = d end
    end
    assert(deepest == 3)
  )", "depth.lua");
}

TEST(Rand, SameSeedSameValues) {
  auto draw = [](uint64_t seed) {
    Interpreter lua(seed);
    std::string out;
    for (int i = 0; i < 20; ++i) out += eval(lua, "R.run(R.choose(-1000000, 1000000))") + ",";
    return out;
  };
  EXPECT_EQ(draw(7), draw(7));
  EXPECT_NE(draw(7), draw(8));
}

TEST(Rand, LuaGeneratorsReplayFromTheirChoiceTree) {
  Interpreter lua(4);
  lua.run_chunk("G = R.list(R.choose(0, 6), R.oneof{R.choose(-50, 50), R.unit('u')})", "replay.lua");
  Gen<LuaRef> g = lua.generator("G");
  lua.run_chunk("function show(t) local s = {} for i, v in ipairs(t) do s[i] = tostring(v) end return table.concat(s, ',') end",
                "show");
  auto shown = [&](const LuaRef& v) {
    lua_getglobal(lua.state(), "show");
    v.push();
    lua_call(lua.state(), 1, 1);
    std::string s = lua_tostring(lua.state(), -1);
    lua_pop(lua.state(), 1);
    return s;
  };
  for (uint64_t seed = 0; seed < 30; ++seed) {
    ChoiceTree tree;
    std::string first;
    {
      Source s(tree, {.seed = seed});
      first = shown(g(s.root()));
    }
    ChoiceTree back = ChoiceTree::from_json(tree.to_json(), "tree");
    Source again(back, {.fill = Fill::kSimplest});
    EXPECT_EQ(shown(g(again.root())), first);
  }
}

TEST(LuaRefTest, EmptyReferenceCannotBePushed) {
  EXPECT_THROW(LuaRef().push(), std::logic_error);
}

TEST(Rand, SitesComeFromTheLuaSource) {
  Interpreter lua(5);
  lua.run_chunk("\nA = R.oneof{R.unit(1), R.unit(2)}", "suite.lua");
  EXPECT_EQ(lua.generator("A").site().label, "oneof@suite.lua:2");
  EXPECT_EQ(eval(lua, "A"), "generator (oneof@suite.lua:2)");
}

TEST(Rand, ErrorsNameTheChunkAndLine) {
  Interpreter lua(6);
  EXPECT_EQ(error_of(lua, "\nlocal g = R.choose(5, 1)", "bad.lua"),
            "(generator) bad.lua:2: choose(lo, hi): lo must not exceed hi");
  EXPECT_EQ(error_of(lua, "x = = 1", "syntax.lua"), "syntax.lua:1: unexpected symbol near '='");
  EXPECT_EQ(error_of(lua, "R.oneof{R.unit(1), 5}", "list.lua"),
            "list.lua:1: oneof: element 2 is a number, not a generator");
  EXPECT_EQ(error_of(lua, "R.run(R.bind(R.flip, function(b) return 3 end))", "bind.lua"),
            "bind.lua:1: bind: the function returned a number, not a generator");
  EXPECT_EQ(error_of(lua, "R.run(R.bind(R.flip, function(b) error('inner') end))", "inner.lua"),
            "inner.lua:1: inner");
  EXPECT_EQ(error_of(lua, "R.run(R.list(R.unit('x'), R.flip))", "len.lua"),
            "len.lua:1: list: the length generator produced a string, not an integer");
  EXPECT_EQ(error_of(lua, "R.freq{1, R.flip, 2}", "freq.lua"), "freq.lua:1: freq: expected a list of weight, generator pairs");
  try {
    lua.generator("nosuch");
    FAIL();
  } catch (const ScriptError& e) {
    EXPECT_STREQ(e.what(), "nosuch: not a generator (it is a nil)");
  }
}

TEST(Rand, FilesAreRunAndTheirErrorsNamed) {
  const auto path = std::filesystem::temp_directory_path() / "testgen_script_test.lua";
  std::ofstream(path) << "Y = 1\nlocal z = nil + 1\n";
  Interpreter lua(7);
  try {
    lua.run_file(path);
    FAIL();
  } catch (const ScriptError& e) {
    EXPECT_EQ(std::string(e.what()), path.string() + ":2: attempt to perform arithmetic on a nil value");
  }
  std::filesystem::remove(path);
  EXPECT_THROW(lua.run_file("/nonexistent.lua"), ScriptError);
}

// Lua is code: without `unsafe`, what starts processes or writes files
// raises an error saying so; printing stays.
TEST(Sandbox, ProcessesAndFileWritesAreRefusedUnlessUnsafe) {
  Interpreter lua(1);
  for (const char* call : {"os.execute('true')", "io.open('/tmp/x', 'w')", "io.popen('ls')", "os.remove('/tmp/x')",
                           "package.loadlib('libc.so.6', 'f')", "os.exit(0)"})
    EXPECT_NE(error_of(lua, call).find("is disabled: Lua suites run without process or file-writing functions"),
              std::string::npos)
        << call;
  EXPECT_EQ(error_of(lua, "io.write('')"), "no error");
  Interpreter unsafe(1, true);
  EXPECT_EQ(error_of(unsafe, "assert(os.execute('true'))"), "no error");
}

}  // namespace
}  // namespace testgen::script
