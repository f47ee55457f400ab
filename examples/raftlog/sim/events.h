#pragma once
// The trace the simulator writes and the checkers read: one CSV row per
// event, `time_ms,node,kind,term,index,peer,detail`, in time order.

#include <cstdint>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace raftlog {

struct Event {
  int64_t time_ms = 0;
  int node = -1;      ///< -1: the network or the harness
  std::string kind;   ///< become_candidate, vote_granted, become_leader, append, commit, crash, ...
  int64_t term = 0;
  int64_t index = 0;  ///< log index where it matters
  int peer = -1;      ///< the other node (vote for, message from), -1 if none
  std::string detail;
};

constexpr const char* kCsvHeader = "time_ms,node,kind,term,index,peer,detail";

void write_csv(std::ostream& out, const std::vector<Event>& events);
/// Reads a trace; throws std::runtime_error "FILE:LINE: what" on a bad row.
std::vector<Event> read_csv(std::istream& in, const std::string& name);

}  // namespace raftlog
