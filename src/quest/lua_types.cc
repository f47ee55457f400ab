#include "lua_types.h"

#include <fmt/format.h>

#include <functional>
#include <iterator>

#include "interpreter.h"
#include "lua_support.h"
#include "type_names.h"

namespace testgen::quest {
namespace {

using abi::Kind;
using abi::TypePtr;
using script::check_generator;
using script::guarded;
using script::LuaRef;
using script::take;

constexpr const char* kTypeMeta = "testgen.CType";

void push_type_object(lua_State* L, const std::shared_ptr<const void>& object) {
  push_type(L, std::static_pointer_cast<const abi::CType>(object));
}

// A C type passed between generators stays a C++ object; it becomes a Lua
// userdata only when Lua code receives it.
LuaRef type_ref(lua_State* L, TypePtr type) { return LuaRef::native(L, std::move(type), push_type_object); }

// "R.pointer (suite.lua:12)": how errors name the generator that failed.
std::string label(lua_State* L, const char* name) {
  lua_Debug ar;
  if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar) && ar.currentline > 0)
    return fmt::format("R.{} ({}:{})", name, ar.short_src, ar.currentline);
  return fmt::format("R.{}", name);
}

// Runs `make`, turning a type the C rules reject into a generation error
// that names the generator.
template <class F>
TypePtr build(const std::string& what, F make) {
  try {
    return make();
  } catch (const abi::TypeError& e) {
    throw GenerationError(fmt::format("{}: {}", what, e.what()));
  }
}

Gen<LuaRef> type_unit(lua_State* L, Kind kind, const std::string& name) {
  return gen::unit(type_ref(L, abi::scalar(kind)), gen::Where::named(name));
}

// A generator applying `f` to the type `g` produces.
Gen<LuaRef> map_type(lua_State* L, const Gen<LuaRef>& g, std::function<TypePtr(const TypePtr&)> f, std::string what) {
  return gen::map(g, [L, f, what](const LuaRef& v) {
    TypePtr in = type_of(v, what);
    return type_ref(L, build(what, [&] { return f(in); }));
  }, script::where(L));
}

// The one-argument type constructors: R.unsigned(g), R.pointer(g), ...
struct TypeFunction {
  const char* name;
  TypePtr (*make)(const TypePtr&);
};
constexpr TypeFunction kTypeFunctions[] = {
    {"unsigned", abi::with_unsigned},
    {"signed", abi::with_signed},
    {"pointer", [](const TypePtr& t) { return abi::pointer_to(t); }},
    {"complex", [](const TypePtr& t) { return abi::complex_of(t); }},
    {"packed", abi::packed},
};

// R.<name>(g) for the entry of kTypeFunctions in the closure's upvalue.
int l_type_function(lua_State* L) {
  const TypeFunction& f = kTypeFunctions[static_cast<size_t>(lua_tointeger(L, lua_upvalueindex(1)))];
  script::push_generator(L, map_type(L, check_generator(L, 1, f.name), f.make, label(L, f.name)));
  return 1;
}

int l_aligned(lua_State* L) {
  const auto n = static_cast<int>(luaL_checkinteger(L, 1));
  script::push_generator(L, map_type(L, check_generator(L, 2, "aligned"),
                                     [n](const TypePtr& t) { return abi::aligned(t, n); }, label(L, "aligned")));
  return 1;
}

int l_array(lua_State* L) {
  Gen<LuaRef> element = check_generator(L, 1, "array (element type)");
  Gen<LuaRef> length = check_generator(L, 2, "array (length)");
  const std::string what = label(L, "array");
  script::push_generator(L, gen::map(gen::tuple(element, length), [L, what](const std::tuple<LuaRef, LuaRef>& t) {
    TypePtr e = type_of(std::get<0>(t), what);
    const int64_t n = script::to_integer(std::get<1>(t), what.c_str());
    return type_ref(L, build(what, [&] { return abi::array_of(e, n); }));
  }, script::where(L)));
  return 1;
}

