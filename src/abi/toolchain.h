#pragma once
// Compilers and compiler pairs, and building and running one two-file test
// with a pair: the part of an ABI hunt that touches real tools.
//
// A compiler is a command plus flags, written the way a user types it
// ("clang -O2", "gcc -fpcc-struct-return"); it is split on spaces, never
// given to a shell. A pair "CALLER:CALLEE" compiles the main file (callers)
// with CALLER and the callee file with CALLEE.

#include "testgen/errors.h"
#include <chrono>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "testgen/process.h"

namespace testgen::abi {

struct Compiler {
  std::string spec;               ///< as written: "clang -O2"
  std::vector<std::string> argv;  ///< {"clang", "-O2"}
  std::string program() const { return argv.front(); }
};

struct CompilerPair {
  Compiler caller, callee;
  std::string spec() const { return caller.spec + ":" + callee.spec; }
};

class ToolchainError : public UsageError {
 public:
  using UsageError::UsageError;
};

/// "clang -O2" -> {clang, -O2}; throws ToolchainError for an empty spec.
Compiler parse_compiler(const std::string& spec);
/// "gcc:clang -O2"; throws ToolchainError without exactly one ':'.
CompilerPair parse_pair(const std::string& spec);
/// Which of `names` are on PATH, in the order given.
std::vector<std::string> installed(const std::vector<std::string>& names);
/// Every ordered pair (a, b) of `compilers` with a != b, then each with itself.
std::vector<CompilerPair> all_pairs(const std::vector<Compiler>& compilers);
/// False when the compiler lacks something a suite needs ("int128",
/// "complex", "gnu"): tcc and pcc have neither _Complex nor __int128.
bool supports(const Compiler& compiler, const std::vector<std::string>& needs);

/// A target architecture: the host, or another one through Debian's cross
/// gcc (and clang --target) with the program run under qemu-user.
struct Arch {
  std::string name = "x86_64";
  std::string triple;  ///< GNU triple of the cross tools; empty for the host
  std::string qemu;    ///< qemu-user program that runs it; empty: runs natively
  bool host() const { return triple.empty(); }
};
/// The host and aarch64, riscv64, i686, ppc64le, s390x, armhf.
const std::vector<Arch>& known_arches();
/// Throws ToolchainError naming the known ones.
Arch arch_named(const std::string& name);
/// The programs the architecture needs that are not installed ("" if none).
std::string missing_tools(const Arch& arch);
/// The compiler as it runs for `arch`: gcc becomes the cross gcc, clang
/// gets --target. Throws ToolchainError for a compiler without such a form.
Compiler for_arch(const Compiler& compiler, const Arch& arch);

/// One QUEST-MISMATCH line, parsed.
struct Mismatch {
  unsigned case_index = 0;
  uint64_t seed = 0;
  std::string function, field, expected, received;
};
/// Nullopt for a line that is not a well-formed mismatch line.
std::optional<Mismatch> parse_mismatch(const std::string& line);

/// How building and running a two-file test ended.
struct BuildOutcome {
  enum class Kind { kPassed, kMismatch, kCallerCompileError, kCalleeCompileError, kLinkError, kCrash, kTimeout };
  Kind kind = Kind::kPassed;
  std::vector<Mismatch> mismatches;
  std::vector<std::string> commands;  ///< what ran, one shell-quoted line each
  std::string detail;                 ///< the failing step's message or output
  /// For a crash of a program emitted with crash stages: where it was
  /// ("callee arg 2", "caller call", ...); empty when it did not say.
  std::string crash_stage;
  /// The case (its index in the program) that was running when it crashed.
  std::optional<unsigned> crash_case;
};
std::string kind_name(BuildOutcome::Kind kind);

struct BuildOptions {
  std::string dialect = "c11";  ///< -std= for compilers that take it
  Arch arch;                    ///< compile for, link for and run on
  std::chrono::milliseconds compile_timeout{60'000};
  std::chrono::milliseconds run_timeout{10'000};
};

/// Compiles `dir`/NAME-main.c with the caller and NAME-callee.c with the
/// callee (both as for_arch() makes them), links with gcc (the cross gcc,
/// statically, for another architecture), runs the program in `dir` (under
/// qemu-user for another architecture), and classifies.
BuildOutcome build_and_run(ProcessRunner& runner, const std::filesystem::path& dir, const std::string& name,
                           const CompilerPair& pair, const BuildOptions& options);

}  // namespace testgen::abi
