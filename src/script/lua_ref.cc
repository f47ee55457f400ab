#include "lua_ref.h"

#include <stdexcept>

namespace testgen::script {

LuaRef LuaRef::pop(lua_State* L, const std::shared_ptr<bool>& alive) {
  LuaRef r;
  r.L_ = L;
  // Small values skip the registry: generators make many of them.
  if (lua_isinteger(L, -1)) {
    r.held_ = Held::kInteger;
    r.inline_ = lua_tointeger(L, -1);
    lua_pop(L, 1);
    return r;
  }
  if (lua_isboolean(L, -1)) {
    r.held_ = Held::kBoolean;
    r.inline_ = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return r;
  }
  r.held_ = Held::kReference;
  const int ref = luaL_ref(L, LUA_REGISTRYINDEX);
  // Built in place: a temporary Slot would release the reference when destroyed.
  r.slot_ = std::shared_ptr<Slot>(new Slot{L, ref, alive});
  return r;
}

LuaRef LuaRef::native(lua_State* L, std::shared_ptr<const void> object, Pusher pusher) {
  LuaRef r;
  r.L_ = L;
  r.held_ = Held::kNative;
  r.native_ = std::move(object);
  r.pusher_ = pusher;
  return r;
}

void LuaRef::push() const {
  switch (held_) {
    case Held::kNative: pusher_(L_, native_); return;
    case Held::kInteger: lua_pushinteger(L_, inline_); return;
    case Held::kBoolean: lua_pushboolean(L_, static_cast<int>(inline_)); return;
    case Held::kReference: lua_rawgeti(L_, LUA_REGISTRYINDEX, slot_->ref); return;
    case Held::kNothing: break;
  }
  // An empty LuaRef knows no state to push onto; pushing nothing would unbalance the stack.
  throw std::logic_error("LuaRef::push on an empty reference");
}

}  // namespace testgen::script