// bitfield(widthgen [, basegen]): quest's bitfields are `signed int x:N`.
int l_bitfield(lua_State* L) {
  Gen<LuaRef> width = check_generator(L, 1, "bitfield (width)");
  Gen<LuaRef> base = lua_isnoneornil(L, 2) ? type_unit(L, Kind::kInt, "Rand.bitfield.int") : check_generator(L, 2, "bitfield (base type)");
  const std::string what = label(L, "bitfield");
  script::push_generator(L, gen::map(gen::tuple(width, base), [L, what](const std::tuple<LuaRef, LuaRef>& t) {
    const int64_t w = script::to_integer(std::get<0>(t), what.c_str());
    TypePtr b = type_of(std::get<1>(t), what);
    return type_ref(L, build(what, [&] { return abi::bitfield(b, w); }));
  }, script::where(L)));
  return 1;
}

int aggregate(lua_State* L, Kind kind, const char* name) {
  Gen<LuaRef> members = check_generator(L, 1, name);
  const std::string what = label(L, name);
  script::push_generator(L, gen::map(members, [L, what, kind](const LuaRef& v) {
    std::vector<TypePtr> list = type_list_of(v, what);
    return type_ref(L, build(what, [&] { return abi::aggregate(kind, std::move(list)); }));
  }, script::where(L)));
  return 1;
}

int l_struct(lua_State* L) { return aggregate(L, Kind::kStruct, "struct"); }
int l_union(lua_State* L) { return aggregate(L, Kind::kUnion, "union"); }

// funptr(resultgen, paramlistgen [, variadic]): never called, only passed.
int l_funptr(lua_State* L) {
  const bool variadic = lua_toboolean(L, 3);
  Gen<LuaRef> result = check_generator(L, 1, "funptr (result type)");
  Gen<LuaRef> params = check_generator(L, 2, "funptr (parameter list)");
  const std::string what = label(L, "funptr");
  script::push_generator(L, gen::map(gen::tuple(result, params), [L, what, variadic](const std::tuple<LuaRef, LuaRef>& t) {
    TypePtr r = type_of(std::get<0>(t), what);
    std::vector<TypePtr> ps = type_list_of(std::get<1>(t), what);
    return type_ref(L, build(what, [&] { return abi::function_pointer(r, std::move(ps), variadic); }));
  }, script::where(L)));
  return 1;
}

// enum(countgen): consecutive enumerators from a start that is 0, small,
// negative, large, or at either end of int's range.
int l_enum(lua_State* L) {
  Gen<LuaRef> count = check_generator(L, 1, "enum (count)");
  const std::string what = label(L, "enum");
  constexpr int64_t kTop = INT64_MAX;  // "as high as int allows"
  auto start = gen::elements<int64_t>({0, 1, -2, 100000, INT32_MIN, kTop}, script::where(L));
  script::push_generator(L, gen::map(gen::tuple(count, start), [L, what](const std::tuple<LuaRef, int64_t>& t) {
    const int64_t n = script::to_integer(std::get<0>(t), what.c_str());
    if (n < 1 || n > 1000) throw GenerationError(fmt::format("{}: {} enumerators (allowed: 1 to 1000)", what, n));
    const int64_t first = std::get<1>(t) == kTop ? INT32_MAX - (n - 1) : std::get<1>(t);
    std::vector<int64_t> values;
    for (int64_t i = 0; i < n; ++i) values.push_back(first + i);
    return type_ref(L, build(what, [&] { return abi::enumeration(std::move(values)); }));
  }, script::where(L)));
  return 1;
}

int l_type_gc(lua_State* L) {
  auto* t = static_cast<TypePtr*>(luaL_checkudata(L, 1, kTypeMeta));
  t->~TypePtr();
  return 0;
}

int l_type_tostring_impl(lua_State* L) {
  const TypePtr t = *static_cast<TypePtr*>(luaL_checkudata(L, 1, kTypeMeta));
  const std::string text = abi::TypeNames::describe(t);
  lua_pushlstring(L, text.data(), text.size());
  return 1;
}

}  // namespace

