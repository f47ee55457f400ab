#include "quest_api.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "driver.h"
#include "emitter.h"
#include "lua_support.h"
#include "suite.h"
#include "testgen/interrupt.h"
#include "testgen/version.h"

namespace testgen::quest {
namespace {

constexpr const char* kStateKey = "testgen.quest.state";
constexpr const char* kFileMeta = "testgen.quest.File";
constexpr const char* kTestsMeta = "testgen.quest.Tests";

// Cases a run of Test.generate stands for: drawn only when emitted.
struct Tests {
  Gen<abi::TestCase> cases;
  int64_t count = 0;
  int size = 0;
  uint64_t seed = 0;
};

using FileHandle = std::shared_ptr<OutputFile>;

template <class T>
T* new_userdata(lua_State* L, const char* meta, T value) {
  void* memory = lua_newuserdatauv(L, sizeof(T), 0);
  T* object = new (memory) T(std::move(value));
  luaL_setmetatable(L, meta);
  return object;
}

template <class T>
int destroy(lua_State* L) {
  static_cast<T*>(lua_touserdata(L, 1))->~T();
  return 0;
}

FileHandle& check_file(lua_State* L, int index, const char* what) {
  auto* f = static_cast<FileHandle*>(luaL_testudata(L, index, kFileMeta));
  if (!f)
    throw script::ScriptError(
        fmt::format("{}: argument {} should be a file from File.open_out or File.stdout, got a {}", what, index,
                    luaL_typename(L, index)));
  if ((*f)->closed()) throw script::ScriptError(fmt::format("{}: {} is already closed", what, (*f)->name()));
  return *f;
}

Tests& check_tests(lua_State* L, int index, const char* what) {
  auto* t = static_cast<Tests*>(luaL_testudata(L, index, kTestsMeta));
  if (!t)
    throw script::ScriptError(fmt::format("{}: argument {} should be what Test.generate returns, got a {}", what,
                                          index, luaL_typename(L, index)));
  return *t;
}

// A CMD field as the run uses it now (quest's Lua may have changed it).
std::string command_string(lua_State* L, const char* field) {
  lua_getglobal(L, "CMD");
  if (!lua_istable(L, -1)) {
    lua_pop(L, 1);
    throw script::ScriptError("CMD is not a table any more: the command line cannot be read");
  }
  lua_getfield(L, -1, field);
  std::string out = lua_isstring(L, -1) ? lua_tostring(L, -1) : "";
  const bool present = !lua_isnil(L, -1);
  const bool truthy = lua_toboolean(L, -1);
  lua_pop(L, 2);
  if (!present) return "";
  if (out.empty() && truthy) return "true";
  return out;
}

uint64_t command_seed(lua_State* L) {
  const std::string text = command_string(L, "seed");
  uint64_t seed = 0;
  int64_t negative = 0;
  const char* end = text.data() + text.size();
  if (!text.empty() && text[0] == '-') {
    auto [p, ec] = std::from_chars(text.data(), end, negative);
    if (ec == std::errc() && p == end) return static_cast<uint64_t>(negative);
  } else {
    auto [p, ec] = std::from_chars(text.data(), end, seed);
    if (ec == std::errc() && p == end && !text.empty()) return seed;
  }
  throw script::ScriptError(fmt::format("CMD.seed is '{}', not a whole number", text));
}

void push_file(lua_State* L, FileHandle f) { new_userdata(L, kFileMeta, std::move(f)); }

// --- Test, Emit -------------------------------------------------------------

int l_generate(lua_State* L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  const lua_Integer n = luaL_checkinteger(L, 2);
  const lua_Integer size = luaL_checkinteger(L, 3);
  if (n < 0) throw script::ScriptError(fmt::format("Test.generate: the number of cases is {}, less than 0", n));
  if (size < 0 || size > 1000)
    throw script::ScriptError(fmt::format("Test.generate: the size is {}, not between 0 and 1000", size));
  const std::string suite = command_string(L, "gen");
  const bool pattern = command_string(L, "pattern") == "true";
  Tests tests{strategy_cases(L, 1, "Test.generate", suite.empty() ? "lua" : suite,
                             pattern ? abi::ValueMode::kPattern : abi::ValueMode::kFull),
              n, static_cast<int>(size), command_seed(L)};
  new_userdata(L, kTestsMeta, std::move(tests));
  return 1;
}

void emit(lua_State* L, const Tests& tests, OutputFile& main, OutputFile* callee) {
  QuestState& state = quest_state(L);
  const std::string checks = command_string(L, "checks");
  if (checks != "table" && checks != "statements")
    throw script::ScriptError(fmt::format("CMD.checks is '{}': expected table or statements", checks));
  abi::Emitter emitter(main.stream(), callee ? &callee->stream() : nullptr,
                       abi::EmitOptions{.checks = checks == "table" ? abi::CheckStyle::kTable
                                                                    : abi::CheckStyle::kStatements});
  const bool progress = state.show_progress && tests.count >= 2000;
  uint64_t case_seed = tests.seed;
  for (int64_t i = 0; i < tests.count; ++i) {
    ChoiceTree tree;
    Source source(tree, SourceOptions{.seed = case_seed, .size = tests.size});
    abi::TestCase test = tests.cases(source.root());
    test.seed = case_seed;
    emitter.add(test);
    // Stop at the first failed write (a full disk, a closed pipe) and on Ctrl-C.
    main.check();
    if (callee) callee->check();
    if (interrupted()) throw Interrupted(interrupt_signal());
    if (progress && (i + 1) % 1000 == 0) fmt::print(stderr, "\r{}: {}/{} cases", state.program, i + 1, tests.count);
    case_seed = next_case_seed(case_seed);
  }
  emitter.finish();
  main.check();
  if (callee) callee->check();
  if (progress) fmt::print(stderr, "\n");
}

int l_emit_mono(lua_State* L) {
  FileHandle file = check_file(L, 1, "Emit.mono");
  emit(L, check_tests(L, 2, "Emit.mono"), *file, nullptr);
  return 0;
}

int l_emit_stereo(lua_State* L) {
  FileHandle main = check_file(L, 1, "Emit.stereo");
  FileHandle callee = check_file(L, 2, "Emit.stereo");
  if (main == callee) throw script::ScriptError("Emit.stereo: the main and the callee file are the same file");
  emit(L, check_tests(L, 3, "Emit.stereo"), *main, callee.get());
  return 0;
}

// --- File -------------------------------------------------------------------

int l_open_out(lua_State* L) {
  const std::string name = luaL_checkstring(L, 1);
  QuestState& state = quest_state(L);
  // Without -unsafe, Lua may write the two files -2 names and nothing else.
  const std::string out = command_string(L, "out");
  if (!state.unsafe && name != out + "-main.c" && name != out + "-callee.c")
    throw script::ScriptError(fmt::format(
        "File.open_out: '{}' is not one of the files -2 writes ({}-main.c, {}-callee.c); run with -unsafe to let "
        "Lua write other files",
        name, out, out));
  push_file(L, state.files.open(name));
  return 1;
}

int l_close_out(lua_State* L) {
  check_file(L, 1, "File.close_out")->close();
  return 0;
}

int l_file_write(lua_State* L) {
  FileHandle file = check_file(L, 1, "File.write");
  size_t length = 0;
  const char* text = luaL_tolstring(L, 2, &length);
  file->stream().write(text, static_cast<std::streamsize>(length));
  lua_pop(L, 1);
  file->check();
  return 0;
}

int l_file_tostring(lua_State* L) {
  auto* f = static_cast<FileHandle*>(luaL_checkudata(L, 1, kFileMeta));
  lua_pushfstring(L, "file (%s)", (*f)->name().c_str());
  return 1;
}

// --- the rest ---------------------------------------------------------------

int l_exit(lua_State* L) {
  const lua_Integer code = luaL_optinteger(L, 1, 0);
  throw LuaExit(static_cast<int>(code & 0xff));
}

// Testgen.read_lua(name): the file's text as Lua 5.4 and its chunk name,
// for dofile (reading stays allowed without -unsafe: suites are split up).
int l_read_lua(lua_State* L) {
  const std::string path = luaL_checkstring(L, 1);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw script::ScriptError(fmt::format("dofile: cannot read {}: {}", path, std::strerror(errno)));
  std::ostringstream text;
  text << in.rdbuf();
  Lua25Source source = translate_lua25(text.str());
  quest_state(L).sources.add(path, std::move(source.positions));
  lua_pushlstring(L, source.code.data(), source.code.size());
  lua_pushstring(L, path.c_str());
  return 2;
}

int l_translate(lua_State* L) {
  size_t length = 0;
  const char* text = luaL_checklstring(L, 1, &length);
  const std::string name = luaL_optstring(L, 2, "dostring");
  Lua25Source source = translate_lua25(std::string_view(text, length));
  quest_state(L).sources.add(name, std::move(source.positions));
  lua_pushlstring(L, source.code.data(), source.code.size());
  lua_pushstring(L, name.c_str());
  return 2;
}

int l_random(lua_State* L) {
  const uint64_t bits = quest_state(L).random.next() >> 11;
  lua_pushnumber(L, static_cast<double>(bits) * 0x1.0p-53);
  return 1;
}

int l_randomseed(lua_State* L) {
  quest_state(L).random = Rng(static_cast<uint64_t>(luaL_checkinteger(L, 1)));
  return 0;
}

int l_show(lua_State* L) {
  luaL_checkany(L, 1);
  const std::string text = format_lua_value(L, 1);
  lua_pushlstring(L, text.data(), text.size());
  return 1;
}

int l_prompt(lua_State* L) {
  interactive(script::interpreter_of(L), std::cin, std::cout, std::cerr, isatty(STDIN_FILENO));
  return 0;
}

void set_functions(lua_State* L, const char* table, const luaL_Reg* functions) {
  lua_getglobal(L, table);
  if (!lua_istable(L, -1)) {
    lua_pop(L, 1);
    lua_newtable(L);
    lua_pushvalue(L, -1);
    lua_setglobal(L, table);
  }
  luaL_setfuncs(L, functions, 0);
  lua_pop(L, 1);
}

// Run after the Lua 2.5 library: dofile and dostring read Lua 2.5.
constexpr std::string_view kLoaders = R"lua(
local read_lua, translate, load, error = Testgen.read_lua, Testgen.translate, load, error
function dofile(name)
  local code, chunk = read_lua(name)
  local f, why = load(code, "=" .. chunk)
  if not f then error(why, 0) end
  return f()
end
function dostring(text)
  local code, chunk = translate(text, "dostring")
  local f, why = load(code, "=" .. chunk)
  if not f then error(why, 0) end
  return f()
end
File.open_in, File.close_in, File.stdin = open_in, close_in, io.stdin
)lua";

}  // namespace

