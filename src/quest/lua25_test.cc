// quest's Lua 2.5: reading its source with Lua 5.4, and its library.
#include <gtest/gtest.h>

#include <lua.hpp>

#include "lua25_source.h"
#include "quest_api.h"
#include "suite.h"

namespace testgen::quest {
namespace {

TEST(Lua25Source, LuaWithoutPragmasIsLeftAlone) {
  const std::string code = "--[[ a 5.4 block comment\n]] function f(...) return select('#', ...) end\n";
  const Lua25Source out = translate_lua25(code);
  EXPECT_FALSE(out.is_lua25);
  EXPECT_EQ(out.code, code);
  EXPECT_TRUE(out.positions.empty());
}

TEST(Lua25Source, PragmaLinesAreBlankedAndLinesKept) {
  const Lua25Source out = translate_lua25("$file \"ansi.lua\"\n$line 1\nx = 1\n$debug\ny = 2\n");
  EXPECT_TRUE(out.is_lua25);
  EXPECT_EQ(out.code, "\n\nx = 1\n\ny = 2\n");
  // lua-ml: the line after `$line 1` is line 1 of ansi.lua.
  ASSERT_GE(out.positions.size(), 5u);
  EXPECT_EQ(out.positions[2].file, "ansi.lua");
  EXPECT_EQ(out.positions[2].line, 1);
  EXPECT_EQ(out.positions[4].line, 3);
}

TEST(Lua25Source, LineCommentsThatLookLikeBlockCommentsStayLineComments) {
  const Lua25Source out = translate_lua25("$debug\n--[[ only this line\nx = 1\n");
  EXPECT_EQ(out.code, "\n-- [[ only this line\nx = 1\n");
}

TEST(Lua25Source, DollarLinesInsideStringsAreNotPragmas) {
  const Lua25Source out = translate_lua25("$debug\ns = [[\n$not a pragma\n]]\nt = \"--[[\"\n");
  EXPECT_EQ(out.code, "\ns = [[\n$not a pragma\n]]\nt = \"--[[\"\n");
}

TEST(Lua25Source, VarargFunctionsGetArg) {
  const Lua25Source out = translate_lua25("$debug\nfunction T.f(a, ...) return arg.n end\n");
  EXPECT_NE(out.code.find("function T.f(a, ...) local arg = {n = select(\"#\", ...), ...}; return arg.n end"),
            std::string::npos)
      << out.code;
}

TEST(SourceMaps, ErrorsNameThePositionThePragmasGave) {
  SourceMaps maps;
  maps.add("quest.lua", translate_lua25("$file \"toy.lua\"\n$line 10\nx = nil + 1\n").positions);
  EXPECT_EQ(maps.remap("quest.lua:3: attempt to perform arithmetic"), "toy.lua:10: attempt to perform arithmetic");
  EXPECT_EQ(maps.remap("other.lua:3: x"), "other.lua:3: x");
  EXPECT_EQ(maps.remap("myquest.lua:3: x"), "myquest.lua:3: x");
}

class Lua25Library : public ::testing::Test {
 protected:
  std::string eval(const std::string& expression) {
    lua_->run_chunk("__result = " + expression, "test");
    lua_State* L = lua_->state();
    lua_getglobal(L, "__result");
    std::string out = lua_isnil(L, -1) ? "nil" : luaL_tolstring(L, -1, nullptr);
    lua_settop(L, 0);
    return out;
  }
  std::unique_ptr<script::Interpreter> lua_ = make_interpreter(1);
};

TEST_F(Lua25Library, StringFunctions) {
  EXPECT_EQ(eval("strlen('quest')"), "5");
  EXPECT_EQ(eval("strsub('quest', 2, 3)"), "ue");
  EXPECT_EQ(eval("strsub('quest', 3)"), "est");
  EXPECT_EQ(eval("strfind('a.b', '.', 1, 1)"), "2");
  EXPECT_EQ(eval("strfind('abc', 'x')"), "nil");
  EXPECT_EQ(eval("strupper('ab') .. strlower('CD')"), "ABcd");
  EXPECT_EQ(eval("strrep('ab', 3)"), "ababab");
  EXPECT_EQ(eval("ascii('A')"), "65");
  EXPECT_EQ(eval("gsub('a-b-c', '-', '+')"), "a+b+c");
}

TEST_F(Lua25Library, FormatIsLenientAsLuaMlWas) {
  EXPECT_EQ(eval("format('%d args', 7/2)"), "3 args");
  EXPECT_EQ(eval("format('%-5s|', 'ab')"), "ab   |");
  EXPECT_EQ(eval("format('%s %s', 2.0, 1.5)"), "2 1.5");
  EXPECT_EQ(eval("format('%x %c %%', 255, 65)"), "ff A %");
  EXPECT_EQ(eval("format('%5.2f', 3.14159)"), " 3.14");
  EXPECT_THROW(eval("format('%d %d', 1)"), script::ScriptError);
}

TEST_F(Lua25Library, NumbersPrintAsInLua25) {
  EXPECT_EQ(eval("tostring(10/2)"), "5");
  EXPECT_EQ(eval("tostring(0.1)"), "0.1");
}

TEST_F(Lua25Library, MathIsInRadians) {
  EXPECT_EQ(eval("floor(sin(0) + cos(0) + 0.5)"), "1");
  EXPECT_EQ(eval("mod(7, 3)"), "1");
  EXPECT_EQ(eval("mod(7.5, 2)"), "1.5");
  EXPECT_EQ(eval("max(2, 9)"), "9");
}

TEST_F(Lua25Library, RandomFollowsTheSeed) {
  const std::string a = eval("random()"), b = eval("random()");
  EXPECT_NE(a, b);
  auto again = make_interpreter(1);
  again->run_chunk("__result = random()", "test");
  lua_getglobal(again->state(), "__result");
  EXPECT_EQ(std::string(lua_tostring(again->state(), -1)), a);
}

TEST_F(Lua25Library, WritingFilesNeedsUnsafe) {
  try {
    eval("writeto('/tmp/testgen-should-not-exist')");
    FAIL() << "writeto wrote a file without -unsafe";
  } catch (const script::ScriptError& e) {
    EXPECT_NE(std::string(e.what()).find("writeto"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("-unsafe"), std::string::npos) << e.what();
  }
}

TEST_F(Lua25Library, DostringReadsLua25) {
  EXPECT_EQ(eval("dostring('$debug\\nreturn strlen(\"abc\")')"), "3");
}

TEST_F(Lua25Library, SetfallbackRefusesWhatItCannotDo) {
  EXPECT_THROW(eval("setfallback('index', function() end)"), script::ScriptError);
  eval("setfallback('getglobal', function(name) return 'missing ' .. name end)");
  EXPECT_EQ(eval("nosuchglobal"), "missing nosuchglobal");
}

}  // namespace
}  // namespace testgen::quest
