#pragma once
// Helpers for C functions that Lua calls: C++ exceptions become Lua errors
// at the caller's position, and Lua values move in and out of generators.

#include <exception>
#include <string>
#include <vector>

#include "interpreter.h"

namespace testgen::script {

// Runs F; a C++ exception becomes a Lua error at the caller's position. No
// C++ object may be alive in this frame when lua_error jumps. Exceptions
// other than Lua's own (a full disk, Ctrl-C, a generator error) are also
// kept, so that the Interpreter rethrows them as they were once the error
// reaches C++ unchanged: their kind decides the exit code.
//
// `add_position` false leaves the caller's position out, for functions whose
// errors say where they come from themselves (Emit: the generator at fault,
// not the line that called Emit).
template <int (*F)(lua_State*), bool add_position = true>
int guarded(lua_State* L) {
  {
    std::string message;
    bool positioned = false;  // Lua's own errors already say where they happened
    std::exception_ptr original;
    try {
      return F(L);
    } catch (const LuaError& e) {
      message = e.what();
      positioned = true;
    } catch (const std::exception& e) {
      message = e.what();
      original = std::current_exception();
    } catch (...) {
      message = "the run was stopped (Ctrl-C, or Lua called exit)";
      original = std::current_exception();
    }
    if (positioned || !add_position) {
      lua_pushlstring(L, message.data(), message.size());
    } else {
      luaL_where(L, 1);
      lua_pushlstring(L, message.data(), message.size());
      lua_concat(L, 2);
    }
    if (original) interpreter_of(L).keep_exception(std::move(original), lua_tostring(L, -1));
  }
  return lua_error(L);
}

/// The Lua position that is creating a generator: its site ("suite.lua:12").
gen::Where where(lua_State* L);
/// Pops the top of the stack into a reference.
LuaRef take(lua_State* L);
LuaRef copy_arg(lua_State* L, int index);
/// The generator at `index`; throws ScriptError naming `what` otherwise.
Gen<LuaRef> check_generator(lua_State* L, int index, const char* what);
/// A non-empty Lua list of generators at `index`.
std::vector<Gen<LuaRef>> generator_list(lua_State* L, int index, const char* what);
/// The integer a generator produced (e.g. a list length).
int64_t to_integer(const LuaRef& value, const char* what);
/// A generator of Lua integers or booleans from a core generator.
Gen<LuaRef> integers_as_lua(lua_State* L, Gen<int64_t> g);
Gen<LuaRef> booleans_as_lua(lua_State* L, Gen<bool> g);
LuaRef list_to_table(lua_State* L, const std::vector<LuaRef>& items);
std::vector<LuaRef> table_to_list(const LuaRef& table, const char* what);

}  // namespace testgen::script
