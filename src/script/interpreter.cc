#include "interpreter.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <utility>

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

// Run when the interpreter is not unsafe: what a suite (or a corpus someone
// sent you, replayed) must not do. Reading files (dofile, require of Lua
// files) stays: it is how suites are split up.
constexpr std::string_view kSandbox = R"lua(
local function disabled(name)
  return function()
    error(name .. " is disabled: Lua suites run without process or file-writing functions " ..
          "(--allow-unsafe-lua lifts this)", 2)
  end
end
for _, name in ipairs{"execute", "remove", "rename", "exit", "tmpname", "setlocale"} do
  os[name] = disabled("os." .. name)
end
local io_write, io_read, io_type = io.write, io.read, io.type
local stdin, stdout, stderr = io.stdin, io.stdout, io.stderr
io = {write = io_write, read = io_read, type = io_type, stdin = stdin, stdout = stdout, stderr = stderr}
for _, name in ipairs{"open", "popen", "lines", "output", "input", "tmpfile", "close"} do
  io[name] = disabled("io." .. name)
end
package.loadlib = disabled("package.loadlib")
package.cpath = ""
package.searchers[3] = nil
package.searchers[4] = nil
)lua";

// The kept exception again, of the same kind (its kind is the exit code),
// with the message that names the Lua position it was raised from.
[[noreturn]] void rethrow_with_position(const std::exception_ptr& kept, const std::string& text) {
  try {
    std::rethrow_exception(kept);
  } catch (const GenerationError&) {
    throw GenerationError(text);
  } catch (const testgen::UsageError&) {
    throw LuaError(text);  // a generator misused from Lua: the Lua is wrong
  } catch (const InputError&) {
    throw LuaError(text);
  }
}

}  // namespace

Interpreter& interpreter_of(lua_State* L) {
  Interpreter* self = nullptr;
  std::memcpy(&self, lua_getextraspace(L), sizeof self);
  return *self;
}

Interpreter::Interpreter(uint64_t seed, bool unsafe)
    : L_(luaL_newstate()), rng_(seed), alive_(std::make_shared<bool>(true)) {
  if (!L_) throw ScriptError("cannot create a Lua state (out of memory)");
  luaL_openlibs(L_);
  if (!unsafe) run_chunk(kSandbox, "testgen sandbox");
  Interpreter* self = this;
  std::memcpy(lua_getextraspace(L_), &self, sizeof self);
  install_rand(L_);
  run_chunk(kPrelude, "testgen prelude");
}

Interpreter::~Interpreter() {
  *alive_ = false;  // references still held in C++ must not touch the closed state
  lua_close(L_);
}

void Interpreter::keep_exception(std::exception_ptr original, std::string message) {
  kept_ = std::move(original);
  kept_message_ = std::move(message);
}

void Interpreter::call(int nargs, int nresults) {
  const int status = lua_pcall(L_, nargs, nresults, 0);
  std::exception_ptr kept = std::exchange(kept_, nullptr);
  if (status != LUA_OK) {
    const char* message = lua_tostring(L_, -1);
    std::string text = message ? message : "(error object is not a string)";
    lua_pop(L_, 1);
    // A Lua handler may have caught that error and raised another: only the
    // very same message stands for the kept exception.
    if (kept && text == kept_message_) rethrow_with_position(kept, text);
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
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw ScriptError(fmt::format("{}: is a directory, expected a Lua file", path.string()));
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
