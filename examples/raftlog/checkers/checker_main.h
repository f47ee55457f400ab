#pragma once
// What every raftlog checker shares: `NAME TRACE.csv... [--coverage-out FILE]`,
// exit 0 when the traces satisfy the property, 1 with the violation on
// stdout when they do not, 2 for a trace it cannot read; the coverage file
// is {checker, accept, cover: [...], hits: {coverpoint: count},
// stats: {rows, processed_rows, ...}, error?}. `hits` and the extra stats are
// testgen's extensions: hit counts make buckets (a coverpoint reached 8 times
// instead of once is news), and a stat "near.<coverpoint>" in [0, 1] says how
// close the run came to a coverpoint it missed (calibration climbs it).

#include <map>
#include <string>
#include <vector>

#include "events.h"

namespace raftlog {

struct Verdict {
  bool accept = true;
  std::string violation;       ///< one line, for stdout
  std::map<std::string, uint64_t> cover;  ///< coverpoints reached, and how often
  std::map<std::string, double> stats;    ///< extra numbers for the coverage file
  void hit(const std::string& coverpoint) { ++cover[coverpoint]; }
};

/// Parses the arguments, reads the traces, calls `check` on all their events
/// (in order), writes the coverage file and returns the exit status.
int checker_main(const char* name, int argc, char** argv, Verdict (*check)(const std::vector<Event>&));

}  // namespace raftlog
