#include "driver.h"

#include <fmt/format.h>

#include <istream>
#include <ostream>

#include "quest_api.h"
#include "suite.h"
#include "testgen/version.h"

namespace testgen::quest {

uint64_t next_case_seed(uint64_t seed) {
  Rng rng(seed);  // SplitMix-seeded xoshiro: neighbouring seeds give unrelated successors
  return rng.next();
}

void run_lua_steps(script::Interpreter& lua, const std::vector<LuaStep>& steps) {
  for (const LuaStep& step : steps) {
    if (step.kind == LuaStep::Kind::kFile)
      run_user_file(lua, step.text);
    else
      run_user_chunk(lua, step.text, step.chunk_name);
  }
}

std::string format_lua_value(lua_State* L, int index) {
  index = lua_absindex(L, index);
  if (lua_type(L, index) == LUA_TTABLE && !luaL_getmetafield(L, index, "__tostring")) {
    std::vector<std::string> items;
    const lua_Integer n = luaL_len(L, index);
    for (lua_Integer i = 1; i <= n; ++i) {
      lua_geti(L, index, i);
      items.push_back(format_lua_value(L, -1));
      lua_pop(L, 1);
    }
    return items.empty() ? "{}" : fmt::format("{{ {} }}", fmt::join(items, ", "));
  }
  if (lua_type(L, index) == LUA_TTABLE) lua_pop(L, 1);  // the __tostring luaL_getmetafield pushed
  size_t length = 0;
  const char* text = luaL_tolstring(L, index, &length);
  std::string out(text, length);
  lua_pop(L, 1);
  return out;
}

void interactive(script::Interpreter& lua, std::istream& in, std::ostream& out, std::ostream& err, bool prompt) {
  lua_State* L = lua.state();
  if (prompt) out << fmt::format("-- testgen quest {}: Lua 5.4 with quest's Lua 2.5 library, Rand (R), Uniq and Test; end with Ctrl-D or exit()\n", kVersion);
  std::string line;
  int number = 0;
  while (true) {
    if (prompt) out << "> " << std::flush;
    if (!std::getline(in, line)) break;
    ++number;
    const char* name = "=stdin";
    const int top = lua_gettop(L);
    // Leading newlines make Lua's messages say "stdin:LINE:".
    const std::string padding(static_cast<size_t>(number - 1), '\n');
    line = padding + line;
    // An expression prints its value, like the stand-alone lua prompt.
    const std::string as_expression = padding + "return " + line.substr(padding.size());
    if (luaL_loadbuffer(L, as_expression.data(), as_expression.size(), name) != LUA_OK) {
      lua_pop(L, 1);
      if (luaL_loadbuffer(L, line.data(), line.size(), name) != LUA_OK) {
        err << lua_tostring(L, -1) << "\n";
        lua_settop(L, top);
        continue;
      }
    }
    // A mistake is reported and the prompt goes on; exit() and Ctrl-C end it.
    try {
      lua.call(0, LUA_MULTRET);
    } catch (const testgen::Error& e) {
      err << e.what() << "\n";
      lua_settop(L, top);
      continue;
    }
    std::vector<std::string> results;
    for (int i = top + 1; i <= lua_gettop(L); ++i) results.push_back(format_lua_value(L, i));
    if (!results.empty()) out << fmt::format("{}", fmt::join(results, "\t")) << "\n";
    lua_settop(L, top);
  }
  if (prompt) out << "\n";
}

}  // namespace testgen::quest
