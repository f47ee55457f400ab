// Election safety: at most one leader per term. Its coverpoints follow an
// election's ways, including the steps on the road to the planted violation
// (a voter that crashes, comes back while a candidate of its term still
// waits, has forgotten its vote, and grants it again), so that a search
// guided by coverage can climb them one at a time.
#include <algorithm>
#include <map>
#include <set>

#include "checker_main.h"

namespace raftlog {
namespace {

Verdict check(const std::vector<Event>& events) {
  Verdict v;
  std::map<int64_t, int> leader_of;                     // term -> node
  std::map<int64_t, std::set<int>> candidates_of;       // term -> nodes
  std::map<int64_t, std::set<int>> waiting;             // term -> candidates not yet leader nor stepped down
  std::map<std::pair<int, int64_t>, int> vote_of;       // (voter, term) -> candidate
  std::map<std::pair<int64_t, int>, int> votes_for;     // (term, candidate) -> votes, its own included
  int nodes = 1;
  std::map<std::pair<int64_t, int>, int64_t> stepped_down_at;  // (term, candidate) -> time it stopped waiting
  int64_t least_lateness = -1;  // of a vote re-granted after a restart, reaching its candidate too late
  std::set<std::pair<int64_t, int>> regranted_to;  // (term, candidate)
  std::map<int, int64_t> last_vote_term;                // voter -> term of its last vote
  int64_t open_election = -1;                           // a term with a candidate and no leader yet
  // Is a candidate of `term` other than `node` still waiting for votes?
  auto candidate_waits = [&](int64_t term, int node) {
    auto still = waiting.find(term);
    return still != waiting.end() &&
           std::any_of(still->second.begin(), still->second.end(), [&](int c) { return c != node; });
  };
  for (const Event& e : events) {
    nodes = std::max({nodes, e.node + 1, e.peer + 1});
    if (e.kind == "become_candidate") {
      votes_for[{e.term, e.node}] = 1;
      for (auto& [term, who] : waiting) who.erase(e.node);
      candidates_of[e.term].insert(e.node);
      waiting[e.term].insert(e.node);
      if (candidates_of[e.term].size() >= 2) v.hit("split_vote");
      if (!leader_of.count(e.term)) open_election = e.term;
      if (e.term >= 5) v.hit("many_terms");
    } else if (e.kind == "become_leader") {
      waiting[e.term].erase(e.node);
      v.hit(e.term >= 2 ? "re_election" : "leader_elected");
      v.hit("leader_elected");
      if (leader_of.count(e.term) && leader_of[e.term] != e.node && v.accept) {
        v.accept = false;
        v.violation = "two leaders in term " + std::to_string(e.term) + ": node " +
                      std::to_string(leader_of[e.term]) + " and node " + std::to_string(e.node) + " (at " +
                      std::to_string(e.time_ms) + " ms)";
        v.hit("two_leaders_one_term");
      }
      leader_of.emplace(e.term, e.node);
      if (open_election == e.term) open_election = -1;
    } else if (e.kind == "vote_granted") {
      const auto key = std::make_pair(e.node, e.term);
      if (vote_of.count(key) && vote_of[key] != e.peer) {
        v.hit("vote_regranted_after_restart");
        regranted_to.insert({e.term, e.peer});
      }
      vote_of[key] = e.peer;
      ++votes_for[{e.term, e.peer}];
      last_vote_term[e.node] = e.term;
    } else if (e.kind == "vote_denied") {
      v.hit("vote_denied_" + e.detail);
    } else if (e.kind == "vote_late") {
      v.hit("vote_arrived_late");
      auto since = stepped_down_at.find({e.term, e.node});
      if (regranted_to.count({e.term, e.node}) && since != stepped_down_at.end()) {
        const int64_t late = e.time_ms - since->second;
        if (least_lateness < 0 || late < least_lateness) least_lateness = late;
      }
    } else if (e.kind == "step_down") {
      waiting[e.term].erase(e.node);
      stepped_down_at.emplace(std::make_pair(e.term, e.node), e.time_ms);
      v.hit(e.detail.starts_with("candidate") ? "candidate_stepped_down" : "leader_stepped_down");
    } else if (e.kind == "crash") {
      waiting[e.term].erase(e.node);
      if (e.detail == "leader") v.hit("leader_crashed");
      auto voted = last_vote_term.find(e.node);
      if (voted != last_vote_term.end() && voted->second == e.term) {
        v.hit("voter_crashed");
        if (candidate_waits(e.term, e.node)) v.hit("voter_crashed_mid_election");
      }
    } else if (e.kind == "restart") {
      if (open_election >= 0) v.hit("restart_during_election");
      const bool mid_election = candidate_waits(e.term, e.node);
      if (mid_election) v.hit("restart_while_candidate_waits");
      // It had voted in the term it comes back in, and does not remember whom for.
      auto voted = last_vote_term.find(e.node);
      if (e.peer == -1 && voted != last_vote_term.end() && voted->second == e.term) {
        v.hit("vote_forgotten");
        if (mid_election) v.hit("vote_forgotten_mid_election");
      }
    }
  }
  for (const auto& [term, who] : candidates_of)
    if (!leader_of.count(term)) v.hit("term_without_leader");
  // How close the run came to a second leader, along the one road this
  // checker knows to it: a voter crashes in the term of its vote (0.1), in
  // the middle of that election (0.2), is back while a
  // candidate of its term still waits (0.4), has forgotten its vote (0.6);
  // from there, the share of a majority the best losing candidate of a led
  // term gathered takes it toward 1. Calibration climbs this number.
  double near = v.cover.count("voter_crashed") ? 0.1 : 0;
  const char* road[] = {"voter_crashed_mid_election", "restart_while_candidate_waits", "vote_forgotten_mid_election"};
  for (int step = 0; step < 3; ++step)
    if (v.cover.count(road[step])) near = std::max(near, 0.2 * (step + 1));
  if (near >= 0.6) {
    // From there: the share of a majority the best losing candidate of a led
    // term gathered (0.6 to 0.8), then, for a re-granted vote that reached
    // its candidate after it had given up, how late it was (0.8 to 0.99).
    double share = 0;
    for (const auto& [key, votes] : votes_for) {
      auto leader = leader_of.find(key.first);
      if (leader != leader_of.end() && leader->second != key.second)
        share = std::max(share, static_cast<double>(votes) / (nodes / 2 + 1));
    }
    near = 0.6 + 0.2 * std::min(share, 1.0);
    if (least_lateness >= 0) near = 0.8 + 0.19 / (1.0 + static_cast<double>(least_lateness) / 10.0);
  }
  if (v.cover.count("two_leaders_one_term")) near = 1;
  v.stats["near.two_leaders_one_term"] = near;
  return v;
}

}  // namespace
}  // namespace raftlog

int main(int argc, char** argv) { return raftlog::checker_main("election_safety", argc, argv, raftlog::check); }
