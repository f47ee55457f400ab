#pragma once
// Pieces of `testgen quest` that its Lua calls: the per-case seeds, the
// steps of the command line, how -try shows a value, the -i prompt.

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "emitter.h"
#include "interpreter.h"
#include "options.h"

namespace testgen::quest {

/// The seed of the case after the one with seed `seed`. Case 0 of a run
/// has the run's seed, so `-seed S -n 1` regenerates the case whose
/// comment says "seed: S".
uint64_t next_case_seed(uint64_t seed);

/// Runs the Lua steps of the command line (Lua 2.5 or 5.4), left to right.
void run_lua_steps(script::Interpreter& lua, const std::vector<LuaStep>& steps);

/// A Lua value as -try and -i print it: C types as C, lists as { ... }.
std::string format_lua_value(lua_State* L, int index);

/// -i: reads Lua lines from `in` until end of input; prints results and
/// errors and carries on after an error. `prompt` is printed before each line.
void interactive(script::Interpreter& lua, std::istream& in, std::ostream& out, std::ostream& err, bool prompt);

}  // namespace testgen::quest
