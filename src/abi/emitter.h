#pragma once
// Writes test cases as C, one case at a time (memory does not grow with
// the number of cases beyond one seed per case for main()).
//
// Each case: type definitions, globals holding the values, an init
// function that stores them, a callee that checks every parameter and
// variadic argument against the globals and returns the result global, and
// a caller that passes the globals and checks the returned value. In
// two-file mode the callees go to a second file, and both files also
// compare sizeof, alignof and every member offset of the case's types.
//
// A wrong value prints one line:
//   QUEST-MISMATCH case=3 seed=812 function=q..._callee field=arg3.b.c[1] expected=0a0b received=0a0c
// (bytes in memory order) and main() returns the number of such lines,
// at most 125 so that it stays a valid exit status.

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "test_case.h"

namespace testgen::abi {

/// How the emitted C compares values: kTable, one table of (name, expected
/// address, received address, size) and one call per function, compiles
/// faster; kStatements, one statement per leaf and an init function
/// instead of C99 designated initializers, suits compilers without those.
enum class CheckStyle { kTable, kStatements };

struct EmitOptions {
  CheckStyle checks = CheckStyle::kTable;
  /// Comment lines for the top of the (main) file, without "/* */".
  std::vector<std::string> header;
  /// Two files only: the program notes where it is (caller passing, callee
  /// reading argument i, ...) and a crash prints "QUEST-CRASH-AT <where>" on
  /// stderr, so a crash's signature says where it happened (the hunt).
  bool crash_stages = false;
};

class Emitter {
 public:
  /// One-file mode when `callee` is null.
  Emitter(std::ostream& main, std::ostream* callee, EmitOptions options);
  /// Writes one case (validated first: throws TypeError).
  void add(const TestCase& test);
  /// Writes main(). Call once, after the last case.
  void finish();

  /// The prefix of every name of the case with this seed.
  static std::string prefix(uint64_t seed);

 private:
  void prologue(std::ostream& out, bool is_callee_file);
  bool stages() const { return options_.crash_stages; }

  std::ostream& main_;
  std::ostream* callee_;
  EmitOptions options_;
  std::vector<uint64_t> seeds_;
  std::string buffer_;  // one case's text, reused
};

/// The exit status main() returns for `mismatches` (capped).
constexpr int exit_status_for(unsigned mismatches) { return mismatches > 125 ? 125 : static_cast<int>(mismatches); }

}  // namespace testgen::abi
