#pragma once
// What quest's Lua calls besides Rand: the tables its built-in code drives
// a run with, so that a quest user's own Quest.main, Quest.mono or
// Quest.header (or quest's whole -lua output) runs unchanged.
//
//   CMD                 the command line: n, size, out, gen, stereo, argv,
//                       argstr, cmd (as quest), seed, pattern, checks (ours);
//                       read when used, so assigning to them takes effect
//   Test.generate(s, n, size)   n cases of the strategy s = suite.test()
//   Emit.mono(file, tests)      the cases as one C file
//   Emit.stereo(main, callee, tests)   as two
//   File.stdout, File.stderr, File.stdin, File.open_out(name),
//   File.close_out(f), File.write(f, text), File.open_in, File.close_in
//   Testgen.show(v)     a value as -try prints it
//   Testgen.prompt()    testgen's interactive prompt (-i)
//   exit(n), dofile(name), dostring(text), random(), randomseed(n)
//
// Files that Lua opens appear only when the run succeeds (OutputFiles).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter.h"
#include "lua25_source.h"
#include "output_files.h"
#include "testgen/rng.h"

namespace testgen::quest {

/// Lua called exit(code): the run ends with that status.
class LuaExit {
 public:
  explicit LuaExit(int code) : code_(code) {}
  int code() const { return code_; }

 private:
  int code_;
};

/// What the quest tables keep for one interpreter.
struct QuestState {
  bool unsafe = false;
  bool show_progress = false;  ///< a progress line on stderr for long runs
  std::string program = "testgen quest";
  OutputFiles files;
  SourceMaps sources;
  Rng random{0};
};

/// Installs the tables above; `seed` also seeds random().
void install_quest_api(lua_State* L, uint64_t seed, bool unsafe);
QuestState& quest_state(lua_State* L);

/// Runs Lua a quest user wrote (a file, -e chunk or x=y): Lua 2.5's `$`
/// lines are honoured and errors name the position they give.
void run_user_chunk(script::Interpreter& lua, std::string_view code, const std::string& chunk_name);
void run_user_file(script::Interpreter& lua, const std::string& path);

/// Sets CMD.
struct CommandLine {
  std::string program;  ///< CMD.cmd
  std::vector<std::string> args;
  std::string quoted;  ///< CMD.argstr: the command line, quoted for a C comment
  int64_t n = 20;
  int size = 2;
  std::string out = "quest", gen = "ansi";
  bool stereo = false, pattern = false;
  std::string checks = "table";  ///< CMD.checks: "table" or "statements" (abi::CheckStyle)
  uint64_t seed = 0;
};
void set_command_table(lua_State* L, const CommandLine& command);

/// Fields set on a built-in table (ANSI, Quest, CMD, ...) that nothing read.
std::vector<std::string> unread_fields(script::Interpreter& lua);

}  // namespace testgen::quest