QuestState& quest_state(lua_State* L) {
  lua_getfield(L, LUA_REGISTRYINDEX, kStateKey);
  auto* state = static_cast<QuestState*>(lua_touserdata(L, -1));
  lua_pop(L, 1);
  if (!state) throw std::logic_error("the quest tables are not installed in this interpreter");
  return *state;
}

void install_quest_api(lua_State* L, uint64_t seed, bool unsafe) {
  luaL_newmetatable(L, "testgen.quest.State");
  lua_pushcfunction(L, destroy<QuestState>);
  lua_setfield(L, -2, "__gc");
  lua_pop(L, 1);
  new_userdata<QuestState>(L, "testgen.quest.State", QuestState{});
  lua_setfield(L, LUA_REGISTRYINDEX, kStateKey);
  QuestState& s = quest_state(L);
  s.unsafe = unsafe;
  s.random = Rng(seed ^ 0x9e3779b97f4a7c15ull);

  luaL_newmetatable(L, kFileMeta);
  lua_pushcfunction(L, destroy<FileHandle>);
  lua_setfield(L, -2, "__gc");
  lua_pushcfunction(L, script::guarded<l_file_tostring>);
  lua_setfield(L, -2, "__tostring");
  lua_pop(L, 1);
  luaL_newmetatable(L, kTestsMeta);
  lua_pushcfunction(L, destroy<Tests>);
  lua_setfield(L, -2, "__gc");
  lua_pop(L, 1);

  static const luaL_Reg test[] = {{"generate", script::guarded<l_generate>}, {nullptr, nullptr}};
  static const luaL_Reg emit[] = {{"mono", script::guarded<l_emit_mono, false>},
                                  {"stereo", script::guarded<l_emit_stereo, false>},
                                  {nullptr, nullptr}};
  static const luaL_Reg file[] = {{"open_out", script::guarded<l_open_out>},
                                  {"close_out", script::guarded<l_close_out>},
                                  {"write", script::guarded<l_file_write>},
                                  {nullptr, nullptr}};
  static const luaL_Reg testgen[] = {{"show", script::guarded<l_show>},
                                     {"prompt", script::guarded<l_prompt>},
                                     {"read_lua", script::guarded<l_read_lua>},
                                     {"translate", script::guarded<l_translate>},
                                     {nullptr, nullptr}};
  static const luaL_Reg globals[] = {{"exit", script::guarded<l_exit>},
                                     {"random", script::guarded<l_random>},
                                     {"randomseed", script::guarded<l_randomseed>},
                                     {nullptr, nullptr}};
  set_functions(L, "Test", test);
  set_functions(L, "Emit", emit);
  set_functions(L, "File", file);
  set_functions(L, "Testgen", testgen);
  lua_pushglobaltable(L);
  luaL_setfuncs(L, globals, 0);
  lua_pop(L, 1);

  lua_getglobal(L, "File");
  push_file(L, std::make_shared<OutputFile>(stdout, "standard output"));
  lua_setfield(L, -2, "stdout");
  push_file(L, std::make_shared<OutputFile>(stderr, "standard error"));
  lua_setfield(L, -2, "stderr");
  lua_pop(L, 1);
  lua_getglobal(L, "Testgen");
  lua_pushstring(L, fmt::format("testgen quest {} (quest-compatible generator of calling-convention tests)", kVersion)
                        .c_str());
  lua_setfield(L, -2, "version");
  lua_pop(L, 1);
  script::interpreter_of(L).run_chunk(kLoaders, "testgen quest loaders");
}

