// The Rand table: quest's generator primitives, each built from the core
// generator of the same name, so Lua suites replay, shrink and adapt.
#include <fmt/format.h>

#include "interpreter.h"
#include "lua_support.h"

namespace testgen::script {
namespace {

constexpr const char* kGenMeta = "testgen.Gen";

// --- the primitives ---------------------------------------------------------

int l_unit(lua_State* L) {
  luaL_checkany(L, 1);
  push_generator(L, gen::unit(copy_arg(L, 1), where(L)));
  return 1;
}

// Argument checks that raise Lua errors come before any C++ object is made:
// their longjmp would skip its destructor.
int l_bind(lua_State* L) {
  luaL_checktype(L, 2, LUA_TFUNCTION);
  Gen<LuaRef> first = check_generator(L, 1, "bind");
  LuaRef f = copy_arg(L, 2);
  push_generator(L, gen::bind(first, [f](const LuaRef& value) {
    lua_State* S = f.state();
    f.push();
    value.push();
    interpreter_of(S).call(1, 1);
    const Gen<LuaRef>* next = to_generator(S, -1);
    const std::string type = luaL_typename(S, -1);
    if (!next) {
      lua_pop(S, 1);
      throw ScriptError(fmt::format("bind: the function returned a {}, not a generator", type));
    }
    Gen<LuaRef> out = *next;
    lua_pop(S, 1);
    return out;
  }, where(L)));
  return 1;
}

int l_run(lua_State* L) {
  const auto size = static_cast<int>(luaL_optinteger(L, 3, 2));
  Gen<LuaRef> g = check_generator(L, 1, "run");
  Interpreter& self = interpreter_of(L);
  ChoiceTree tree;
  Source source(tree, SourceOptions{.seed = self.rng().next(), .size = size});
  g(source.root()).push();
  return 1;
}

int l_integer(lua_State* L) {
  const lua_Integer n = luaL_checkinteger(L, 1);
  push_generator(L, integers_as_lua(L, gen::integer(n, where(L))));
  return 1;
}

int l_choose(lua_State* L) {
  const lua_Integer lo = luaL_checkinteger(L, 1), hi = luaL_checkinteger(L, 2);
  push_generator(L, integers_as_lua(L, gen::choose(lo, hi, where(L))));
  return 1;
}

int l_elements(lua_State* L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  std::vector<LuaRef> values;
  const lua_Integer n = luaL_len(L, 1);
  for (lua_Integer i = 1; i <= n; ++i) {
    lua_geti(L, 1, i);
    values.push_back(take(L));
  }
  push_generator(L, gen::elements(std::move(values), where(L)));
  return 1;
}

int l_oneof(lua_State* L) {
  push_generator(L, gen::oneof(generator_list(L, 1, "oneof"), where(L)));
  return 1;
}

int l_smaller(lua_State* L) {
  push_generator(L, gen::smaller(generator_list(L, 1, "smaller"), where(L)));
  return 1;
}

// freq{w1, g1, w2, g2, ...}, as in quest's manual.
int l_freq(lua_State* L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  const lua_Integer n = luaL_len(L, 1);
  if (n == 0 || n % 2 != 0) throw ScriptError("freq: expected a list of weight, generator pairs");
  std::vector<std::pair<double, Gen<LuaRef>>> choices;
  for (lua_Integer i = 1; i < n; i += 2) {
    lua_geti(L, 1, i);
    int ok = 0;
    const double w = lua_tonumberx(L, -1, &ok);
    lua_pop(L, 1);
    if (!ok) throw ScriptError(fmt::format("freq: element {} should be a weight (a number)", i));
    lua_geti(L, 1, i + 1);
    const Gen<LuaRef>* g = to_generator(L, -1);
    lua_pop(L, 1);
    if (!g) throw ScriptError(fmt::format("freq: element {} should be a generator", i + 1));
    choices.emplace_back(w, *g);
  }
  push_generator(L, gen::freq(std::move(choices), where(L)));
  return 1;
}

int l_list(lua_State* L) {
  Gen<LuaRef> length = check_generator(L, 1, "list (length)");
  Gen<LuaRef> element = check_generator(L, 2, "list (element)");
  auto n = gen::map(length, [](const LuaRef& v) { return to_integer(v, "list"); });
  push_generator(L, gen::map(gen::list(n, element, where(L)),
                             [L](const std::vector<LuaRef>& items) { return list_to_table(L, items); }));
  return 1;
}

int l_concat(lua_State* L) {
  std::vector<Gen<std::vector<LuaRef>>> parts;
  for (const Gen<LuaRef>& g : generator_list(L, 1, "concat"))
    parts.push_back(gen::map(g, [](const LuaRef& t) { return table_to_list(t, "concat"); }));
  push_generator(L, gen::map(gen::concat(std::move(parts), where(L)),
                             [L](const std::vector<LuaRef>& items) { return list_to_table(L, items); }));
  return 1;
}

int l_gen_gc(lua_State* L) {
  auto* g = static_cast<Gen<LuaRef>*>(luaL_checkudata(L, 1, kGenMeta));
  g->~Gen<LuaRef>();
  return 0;
}

int l_gen_tostring(lua_State* L) {
  auto* g = static_cast<Gen<LuaRef>*>(luaL_checkudata(L, 1, kGenMeta));
  lua_pushfstring(L, "generator (%s)", g->site().label.c_str());
  return 1;
}

}  // namespace

const Gen<LuaRef>* to_generator(lua_State* L, int index) {
  return static_cast<const Gen<LuaRef>*>(luaL_testudata(L, index, kGenMeta));
}

void push_generator(lua_State* L, Gen<LuaRef> g) {
  void* memory = lua_newuserdatauv(L, sizeof(Gen<LuaRef>), 0);
  new (memory) Gen<LuaRef>(std::move(g));
  luaL_setmetatable(L, kGenMeta);
}

void install_rand(lua_State* L) {
  luaL_newmetatable(L, kGenMeta);
  lua_pushcfunction(L, l_gen_gc);
  lua_setfield(L, -2, "__gc");
  lua_pushcfunction(L, l_gen_tostring);
  lua_setfield(L, -2, "__tostring");
  lua_pop(L, 1);

  static const luaL_Reg functions[] = {
      {"unit", guarded<l_unit>},       {"bind", guarded<l_bind>},       {"run", guarded<l_run>},
      {"integer", guarded<l_integer>}, {"choose", guarded<l_choose>},   {"elements", guarded<l_elements>},
      {"oneof", guarded<l_oneof>},     {"smaller", guarded<l_smaller>}, {"freq", guarded<l_freq>},
      {"list", guarded<l_list>},       {"concat", guarded<l_concat>},   {nullptr, nullptr}};
  luaL_newlib(L, functions);
  // flip and iszero are generators, not functions: `R.bind(R.iszero, f)`, `static = R.flip`.
  push_generator(L, booleans_as_lua(L, gen::flip(gen::Where::named("Rand.flip"))));
  lua_setfield(L, -2, "flip");
  push_generator(L, booleans_as_lua(L, gen::iszero(gen::Where::named("Rand.iszero"))));
  lua_setfield(L, -2, "iszero");
  const Site size_site = Site::named("size", "Rand.size");
  push_generator(L, integers_as_lua(L, Gen<int64_t>(size_site, [](const Cursor& at) { return int64_t{at.size()}; })));
  lua_setfield(L, -2, "size");
  lua_setglobal(L, "Rand");
}

}  // namespace testgen::script
