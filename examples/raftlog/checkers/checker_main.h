#pragma once
// What every raftlog checker shares: `NAME TRACE.csv... [--coverage-out FILE]`,
// exit 0 when the traces satisfy the property, 1 with the violation on
// stdout when they do not, 2 for a trace it cannot read; the coverage file
// is {checker, accept, cover: [...], stats: {rows, processed_rows}, error?}.

#include <set>
#include <string>
#include <vector>

#include "events.h"

namespace raftlog {

struct Verdict {
  bool accept = true;
  std::string violation;       ///< one line, for stdout
  std::set<std::string> cover; ///< coverpoints reached
};

/// Parses the arguments, reads the traces, calls `check` on all their events
/// (in order), writes the coverage file and returns the exit status.
int checker_main(const char* name, int argc, char** argv, Verdict (*check)(const std::vector<Event>&));

}  // namespace raftlog
