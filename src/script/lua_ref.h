#pragma once
// A Lua value held from C++. Integers and booleans (list lengths, flips)
// are kept inline; C++ objects that generators pass to each other (lists,
// C types) stay C++ objects until Lua code needs them; anything else is a
// registry reference shared by copies and released with the last one
// (unless the interpreter is already closing).

#include <lua.hpp>

#include <memory>

namespace testgen::script {

class LuaRef {
 public:
  LuaRef() = default;
  /// Takes the value on top of the stack (pops it). `alive` is the
  /// interpreter's flag, cleared before it closes the state.
  static LuaRef pop(lua_State* L, const std::shared_ptr<bool>& alive);
  /// Makes a Lua value from a C++ object.
  using Pusher = void (*)(lua_State* L, const std::shared_ptr<const void>& object);
  /// A C++ object that becomes a Lua value (through `pusher`) only when pushed.
  static LuaRef native(lua_State* L, std::shared_ptr<const void> object, Pusher pusher);
  /// The object, if this holds one made with `pusher`; otherwise null.
  const std::shared_ptr<const void>* native_object(Pusher pusher) const {
    return held_ == Held::kNative && pusher_ == pusher ? &native_ : nullptr;
  }
  /// Pushes the value; throws std::logic_error for an empty (default) reference.
  void push() const;
  lua_State* state() const { return L_; }

 private:
  struct Slot {
    lua_State* L;
    int ref;
    std::shared_ptr<bool> alive;
    ~Slot() {
      if (*alive) luaL_unref(L, LUA_REGISTRYINDEX, ref);
    }
  };
  enum class Held : unsigned char { kNothing, kInteger, kBoolean, kReference, kNative };

  lua_State* L_ = nullptr;
  Held held_ = Held::kNothing;
  lua_Integer inline_ = 0;  // the integer or boolean, when held inline
  std::shared_ptr<Slot> slot_;
  std::shared_ptr<const void> native_;
  Pusher pusher_ = nullptr;
};

}  // namespace testgen::script
