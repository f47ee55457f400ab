#include "interpreter.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>

namespace testgen::script {
namespace {

// Each state keeps its Interpreter in the state's extra space (a pointer's
// worth of bytes Lua reserves for the host): found on every value that
// crosses into C++, so it must be cheap to reach.
static_assert(LUA_EXTRASPACE >= sizeof(void*), "Lua's extra space cannot hold a pointer");

// What the interpreter adds in Lua itself: small and stateless.
constexpr std::string_view kPrelude = R"lua(
Uniq = {}
-- A source of unique names for struct tags and members (quest's Uniq.make()).
function Uniq.make()
  local u = {n = 0}
  function u:name(prefix)
    self.n = self.n + 1
    return (prefix or "x") .. self.n
  end
  return u
end
R = Rand
)lua";

}  // namespace

Interpreter& interpreter_of(lua_State* L) {
  Interpreter* self = nullptr;
  std::memcpy(&self, lua_getextraspace(L), sizeof self);
  return *self;
}

Interpreter::Interpreter(uint64_t seed)
    : L_(luaL_newstate()), rng_(seed), alive_(std::make_shared<bool>(true)) {
  if (!L_) throw ScriptError("cannot create a Lua state (out of memory)");
  luaL_openlibs(L_);
  Interpreter* self = this;
  std::memcpy(lua_getextraspace(L_), &self, sizeof self);
  install_rand(L_);
  run_chunk(kPrelude, "testgen prelude");
}

Interpreter::~Interpreter() {
  *alive_ = false;  // references still held in C++ must not touch the closed state
  lua_close(L_);
}

void Interpreter::call(int nargs, int nresults) {
  if (lua_pcall(L_, nargs, nresults, 0) != LUA_OK) {
    const char* message = lua_tostring(L_, -1);
    std::string text = message ? message : "(error object is not a string)";
    lua_pop(L_, 1);
    throw LuaError(text);
  }
}

void Interpreter::run_chunk(std::string_view code, const std::string& chunk_name) {
  const std::string name = "=" + chunk_name;
  if (luaL_loadbuffer(L_, code.data(), code.size(), name.c_str()) != LUA_OK) {
    std::string text = lua_tostring(L_, -1);
    lua_pop(L_, 1);
    throw LuaError(text);
  }
  call(0, 0);
}

void Interpreter::run_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ScriptError(fmt::format("{}: cannot read: {}", path.string(), std::strerror(errno)));
  std::ostringstream code;
  code << in.rdbuf();
  run_chunk(code.str(), path.string());
}

Gen<LuaRef> Interpreter::generator(const std::string& expr) {
  run_chunk("__testgen_value = " + expr, expr);
  lua_getglobal(L_, "__testgen_value");
  // Copy the generator out while the userdata is still on the stack: once
  // popped and unreferenced, the collector may free it.
  const Gen<LuaRef>* found = to_generator(L_, -1);
  std::optional<Gen<LuaRef>> g;
  if (found) g = *found;
  const std::string type = luaL_typename(L_, -1);
  lua_pop(L_, 1);
  lua_pushnil(L_);
  lua_setglobal(L_, "__testgen_value");
  if (!g) throw ScriptError(fmt::format("{}: not a generator (it is a {})", expr, type));
  return *g;
}

}  // namespace testgen::script
