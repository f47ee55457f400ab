// State machine safety: no two nodes apply different commands at the same
// log index. Its coverpoints follow replication, faults and the network.
#include <map>

#include "checker_main.h"

namespace raftlog {
namespace {

Verdict check(const std::vector<Event>& events) {
  Verdict v;
  std::map<int64_t, std::pair<int, std::string>> applied;  // index -> (node, command)
  bool healed = false;
  for (const Event& e : events) {
    if (e.kind == "commit") {
      v.hit("entry_committed");
      if (healed) v.hit("commit_after_heal");
    } else if (e.kind == "apply") {
      v.hit("entry_applied");
      auto [it, fresh] = applied.emplace(e.index, std::make_pair(e.node, e.detail));
      if (!fresh && it->second.second != e.detail && v.accept) {
        v.accept = false;
        v.violation = "index " + std::to_string(e.index) + " applied as " + it->second.second + " on node " +
                      std::to_string(it->second.first) + " and as " + e.detail + " on node " + std::to_string(e.node);
      }
    } else if (e.kind == "truncate") {
      v.hit("entry_truncated");
    } else if (e.kind == "append_rejected") {
      v.hit("append_rejected");
    } else if (e.kind == "drop") {
      v.hit(e.detail == "partition" ? "message_dropped_partition" : "message_dropped_loss");
    } else if (e.kind == "duplicate") {
      v.hit("message_duplicated");
    } else if (e.kind == "reordered") {
      v.hit("message_reordered");
    } else if (e.kind == "heal") {
      v.hit("partition_healed");
      healed = true;
    } else if (e.kind == "client_redirect") {
      v.hit("client_redirected");
    } else if (e.kind == "restart") {
      v.hit(e.index > 0 ? "restart_with_log" : "restart_empty");
    }
  }
  return v;
}

}  // namespace
}  // namespace raftlog

int main(int argc, char** argv) { return raftlog::checker_main("log_matching", argc, argv, raftlog::check); }