void run_user_chunk(script::Interpreter& lua, std::string_view code, const std::string& chunk_name) {
  Lua25Source source = translate_lua25(code);
  quest_state(lua.state()).sources.add(chunk_name, std::move(source.positions));
  lua.run_chunk(source.code, chunk_name);
}

void run_user_file(script::Interpreter& lua, const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw script::ScriptError(fmt::format("{}: is a directory, expected a Lua file", path));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw script::ScriptError(fmt::format("{}: cannot read: {}", path, std::strerror(errno)));
  std::ostringstream code;
  code << in.rdbuf();
  run_user_chunk(lua, code.str(), path);
}

void set_command_table(lua_State* L, const CommandLine& c) {
  lua_newtable(L);
  lua_pushinteger(L, c.n);
  lua_setfield(L, -2, "n");
  lua_pushinteger(L, c.size);
  lua_setfield(L, -2, "size");
  lua_pushstring(L, c.out.c_str());
  lua_setfield(L, -2, "out");
  lua_pushstring(L, c.gen.c_str());
  lua_setfield(L, -2, "gen");
  lua_pushboolean(L, c.stereo);
  lua_setfield(L, -2, "stereo");
  lua_pushboolean(L, c.pattern);
  lua_setfield(L, -2, "pattern");
  lua_pushstring(L, c.checks.c_str());
  lua_setfield(L, -2, "checks");
  lua_pushstring(L, std::to_string(c.seed).c_str());
  lua_setfield(L, -2, "seed");
  lua_createtable(L, static_cast<int>(c.args.size()), 0);
  for (size_t i = 0; i < c.args.size(); ++i) {
    lua_pushstring(L, c.args[i].c_str());
    lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
  }
  lua_setfield(L, -2, "argv");
  lua_pushstring(L, c.quoted.c_str());
  lua_setfield(L, -2, "argstr");
  lua_pushstring(L, c.program.c_str());
  lua_setfield(L, -2, "cmd");
  lua_setglobal(L, "CMD");
  script::interpreter_of(L).run_chunk("if Testgen.watch then Testgen.watch('CMD', CMD) end", "CMD");
}

std::vector<std::string> unread_fields(script::Interpreter& lua) {
  lua_State* L = lua.state();
  std::vector<std::string> out;
  lua_getglobal(L, "Testgen");
  if (lua_istable(L, -1)) lua_getfield(L, -1, "unread");
  else lua_pushnil(L);
  if (!lua_isfunction(L, -1)) {
    lua_pop(L, 2);
    return out;
  }
  lua.call(0, 1);
  if (lua_istable(L, -1)) {
    const lua_Integer n = luaL_len(L, -1);
    for (lua_Integer i = 1; i <= n; ++i) {
      lua_geti(L, -1, i);
      if (lua_isstring(L, -1)) out.emplace_back(lua_tostring(L, -1));
      lua_pop(L, 1);
    }
  }
  lua_pop(L, 2);
  return out;
}

}  // namespace testgen::quest
