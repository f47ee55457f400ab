#include "suite.h"

#include <fmt/format.h>

#include <algorithm>

#include "lua_support.h"
#include "lua_types.h"
#include "quest_api.h"

namespace testgen::quest {
namespace {

std::string string_field(lua_State* L, int table, const char* key) {
  lua_getfield(L, table, key);
  std::string out = lua_isstring(L, -1) ? lua_tostring(L, -1) : "";
  lua_pop(L, 1);
  return out;
}

std::vector<std::string> suite_names(lua_State* L) {
  std::vector<std::string> names;
  lua_getglobal(L, "Test");
  if (lua_istable(L, -1)) {
    lua_pushnil(L);
    while (lua_next(L, -2) != 0) {
      if (lua_type(L, -2) == LUA_TSTRING && lua_istable(L, -1)) names.emplace_back(lua_tostring(L, -2));
      lua_pop(L, 1);
    }
  }
  lua_pop(L, 1);
  std::sort(names.begin(), names.end());
  return names;
}

Gen<script::LuaRef> field_generator(lua_State* L, int table, const char* key, const std::string& suite) {
  lua_getfield(L, table, key);
  const Gen<script::LuaRef>* g = script::to_generator(L, -1);
  const std::string type = luaL_typename(L, -1);
  if (!g) {
    lua_pop(L, 1);
    throw script::ScriptError(
        fmt::format("{} returned a table whose '{}' is a {}, not a generator", suite, key, type));
  }
  Gen<script::LuaRef> out = *g;
  lua_pop(L, 1);
  return out;
}

bool to_bool(const script::LuaRef& v) {
  lua_State* L = v.state();
  v.push();
  const bool out = lua_toboolean(L, -1);
  lua_pop(L, 1);
  return out;
}

}  // namespace

std::unique_ptr<script::Interpreter> make_interpreter(uint64_t seed, bool unsafe) {
  auto lua = std::make_unique<script::Interpreter>(seed, unsafe);
  lua_State* L = lua->state();
  install_types(L);
  lua_pushboolean(L, unsafe);
  lua_setglobal(L, "__testgen_unsafe");
  lua->run_chunk(lua25_library(), "quest's Lua 2.5 library");
  install_quest_api(L, seed, unsafe);
  lua->run_chunk(builtin_lua(), "builtin quest.lua");
  return lua;
}

std::vector<SuiteInfo> list_suites(script::Interpreter& lua) {
  lua_State* L = lua.state();
  std::vector<SuiteInfo> out;
  for (const std::string& name : suite_names(L)) {
    lua_getglobal(L, "Test");
    lua_getfield(L, -1, name.c_str());
    SuiteInfo info{.name = name, .doc = string_field(L, -1, "doc"), .dialect = string_field(L, -1, "dialect")};
    if (info.dialect.empty()) info.dialect = "c11";
    lua_getfield(L, -1, "needs");
    if (lua_istable(L, -1)) {
      const lua_Integer n = luaL_len(L, -1);
      for (lua_Integer i = 1; i <= n; ++i) {
        lua_geti(L, -1, i);
        if (lua_isstring(L, -1)) info.needs.emplace_back(lua_tostring(L, -1));
        lua_pop(L, 1);
      }
    }
    lua_pop(L, 3);
    out.push_back(std::move(info));
  }
  return out;
}

Gen<abi::TestCase> strategy_cases(lua_State* L, int table, const std::string& name, const std::string& suite,
                                  abi::ValueMode mode) {
  table = lua_absindex(L, table);
  if (!lua_istable(L, table))
    throw script::ScriptError(fmt::format("{}: expected the table a suite's test() returns ({{args = ..., varargs = "
                                          "..., result = ..., static = ...}}), got a {}",
                                          name, luaL_typename(L, table)));
  Gen<script::LuaRef> args = field_generator(L, table, "args", name);
  Gen<script::LuaRef> varargs = field_generator(L, table, "varargs", name);
  Gen<script::LuaRef> result = field_generator(L, table, "result", name);
  Gen<script::LuaRef> is_static = field_generator(L, table, "static", name);

  const Site site = Site::named("case", "quest." + suite);
  const std::string what = "suite " + suite;
  return Gen<abi::TestCase>(site, [=](const Cursor& at) {
    at.claim(site);
    abi::TestCase test;
    abi::Signature& s = test.signature;
    s.args = type_list_of(args(at.child(0)), what + " (args)");
    s.varargs = type_list_of(varargs(at.child(1)), what + " (varargs)");
    s.result = type_of(result(at.child(2)), what + " (result)");
    s.is_static = to_bool(is_static(at.child(3)));
    test.anchor_added = abi::add_vararg_anchor(s);
    try {
      abi::validate(s);
    } catch (const abi::TypeError& e) {
      throw GenerationError(fmt::format("{}: {}", what, e.what()));
    }
    abi::draw_values(test, at.child(4), mode);
    return test;
  });
}

Gen<abi::TestCase> case_generator(script::Interpreter& lua, const std::string& name, abi::ValueMode mode) {
  lua_State* L = lua.state();
  std::vector<std::string> names = suite_names(L);
  if (std::find(names.begin(), names.end(), name) == names.end())
    throw UnknownSuite(fmt::format("unknown suite '{}' (suites: {}; -list describes them)", name, fmt::join(names, ", ")));
  // Test[name].test(), called once: its generators are reused for every case.
  lua_getglobal(L, "Test");
  lua_getfield(L, -1, name.c_str());
  lua_getfield(L, -1, "test");
  lua_remove(L, -2);
  lua_remove(L, -2);
  if (!lua_isfunction(L, -1)) {
    const std::string type = luaL_typename(L, -1);
    lua_pop(L, 1);
    throw script::ScriptError(fmt::format("Test.{}.test is a {}, not a function", name, type));
  }
  lua.call(0, 1);
  try {
    Gen<abi::TestCase> out = strategy_cases(L, -1, fmt::format("Test.{}.test()", name), name, mode);
    lua_pop(L, 1);
    return out;
  } catch (...) {
    lua_pop(L, 1);
    throw;
  }
}

}  // namespace testgen::quest
