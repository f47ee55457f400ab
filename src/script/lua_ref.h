#pragma once
// A Lua value held from C++: a registry reference shared by copies and
// released with the last one (unless the interpreter is already closing).

#include <lua.hpp>

#include <memory>

namespace testgen::script {

class LuaRef {
 public:
  LuaRef() = default;
  /// Takes the value on top of the stack (pops it). `alive` is the
  /// interpreter's flag, cleared before it closes the state.
  static LuaRef pop(lua_State* L, std::shared_ptr<bool> alive);
  /// Pushes the value; throws std::logic_error for an empty (default) reference.
  void push() const;
  lua_State* state() const { return slot_ ? slot_->L : nullptr; }

 private:
  struct Slot {
    lua_State* L;
    int ref;
    std::shared_ptr<bool> alive;
    ~Slot() {
      if (*alive) luaL_unref(L, LUA_REGISTRYINDEX, ref);
    }
  };
  std::shared_ptr<Slot> slot_;
};

}  // namespace testgen::script
