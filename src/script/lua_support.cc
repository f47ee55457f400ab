#include "lua_support.h"

#include <fmt/format.h>

namespace testgen::script {

// The Lua position that is creating a generator: its site.
gen::Where where(lua_State* L) {
  lua_Debug ar;
  if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar) && ar.currentline > 0)
    return gen::Where::named(fmt::format("{}:{}", ar.short_src, ar.currentline));
  return gen::Where::named("lua");
}

LuaRef take(lua_State* L) { return LuaRef::pop(L, interpreter_of(L).alive()); }

LuaRef copy_arg(lua_State* L, int index) {
  lua_pushvalue(L, index);
  return take(L);
}

Gen<LuaRef> check_generator(lua_State* L, int index, const char* what) {
  const Gen<LuaRef>* g = to_generator(L, index);
  if (!g) throw ScriptError(fmt::format("{}: expected a generator, got a {}", what, luaL_typename(L, index)));
  return *g;
}

std::vector<Gen<LuaRef>> generator_list(lua_State* L, int index, const char* what) {
  if (!lua_istable(L, index)) throw ScriptError(fmt::format("{}: expected a list of generators", what));
  std::vector<Gen<LuaRef>> out;
  const lua_Integer n = luaL_len(L, index);
  for (lua_Integer i = 1; i <= n; ++i) {
    lua_geti(L, index, i);
    const Gen<LuaRef>* g = to_generator(L, -1);
    const std::string type = luaL_typename(L, -1);
    lua_pop(L, 1);
    if (!g) throw ScriptError(fmt::format("{}: element {} is a {}, not a generator", what, i, type));
    out.push_back(*g);
  }
  if (out.empty()) throw ScriptError(fmt::format("{}: needs at least one generator", what));
  return out;
}

int64_t to_integer(const LuaRef& value, const char* what) {
  lua_State* L = value.state();
  value.push();
  int ok = 0;
  const lua_Integer n = lua_tointegerx(L, -1, &ok);
  const std::string type = luaL_typename(L, -1);
  lua_pop(L, 1);
  if (!ok) throw ScriptError(fmt::format("{}: the length generator produced a {}, not an integer", what, type));
  return n;
}

Gen<LuaRef> integers_as_lua(lua_State* L, Gen<int64_t> g) {
  return gen::map(g, [L](int64_t v) {
    lua_pushinteger(L, v);
    return take(L);
  });
}

Gen<LuaRef> booleans_as_lua(lua_State* L, Gen<bool> g) {
  return gen::map(g, [L](bool v) {
    lua_pushboolean(L, v);
    return take(L);
  });
}

namespace {
void push_list(lua_State* L, const std::shared_ptr<const void>& object) {
  const auto& items = *static_cast<const std::vector<LuaRef>*>(object.get());
  lua_createtable(L, static_cast<int>(items.size()), 0);
  for (size_t i = 0; i < items.size(); ++i) {
    items[i].push();
    lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
  }
}
}  // namespace

// A list stays a C++ vector while it only passes between generators; Lua
// code that receives it gets a table.
LuaRef list_to_table(lua_State* L, const std::vector<LuaRef>& items) {
  return LuaRef::native(L, std::make_shared<const std::vector<LuaRef>>(items), push_list);
}

std::vector<LuaRef> table_to_list(const LuaRef& table, const char* what) {
  if (const auto* native = table.native_object(push_list))
    return *static_cast<const std::vector<LuaRef>*>(native->get());
  lua_State* L = table.state();
  table.push();
  if (!lua_istable(L, -1)) {
    const std::string type = luaL_typename(L, -1);
    lua_pop(L, 1);
    throw ScriptError(fmt::format("{}: a part produced a {}, not a list", what, type));
  }
  std::vector<LuaRef> out;
  const lua_Integer n = luaL_len(L, -1);
  for (lua_Integer i = 1; i <= n; ++i) {
    lua_geti(L, -1, i);
    out.push_back(take(L));
  }
  lua_pop(L, 1);
  return out;
}

}  // namespace testgen::script
