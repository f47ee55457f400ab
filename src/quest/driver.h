#pragma once
// What `testgen quest` does once its options are read: generate cases,
// print generated types (-try), or run an interactive Lua prompt (-i).

#include <cstdint>
#include <functional>
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

/// Runs the Lua steps of the command line, left to right.
void run_lua_steps(script::Interpreter& lua, const std::vector<LuaStep>& steps);

/// Generates `options.cases` cases of `cases` (the suite's generator,
/// case_generator) into `emitter`, streaming. `on_case` (if set) is called
/// after each case with the number done; it may throw to stop.
void generate_cases(const Gen<abi::TestCase>& cases, const Options& options, uint64_t seed, abi::Emitter& emitter,
                    const std::function<void(int64_t)>& on_case = {});

/// -try: runs the generator named by the Lua expression `expr` n times at
/// size `size` and prints one value per line.
void try_generator(script::Interpreter& lua, const std::string& expr, int64_t n, int size, uint64_t seed,
                   std::ostream& out);

/// A Lua value as -try and -i print it: C types as C, lists as { ... }.
std::string format_lua_value(lua_State* L, int index);

/// -i: reads Lua lines from `in` until end of input; prints results and
/// errors and carries on after an error. `prompt` is printed before each line.
void interactive(script::Interpreter& lua, std::istream& in, std::ostream& out, std::ostream& err, bool prompt);

}  // namespace testgen::quest
