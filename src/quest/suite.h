#pragma once
// Suites: entries of the Lua Test table, turned into generators of test
// cases (types from the suite's Lua generators, values from the core).

#include "testgen/errors.h"
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter.h"
#include "test_case.h"

namespace testgen::quest {

/// The built-in Lua code: quest's suites and ours (`testgen quest -lua`).
std::string_view builtin_lua();
/// The manual page `testgen quest -man` prints (manual.txt).
std::string_view manual();
/// quest's Lua 2.5 standard library over Lua 5.4 (lua25_lib.lua).
std::string_view lua25_library();

/// An interpreter with Rand, the C type generators and the built-in code
/// loaded; without `unsafe`, Lua cannot start processes or write files
/// (script::Interpreter).
std::unique_ptr<script::Interpreter> make_interpreter(uint64_t seed, bool unsafe = false);

struct SuiteInfo {
  std::string name;
  std::string doc;
  std::string dialect = "c11";      ///< the -std= the emitted C needs
  std::vector<std::string> needs;   ///< "int128", "complex", "gnu"
};

/// The suites of the Test table, sorted by name.
std::vector<SuiteInfo> list_suites(script::Interpreter& lua);

class UnknownSuite : public testgen::UsageError {
 public:
  using testgen::UsageError::UsageError;
};

/// The cases of a strategy: the table at `table` that a suite's test()
/// returns ({args, varargs, result, static}); `name` names it in errors,
/// `suite` in the cases' site (what corpora and the adaptive model key on).
Gen<abi::TestCase> strategy_cases(lua_State* L, int table, const std::string& name, const std::string& suite,
                                  abi::ValueMode mode);

/// Calls Test[name].test() and returns a generator of whole cases. A
/// generator that produces something other than C types, or types C does
/// not allow where they are put, raises GenerationError when drawn.
Gen<abi::TestCase> case_generator(script::Interpreter& lua, const std::string& name, abi::ValueMode mode);

}  // namespace testgen::quest
