// Lua suites: any chunk either fails with a ScriptError (or a generator
// error) or defines suites whose cases draw; the sandbox holds, and a
// chunk that loops is cut off by an instruction budget.
#include <lua.hpp>

#include "fuzz_input.h"
#include "quest_api.h"
#include "suite.h"

namespace {
void out_of_budget(lua_State* L, lua_Debug*) { luaL_error(L, "instruction budget spent"); }
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace testgen;
  auto lua = quest::make_interpreter(1);
  lua_sethook(lua->state(), out_of_budget, LUA_MASKCOUNT, 200000);
  try {
    lua->run_chunk(fuzzing::text_of(data, size), "suite.lua");
    for (const quest::SuiteInfo& s : quest::list_suites(*lua)) {
      Gen<abi::TestCase> cases = quest::case_generator(*lua, s.name, abi::ValueMode::kFull);
      ChoiceTree tree;
      Source source(tree, {.seed = 1, .size = 2});
      cases(source.root());
    }
  } catch (const Error&) {
  } catch (const quest::LuaExit&) {  // the chunk called exit(n): the run ends, nothing leaks
  }
  return 0;
}
