#pragma once
// Reading quest's Lua 2.5 source with Lua 5.4.
//
// quest's Lua (lua-ml, a Lua 2.5) skips every line that starts with `$`
// and takes two of them as positions: `$file NAME` says the next lines
// come from NAME, `$line N` that the next line is line N. Its output of
// -lua is seven files pasted together this way. Lua 5.4 rejects such
// lines, so they are blanked here (line numbers stay) and remembered, so
// that an error can name the file and line the user wrote.
//
// A chunk with such a line is Lua 2.5, and two more differences are
// bridged: `--[[` is a line comment there (in 5.4 it opens a block
// comment), and a function with `...` sees its extra arguments as the
// table `arg`. A chunk without `$` lines is left as it is.

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace testgen::quest {

struct Lua25Source {
  std::string code;       ///< Lua 5.4 text with as many lines as the input
  bool is_lua25 = false;  ///< the input had `$` lines
  /// For physical line i+1, the file and line the user wrote, when a
  /// `$file` or `$line` said so (otherwise empty).
  struct Position {
    std::string file;
    int line = 0;
  };
  std::vector<Position> positions;
};

Lua25Source translate_lua25(std::string_view text);

/// Where chunks came from, to turn "CHUNK:LINE:" in Lua's messages into the
/// position a `$file`/`$line` pragma gave.
class SourceMaps {
 public:
  void add(const std::string& chunk_name, std::vector<Lua25Source::Position> positions);
  /// `message` with every "CHUNK:LINE:" of a chunk with pragmas rewritten.
  std::string remap(const std::string& message) const;

 private:
  std::map<std::string, std::vector<Lua25Source::Position>> maps_;
};

}  // namespace testgen::quest
