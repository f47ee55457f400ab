#pragma once
// quest's command line, read the way quest documents it: single-dash
// options, `x=y` Lua assignments, `-e` chunks and Lua files evaluated left
// to right after the built-in code. Unlike quest, -try, -list and -i do not
// stop option parsing, and nothing after them is ignored.

#include "testgen/errors.h"
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "value.h"

namespace testgen::quest {

struct LuaStep {
  enum class Kind { kChunk, kFile };
  Kind kind;
  std::string text;        ///< the chunk, or the file name
  std::string chunk_name;  ///< how errors name a chunk ("command line argument 3")
};

struct Options {
  std::string suite = "ansi";
  int64_t cases = 20;  ///< -n
  int size = 2;        ///< -s
  bool two_files = false;
  std::string output = "quest";  ///< -o: NAME-main.c and NAME-callee.c
  std::optional<std::string> try_generator;
  std::vector<LuaStep> lua;
  std::optional<uint64_t> seed;
  abi::ValueMode values = abi::ValueMode::kFull;
  std::string checks = "table";  ///< -checks: how the C compares values
  bool list = false, dump_lua = false, interactive = false, help = false, version = false, manual = false;
  bool unsafe_lua = false;  ///< -unsafe: Lua may start processes and write files
};

class UsageError : public testgen::UsageError {
 public:
  using testgen::UsageError::UsageError;
};

/// Parses quest's arguments (without the program name); throws UsageError.
Options parse_options(const std::vector<std::string>& args);

/// The command line as one line for the header comment ("quest -n 3 'x=1'").
std::string quote_command_line(const std::string& program, const std::vector<std::string>& args);

}  // namespace testgen::quest
