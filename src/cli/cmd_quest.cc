// `testgen quest` (also the binary invoked as `quest`): quest's command line.
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>

#include "driver.h"
#include "error_exit.h"
#include "exit_codes.h"
#include "subcommands.h"
#include "suite.h"
#include "testgen/interrupt.h"
#include "testgen/version.h"

namespace testgen::cli {
namespace {

constexpr std::string_view kHelp = R"(usage: {0} [-test SUITE] [-n N] [-s DEPTH] [-1|-2] [-o NAME] [-seed N] [-pattern]
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

// Writes the two files under temporary names and renames them into place
// only when every case was written: nothing is ever half-written.
class TwoFiles {
 public:
  explicit TwoFiles(const std::string& base)
      : main_path_(base + "-main.c"), callee_path_(base + "-callee.c"),
        main_tmp_(temp_name(main_path_)), callee_tmp_(temp_name(callee_path_)) {
    main_.open(main_tmp_, std::ios::binary);
    callee_.open(callee_tmp_, std::ios::binary);
    if (!main_ || !callee_) {
      const std::string reason = std::strerror(errno);
      discard();
      throw StorageError(fmt::format("cannot write {}: {}", main_ ? callee_path_ : main_path_, reason));
    }
  }
  ~TwoFiles() { discard(); }
  std::ostream& main() { return main_; }
  std::ostream& callee() { return callee_; }
  void commit() {
    main_.close();
    callee_.close();
    if (main_.fail() || callee_.fail()) throw StorageError("writing the output files failed (disk full?)");
    namespace fs = std::filesystem;
    // Both or neither: the old main file is kept aside (a hard link) until
    // the callee file is in place too, and put back if that fails.
    const std::string backup = temp_name(main_path_) + ".old";
    std::error_code ec;
    const bool had_main = fs::is_regular_file(main_path_, ec);
    ec.clear();
    if (had_main) fs::create_hard_link(main_path_, backup, ec);
    if (ec) throw StorageError(fmt::format("cannot write {}: {}", main_path_, ec.message()));
    fs::rename(main_tmp_, main_path_, ec);
    if (!ec) fs::rename(callee_tmp_, callee_path_, ec);
    if (ec) {
      const std::string why = ec.message();
      std::error_code ignored;
      if (had_main) fs::rename(backup, main_path_, ignored);
      else if (!fs::exists(main_tmp_, ignored)) fs::remove(main_path_, ignored);
      fs::remove(backup, ignored);
      throw StorageError(fmt::format("cannot write {} and {}: {}; neither was changed", main_path_, callee_path_, why));
    }
    fs::remove(backup, ec);
    committed_ = true;
  }

 private:
  static std::string temp_name(const std::string& path) { return fmt::format("{}.tmp-{}", path, getpid()); }
  void discard() {
    if (committed_) return;
    std::error_code ignored;
    std::filesystem::remove(main_tmp_, ignored);
    std::filesystem::remove(callee_tmp_, ignored);
  }
  std::string main_path_, callee_path_, main_tmp_, callee_tmp_;
  std::ofstream main_, callee_;
  bool committed_ = false;
};

std::vector<std::string> header(const std::string& program, const Args& args, const quest::Options& o, uint64_t seed,
                                const std::string& dialect) {
  const std::string files = o.two_files ? fmt::format("{0}-main.c {0}-callee.c", o.output) : "FILE.c";
  return {
      fmt::format("testgen quest {} (quest-compatible generator of calling-convention tests)", kVersion),
      quest::quote_command_line(program, args),
      fmt::format("seed: {} (this file again: the same options with -seed {})", seed, seed),
      fmt::format("suite: {}; build: cc -std={} {} && ./a.out; prints QUEST-MISMATCH lines, exits with their number",
                  o.suite, dialect, files),
  };
}

int generate(const std::string& program, const Args& args, const quest::Options& o, script::Interpreter& lua) {
  const uint64_t seed = o.seed.value_or(random_seed());
  // The suite first: nothing reaches stdout or the files before it is known.
  const Gen<abi::TestCase> cases = quest::case_generator(lua, o.suite, o.values);
  std::string dialect = "c11";
  for (const quest::SuiteInfo& s : quest::list_suites(lua))
    if (s.name == o.suite) dialect = s.dialect;
  abi::EmitOptions emit{.header = header(program, args, o, seed, dialect)};
  const bool show_progress = isatty(STDERR_FILENO) && o.cases >= 2000;
  auto after_case = [&](std::ostream& a, std::ostream* b, int64_t done) {
    // Stop at the first failed write (a full disk, a closed pipe) and on Ctrl-C.
    if (!a || (b && !*b)) throw StorageError("writing the output failed (disk full, or the reader went away?)");
    if (interrupted()) throw Interrupted(interrupt_signal());
    if (show_progress && done % 1000 == 0) fmt::print(stderr, "\r{}: {}/{} cases", program, done, o.cases);
  };
  if (o.two_files) {
    TwoFiles files(o.output);
    abi::Emitter emitter(files.main(), &files.callee(), emit);
    quest::generate_cases(cases, o, seed, emitter, [&](int64_t done) { after_case(files.main(), &files.callee(), done); });
    files.commit();
  } else {
    std::ios::sync_with_stdio(false);
    abi::Emitter emitter(std::cout, nullptr, emit);
    quest::generate_cases(cases, o, seed, emitter, [&](int64_t done) { after_case(std::cout, nullptr, done); });
    std::cout.flush();
    if (!std::cout) throw StorageError("writing to standard output failed (disk full, or the reader went away?)");
  }
  if (show_progress) fmt::print(stderr, "\n");
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
  return guarded(program, [&] {
    auto lua = quest::make_interpreter(o.seed.value_or(0), o.unsafe_lua);
    quest::run_lua_steps(*lua, o.lua);
    if (o.list) {
      for (const quest::SuiteInfo& s : quest::list_suites(*lua)) {
        std::string needs = s.needs.empty() ? "" : fmt::format(" [needs {}]", fmt::join(s.needs, ", "));
        fmt::print("{:<11} {:<6} {}{}\n", s.name, s.dialect, s.doc, needs);
      }
      return kExitOk;
    }
    if (o.interactive) {
      quest::interactive(*lua, std::cin, std::cout, std::cerr, isatty(STDIN_FILENO));
      return kExitOk;
    }
    if (o.try_generator) {
      quest::try_generator(*lua, *o.try_generator, o.cases, o.size, o.seed.value_or(random_seed()), std::cout);
      return kExitOk;
    }
    return generate(program, args, o, *lua);
  }, program);
}

int run_quest(const Args& args) { return run_quest_as(args, "testgen quest"); }

}  // namespace testgen::cli