TypePtr to_type(lua_State* L, int index) {
  auto* t = static_cast<TypePtr*>(luaL_testudata(L, index, kTypeMeta));
  return t ? *t : nullptr;
}

void push_type(lua_State* L, TypePtr type) {
  void* memory = lua_newuserdatauv(L, sizeof(TypePtr), 0);
  new (memory) TypePtr(std::move(type));
  luaL_setmetatable(L, kTypeMeta);
}

TypePtr type_of(const LuaRef& value, const std::string& what) {
  if (const auto* native = value.native_object(push_type_object))
    return std::static_pointer_cast<const abi::CType>(*native);
  lua_State* L = value.state();
  value.push();
  TypePtr t = to_type(L, -1);
  const std::string type = luaL_typename(L, -1);
  lua_pop(L, 1);
  if (!t) throw GenerationError(fmt::format("{}: the generator produced a {}, not a C type", what, type));
  return t;
}

std::vector<TypePtr> type_list_of(const LuaRef& value, const std::string& what) {
  std::vector<TypePtr> out;
  for (const LuaRef& item : script::table_to_list(value, what.c_str())) out.push_back(type_of(item, what));
  return out;
}

void install_types(lua_State* L) {
  luaL_newmetatable(L, kTypeMeta);
  lua_pushcfunction(L, l_type_gc);
  lua_setfield(L, -2, "__gc");
  lua_pushcfunction(L, guarded<l_type_tostring_impl>);
  lua_setfield(L, -2, "__tostring");
  lua_pop(L, 1);

  lua_getglobal(L, "Rand");
  static const luaL_Reg functions[] = {
      {"aligned", guarded<l_aligned>}, {"array", guarded<l_array>},   {"bitfield", guarded<l_bitfield>},
      {"struct", guarded<l_struct>},   {"union", guarded<l_union>},   {"funptr", guarded<l_funptr>},
      {"enum", guarded<l_enum>},       {nullptr, nullptr}};
  luaL_setfuncs(L, functions, 0);
  for (size_t i = 0; i < std::size(kTypeFunctions); ++i) {
    lua_pushinteger(L, static_cast<lua_Integer>(i));
    lua_pushcclosure(L, guarded<l_type_function>, 1);
    lua_setfield(L, -2, kTypeFunctions[i].name);
  }

  // The scalar types are generators that always give the same type.
  const std::pair<const char*, Kind> scalars[] = {
      {"char", Kind::kChar},     {"short", Kind::kShort},           {"int", Kind::kInt},
      {"long", Kind::kLong},     {"longlong", Kind::kLongLong},     {"float", Kind::kFloat},
      {"double", Kind::kDouble}, {"longdouble", Kind::kLongDouble}, {"bool", Kind::kBool},
      {"int128", Kind::kInt128}, {"void", Kind::kVoid}};
  for (const auto& [name, kind] : scalars) {
    script::push_generator(L, type_unit(L, kind, std::string("Rand.") + name));
    lua_setfield(L, -2, name);
  }
  std::vector<Gen<LuaRef>> ints;
  // quest's any_int: char, short, int and long, signed and unsigned (no long long).
  for (Kind k : {Kind::kChar, Kind::kShort, Kind::kInt, Kind::kLong, Kind::kUChar, Kind::kUShort, Kind::kUInt,
                 Kind::kULong})
    ints.push_back(type_unit(L, k, "Rand.any_int." + abi::base_spelling(k)));
  script::push_generator(L, gen::oneof(ints, gen::Where::named("Rand.any_int")));
  lua_setfield(L, -2, "any_int");
  script::push_generator(L, gen::oneof({type_unit(L, Kind::kFloat, "Rand.any_float.float"),
                                        type_unit(L, Kind::kDouble, "Rand.any_float.double")},
                                       gen::Where::named("Rand.any_float")));
  lua_setfield(L, -2, "any_float");
  lua_pop(L, 1);
}

}  // namespace testgen::quest
