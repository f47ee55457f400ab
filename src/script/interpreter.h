#pragma once
// The embedded Lua 5.4 interpreter with testgen's Rand and Uniq tables.
//
// Lua errors never escape as longjmps into C++: every chunk runs under
// pcall, and every C++ exception raised while Lua called us is turned into
// a Lua error carrying the caller's "chunk:line:". What reaches C++ is a
// ScriptError whose message starts with that position.

#include "testgen/errors.h"
#include <exception>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "lua_ref.h"
#include "testgen/gen.h"
#include "testgen/rng.h"

namespace testgen::script {

class ScriptError : public InputError {
 public:
  using InputError::InputError;
};

/// An error Lua raised, whose message already starts with "chunk:line:".
class LuaError : public ScriptError {
 public:
  using ScriptError::ScriptError;
};

class Interpreter {
 public:
  /// A fresh interpreter whose R.run draws from `seed`. Lua code is code:
  /// unless `unsafe`, the functions that start processes, write or remove
  /// files, load C modules or end the process (os.execute, io.open,
  /// io.popen, os.remove, package.loadlib, ...) raise an error saying so;
  /// io.write and io.read (standard output and input) stay.
  explicit Interpreter(uint64_t seed, bool unsafe = false);
  ~Interpreter();
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

  /// Runs `code`; errors name `chunk_name` (e.g. "(command line)") and the line.
  void run_chunk(std::string_view code, const std::string& chunk_name);
  /// Runs a file; errors name the file and the line.
  void run_file(const std::filesystem::path& path);
  /// The generator the Lua expression `expr` evaluates to (e.g. "Test.ansi.result").
  Gen<LuaRef> generator(const std::string& expr);

  lua_State* state() { return L_; }
  /// lua_pcall of the function and arguments on the stack; an error becomes
  /// LuaError (or the C++ exception behind it, see keep_exception).
  void call(int nargs, int nresults);
  /// Remembers the C++ exception behind the Lua error `message` (guarded):
  /// if that error reaches C++ unchanged, the exception is rethrown instead.
  void keep_exception(std::exception_ptr original, std::string message);
  Rng& rng() { return rng_; }
  const std::shared_ptr<bool>& alive() const { return alive_; }

 private:
  lua_State* L_;
  Rng rng_;
  std::exception_ptr kept_;
  std::string kept_message_;
  std::shared_ptr<bool> alive_;
};

/// The interpreter that owns `L` (stored in its registry).
Interpreter& interpreter_of(lua_State* L);

/// Installs Rand (alias R) and Uniq into the interpreter's globals.
void install_rand(lua_State* L);
/// The Gen behind a generator userdata at `index`, or nullptr.
const Gen<LuaRef>* to_generator(lua_State* L, int index);
/// Pushes a new generator userdata.
void push_generator(lua_State* L, Gen<LuaRef> gen);

}  // namespace testgen::script
