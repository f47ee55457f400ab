#pragma once
// C types as Lua values, and the Rand generators that make them (quest's
// R.char ... R.union, plus the types quest never had: R.bool, R.enum,
// R.int128, R.complex, R.funptr, R.void, R.packed, R.aligned, R.signed).

#include <vector>

#include "c_type.h"
#include "lua_ref.h"

namespace testgen::quest {

/// Adds the type generators to the Rand table (after script::install_rand).
void install_types(lua_State* L);

/// The C type a Lua value holds, or null.
abi::TypePtr to_type(lua_State* L, int index);
void push_type(lua_State* L, abi::TypePtr type);

/// The C type a generator produced; throws GenerationError naming `what`.
abi::TypePtr type_of(const script::LuaRef& value, const std::string& what);
/// A Lua list of C types; throws GenerationError naming `what`.
std::vector<abi::TypePtr> type_list_of(const script::LuaRef& value, const std::string& what);

}  // namespace testgen::quest
