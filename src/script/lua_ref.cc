#include "lua_ref.h"

#include <stdexcept>

namespace testgen::script {

LuaRef LuaRef::pop(lua_State* L, std::shared_ptr<bool> alive) {
  LuaRef r;
  const int ref = luaL_ref(L, LUA_REGISTRYINDEX);
  // Built in place: a temporary Slot would release the reference when destroyed.
  r.slot_ = std::shared_ptr<Slot>(new Slot{L, ref, std::move(alive)});
  return r;
}

void LuaRef::push() const {
  // An empty LuaRef knows no state to push onto; pushing nothing would unbalance the stack.
  if (!slot_) throw std::logic_error("LuaRef::push on an empty reference");
  lua_rawgeti(slot_->L, LUA_REGISTRYINDEX, slot_->ref);
}

}  // namespace testgen::script
