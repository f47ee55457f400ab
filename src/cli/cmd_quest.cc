// `testgen quest` (also the binary invoked as `quest`): quest's command line.
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>

#include <algorithm>

#include "driver.h"
#include "quest_api.h"
#include "error_exit.h"
#include "exit_codes.h"
#include "subcommands.h"
#include "suite.h"
#include "testgen/interrupt.h"
#include "testgen/version.h"

namespace testgen::cli {
namespace {

constexpr std::string_view kHelp = R"(usage: {0} [-test SUITE] [-n N] [-s DEPTH] [-1|-2] [-o NAME] [-seed N] [-pattern] [-checks STYLE]
       {1} [-e CHUNK] [x=y] [FILE.lua] ...
       {0} -list | -lua | -try GEN | -i | -help | -version

Generates C programs that check how a compiler passes parameters: each
case is a function whose parameters, variadic arguments and result are
filled with random values; the callee checks every value it receives and
the caller checks the value returned. Run the program: it prints one line
per wrong value and exits with their number (at most 125).

  -test SUITE   the suite of type generators (default ansi; see -list)
  -n N          cases per file (default 20)
  -s DEPTH      the largest depth of a type: 0 gives scalars only (default 2)
  -1            one file on stdout (default)
  -2            two files, NAME-main.c (callers, main) and NAME-callee.c
                (callees), to compile with two different compilers; they
                also compare sizeof, alignof and every member offset
  -o NAME       the base name for -2 (default quest)
  -seed N       the seed (default: a random one, printed in the header);
                a case's comment shows its own seed: -seed S -n 1 with the
                same other options regenerates that case byte for byte
  -pattern      values whose bytes name their field and position (0xfb:
                field f, byte b) instead of full-range random values
  -checks STYLE how the C compares values: table (default; one table and one
                call per function, quick to compile) or statements (one
                statement per value, for compilers without
                designated initializers)
  -try GEN      print what the Lua generator GEN (e.g. Test.ansi.result)
                makes, -n times at size -s, instead of generating C
  -e CHUNK      run a Lua chunk; x=y is short for -e x=y
  FILE.lua      run a Lua file (suites, generators, overrides)
  -lua          print the built-in Lua code (the suites) and stop
  -unsafe       let Lua start processes and write files (os.execute, io.open,
                ...); without it they raise an error (io.write still prints)
  -list         list the suites and stop
  -i            an interactive Lua prompt (e.g. print(R.run(R.char, Uniq.make(), 3)))
  -h, -help     this help;  -version  the version

The built-in Lua code runs first, then -e chunks, x=y and files from left
to right. Unlike quest, -list, -try and -i do not end option parsing.

Generators (the Rand table, alias R):
  unit(v) bind(g, f) run(g, uniq, size) smaller{g...} iszero flip integer(n)
  choose(lo, hi) elements{v...} oneof{g...} freq{w, g, ...} list(intgen, g)
  concat{listgen...} recursive(leafgen, make)
  char short int long longlong float double longdouble bool int128 void
  any_int any_float unsigned(g) signed(g) bitfield(widthgen [, basegen])
  array(g, intgen) pointer(g) struct(listgen) union(listgen) enum(countgen)
  complex(floatgen) funptr(resultgen, listgen [, variadic]) packed(g)
  aligned(n, g)
A suite is Test.NAME = {doc = "...", test = f, dialect = "c11"|"gnu11",
needs = {...}}, where f() returns {args = listgen, varargs = listgen,
result = typegen, static = boolgen}.

A mismatch line:
  QUEST-MISMATCH case=3 seed=812 function=q..._callee field=arg3.b.c[1] expected=0a0b received=0a0c
(bytes in memory order; layout differences say function=layout field=sizeof:TAG).

Exit codes: 0 ok, 2 usage error (unknown option or suite), 3 Lua error or
unreadable file (the message names the chunk or file and line), 4 a
generator made something C does not allow (e.g. a bitfield parameter).
)";

uint64_t random_seed() {
  std::random_device device;
  return (uint64_t{device()} << 32) ^ device();
}

int error(std::string_view program, int code, std::string_view message) {
  fmt::print(stderr, "{}: error: {}\n", program, message);
  return code;
}

// CMD.gen as the Lua steps left it.
std::string chosen_suite(lua_State* L) {
  lua_getglobal(L, "CMD");
  std::string out;
  if (lua_istable(L, -1)) {
    lua_getfield(L, -1, "gen");
    if (lua_isstring(L, -1)) out = lua_tostring(L, -1);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  return out;
}

// What -list, -i, -try or a plain run calls, as quest does: a function of
// the Quest table, which Lua may have replaced.
void run_quest_function(script::Interpreter& lua, const quest::Options& o) {
  if (o.list) return lua.run_chunk("Quest.list_tests()", "Quest.list_tests()");
  if (o.interactive) return lua.run_chunk("Quest.shell()", "Quest.shell()");
  if (o.try_generator) return lua.run_chunk("Quest.try(CMD, " + *o.try_generator + ")", "-try " + *o.try_generator);
  const std::string suite = chosen_suite(lua.state());
  std::vector<std::string> names;
  for (const quest::SuiteInfo& s : quest::list_suites(lua)) names.push_back(s.name);
  if (std::find(names.begin(), names.end(), suite) == names.end())
    throw quest::UnknownSuite(
        fmt::format("unknown suite '{}' (suites: {}; -list describes them)", suite, fmt::join(names, ", ")));
  lua.run_chunk("Quest.main(CMD)", "Quest.main(CMD)");
}

// Runs the steps and the Quest function; Lua's positions are turned into
// the ones `$file`/`$line` gave. Returns the exit status.
int run_lua(script::Interpreter& lua, const quest::Options& o, quest::QuestState& state) {
  try {
    quest::run_lua_steps(lua, o.lua);
    run_quest_function(lua, o);
  } catch (const quest::LuaExit& e) {
    // exit() ends the run: what Lua wrote so far stays only on success.
    std::fflush(stdout);
    if (e.code() == 0) state.files.commit();
    return e.code();
  } catch (const script::LuaError& e) {
    throw script::LuaError(state.sources.remap(e.what()));
  } catch (const script::ScriptError& e) {
    throw script::ScriptError(state.sources.remap(e.what()));
  } catch (const GenerationError& e) {
    throw GenerationError(state.sources.remap(e.what()));
  }
  state.files.commit();
  for (const std::string& field : quest::unread_fields(lua))
    fmt::print(stderr, "{}: warning: {} was set, but nothing read it: no built-in code uses a field of that name\n",
               state.program, field);
  if (std::fflush(stdout) != 0 || std::ferror(stdout))
    throw StorageError("writing the output failed: standard output (disk full, or the reader went away?)");
  return kExitOk;
}

}  // namespace

int run_quest_as(const Args& args, const std::string& program) {
  quest::Options o;
  try {
    o = quest::parse_options(args);
  } catch (const quest::UsageError& e) {
    return error(program, kExitUsage, fmt::format("{} (see {} -help)", e.what(), program));
  }
  if (o.help) {
    // Not a format string: the help shows Lua tables in braces.
    std::string text(kHelp);
    for (auto [from, to] : {std::pair<std::string, std::string>{"{0}", program}, {"{1}", std::string(program.size(), ' ')}})
      for (size_t p = text.find(from); p != std::string::npos; p = text.find(from, p + to.size())) text.replace(p, from.size(), to);
    fmt::print("{}", text);
    return kExitOk;
  }
  if (o.version) {
    fmt::print("{} (testgen {}, quest-compatible, Lua 5.4)\n", program, kVersion);
    return kExitOk;
  }
  if (o.dump_lua) {
    fmt::print("{}", quest::builtin_lua());
    return kExitOk;
  }
  if (o.manual) {
    fmt::print("{}", quest::manual());
    return kExitOk;
  }
  return guarded(program, [&] {
    const uint64_t seed = o.seed.value_or(random_seed());
    auto lua = quest::make_interpreter(seed, o.unsafe_lua);
    quest::QuestState& state = quest::quest_state(lua->state());
    state.program = program;
    state.show_progress = isatty(STDERR_FILENO);
    quest::set_command_table(lua->state(), quest::CommandLine{.program = program,
                                                              .args = args,
                                                              .quoted = quest::quote_command_line(program, args),
                                                              .n = o.cases,
                                                              .size = o.size,
                                                              .out = o.output,
                                                              .gen = o.suite,
                                                              .stereo = o.two_files,
                                                              .pattern = o.values == abi::ValueMode::kPattern,
                                                              .checks = o.checks,
                                                              .seed = seed});
    return run_lua(*lua, o, state);
  }, program);
}

int run_quest(const Args& args) { return run_quest_as(args, "testgen quest"); }

}  // namespace testgen::cli
