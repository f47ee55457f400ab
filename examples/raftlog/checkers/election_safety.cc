// Election safety: at most one leader per term. Its coverpoints follow an
// election's ways, including the ones on the road to the planted violation.
#include <map>
#include <set>

#include "checker_main.h"

namespace raftlog {
namespace {

Verdict check(const std::vector<Event>& events) {
  Verdict v;
  std::map<int64_t, int> leader_of;                 // term -> node
  std::map<int64_t, std::set<int>> candidates_of;   // term -> nodes
  std::map<std::pair<int, int64_t>, int> vote_of;   // (node, term) -> candidate it voted for
  std::map<int, int64_t> voted_term_before_crash;   // node -> term of its last vote
  int64_t open_election = -1;                       // a term with a candidate and no leader yet
  for (const Event& e : events) {
    if (e.kind == "become_candidate") {
      candidates_of[e.term].insert(e.node);
      if (candidates_of[e.term].size() >= 2) v.cover.insert("split_vote");
      if (!leader_of.count(e.term)) open_election = e.term;
      if (e.term >= 5) v.cover.insert("many_terms");
    } else if (e.kind == "become_leader") {
      v.cover.insert(e.term >= 2 ? "re_election" : "leader_elected");
      v.cover.insert("leader_elected");
      if (leader_of.count(e.term) && leader_of[e.term] != e.node && v.accept) {
        v.accept = false;
        v.violation = "two leaders in term " + std::to_string(e.term) + ": node " +
                      std::to_string(leader_of[e.term]) + " and node " + std::to_string(e.node) + " (at " +
                      std::to_string(e.time_ms) + " ms)";
        v.cover.insert("two_leaders_one_term");
      }
      leader_of.emplace(e.term, e.node);
      if (open_election == e.term) open_election = -1;
    } else if (e.kind == "vote_granted") {
      auto key = std::make_pair(e.node, e.term);
      if (vote_of.count(key) && vote_of[key] != e.peer) v.cover.insert("vote_regranted_after_restart");
      vote_of[key] = e.peer;
      voted_term_before_crash[e.node] = e.term;
    } else if (e.kind == "vote_denied") {
      v.cover.insert("vote_denied_" + e.detail);
    } else if (e.kind == "step_down") {
      v.cover.insert("leader_stepped_down");
    } else if (e.kind == "crash") {
      if (e.detail == "leader") v.cover.insert("leader_crashed");
    } else if (e.kind == "restart") {
      if (open_election >= 0) v.cover.insert("restart_during_election");
      // It had voted in the term it comes back in, and does not remember whom for.
      auto voted = voted_term_before_crash.find(e.node);
      if (e.peer == -1 && voted != voted_term_before_crash.end() && voted->second == e.term)
        v.cover.insert("vote_forgotten");
    }
  }
  for (const auto& [term, nodes] : candidates_of)
    if (!leader_of.count(term)) v.cover.insert("term_without_leader");
  return v;
}

}  // namespace
}  // namespace raftlog

int main(int argc, char** argv) { return raftlog::checker_main("election_safety", argc, argv, raftlog::check); }
