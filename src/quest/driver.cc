#include "driver.h"

#include <fmt/format.h>

#include <istream>
#include <ostream>

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
      lua.run_file(step.text);
    else
      lua.run_chunk(step.text, step.chunk_name);
  }
}

void generate_cases(const Gen<abi::TestCase>& cases, const Options& options, uint64_t seed, abi::Emitter& emitter,
                    const std::function<void(int64_t)>& on_case) {
  uint64_t case_seed = seed;
  for (int64_t i = 0; i < options.cases; ++i) {
    ChoiceTree tree;
    Source source(tree, SourceOptions{.seed = case_seed, .size = options.size});
    abi::TestCase test = cases(source.root());
    test.seed = case_seed;
    emitter.add(test);
    if (on_case) on_case(i + 1);
    case_seed = next_case_seed(case_seed);
  }
  emitter.finish();
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

void try_generator(script::Interpreter& lua, const std::string& expr, int64_t n, int size, uint64_t seed,
                   std::ostream& out) {
  const Gen<script::LuaRef> g = lua.generator(expr);
  lua_State* L = lua.state();
  uint64_t s = seed;
  for (int64_t i = 0; i < n; ++i) {
    ChoiceTree tree;
    Source source(tree, SourceOptions{.seed = s, .size = size});
    const script::LuaRef value = g(source.root());
    value.push();
    out << format_lua_value(L, -1) << "\n";
    lua_pop(L, 1);
    s = next_case_seed(s);
  }
}

void interactive(script::Interpreter& lua, std::istream& in, std::ostream& out, std::ostream& err, bool prompt) {
  lua_State* L = lua.state();
  if (prompt) out << fmt::format("-- testgen quest {}: Lua 5.4 with Rand (R), Uniq and Test; end with Ctrl-D\n", kVersion);
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
    if (lua_pcall(L, 0, LUA_MULTRET, 0) != LUA_OK) {
      const char* message = lua_tostring(L, -1);
      err << (message ? message : "(error object is not a string)") << "\n";
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
