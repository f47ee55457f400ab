#include "simulator.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <queue>
#include <random>
#include <string>

namespace raftlog {
namespace {

// splitmix64: fixed, portable, and ours (no std distributions, which differ
// between standard libraries).
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  /// Uniform in [lo, hi] by rejection.
  int64_t between(int64_t lo, int64_t hi) {
    const uint64_t span = static_cast<uint64_t>(hi - lo) + 1;
    const uint64_t limit = UINT64_MAX - UINT64_MAX % span;
    uint64_t r;
    do r = next();
    while (r >= limit);
    return lo + static_cast<int64_t>(r % span);
  }
  bool chance(double p) { return p > 0 && static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }

 private:
  uint64_t state_;
};

struct Entry {
  int64_t term = 0;
  std::string command;
};

enum class Role { kFollower, kCandidate, kLeader };

struct Node {
  bool alive = true;
  Role role = Role::kFollower;
  int64_t term = 0;
  int voted_for = -1;
  std::vector<Entry> log;  // index i+1 is log[i]
  int64_t commit = 0, applied = 0;
  std::vector<bool> votes, answered;  // candidate: who voted for it, who answered at all
  std::vector<int64_t> next_index, match_index;
  uint64_t timer_generation = 0;  // a timer fires only if it is still current
  // What survives a crash.
  int64_t disk_term = 0;
  int disk_voted_for = -1;
  std::vector<Entry> disk_log;
};

struct Message {
  enum Kind { kRequestVote, kVote, kAppend, kAppendReply } kind;
  int from = 0, to = 0;
  int64_t term = 0;
  int64_t last_index = 0, last_term = 0;  // RequestVote; Append: prev_index, prev_term
  bool granted = false;                   // Vote; AppendReply: success
  std::vector<Entry> entries;
  int64_t commit = 0;  // Append: leader commit; AppendReply: match index
};

struct Scheduled {
  int64_t time;
  uint64_t order;  // ties break by scheduling order: deterministic
  std::function<void()> action;
  bool operator>(const Scheduled& o) const { return time != o.time ? time > o.time : order > o.order; }
};

class Simulation {
 public:
  explicit Simulation(const Config& c)
      : c_(c), nodes_(static_cast<size_t>(c.nodes)), isolated_(static_cast<size_t>(c.nodes), false) {
    // One random stream per node (its timers) and per directed link (loss,
    // duplication, delay): a change to one part of a scenario leaves the
    // randomness of the others as it was, so a failing scenario stays
    // failing while unrelated changes are taken out of it.
    for (int n = 0; n < c.nodes; ++n) {
      timer_rng_.emplace_back(stream(c.seed, 1, static_cast<uint64_t>(n)));
      for (int m = 0; m < c.nodes; ++m)
        link_rng_.emplace_back(stream(c.seed, 2, static_cast<uint64_t>(n * c.nodes + m)));
    }
    if (c.threading == "multi") jitter_seed_ = std::random_device{}();  // on purpose: not reproducible
  }

  std::vector<Event> run() {
    for (int n = 0; n < c_.nodes; ++n) reset_election_timer(n);
    for (const Fault& f : c_.faults) {
      if (f.on == "time") at(f.at_ms, [this, f] { fault(f); });
      else at(f.at_ms, [this, f] { armed_.push_back(f); });
    }
    uint64_t command = 0;
    for (const ClientBurst& b : c_.clients)
      for (int i = 0; i < b.requests; ++i) {
        const std::string name = "cmd" + std::to_string(++command);
        at(b.at_ms + i, [this, name] { client(name, 0); });
      }
    while (!queue_.empty() && queue_.top().time <= c_.duration_ms) {
      Scheduled s = queue_.top();
      queue_.pop();
      now_ = s.time;
      s.action();
    }
    return std::move(events_);
  }

 private:
  void at(int64_t time, std::function<void()> action) { queue_.push({time, order_++, std::move(action)}); }
  void emit(int node, const std::string& kind, int64_t term, int64_t index = 0, int peer = -1, std::string detail = "") {
    events_.push_back({now_, node, kind, term, index, peer, std::move(detail)});
    // An armed fault strikes once the step that emitted this event is done.
    for (auto it = armed_.begin(); it != armed_.end(); ++it)
      if (it->node == node && it->on == kind) {
        at(now_, [this, f = *it] { fault(f); });
        armed_.erase(it);
        break;
      }
  }
  int majority() const { return c_.nodes / 2 + 1; }
  int64_t last_index(const Node& n) const { return static_cast<int64_t>(n.log.size()); }
  int64_t term_at(const Node& n, int64_t index) const { return index == 0 ? 0 : n.log[static_cast<size_t>(index - 1)].term; }

  // --- persistence -----------------------------------------------------
  void persist(int id) {
    Node& n = nodes_[static_cast<size_t>(id)];
    n.disk_term = n.term;
    if (c_.sync_votes) n.disk_voted_for = n.voted_for;
    if (c_.sync_log) n.disk_log = n.log;
  }

  // --- timers ------------------------------------------------------------
  void reset_election_timer(int id) {
    Node& n = nodes_[static_cast<size_t>(id)];
    const uint64_t generation = ++n.timer_generation;
    const int64_t timeout =
        timer_rng_[static_cast<size_t>(id)].between(c_.election_timeout_min_ms, c_.election_timeout_max_ms);
    at(now_ + timeout, [this, id, generation] {
      Node& me = nodes_[static_cast<size_t>(id)];
      if (me.alive && me.timer_generation == generation && me.role != Role::kLeader) start_election(id);
    });
  }

  void heartbeat_timer(int id) {
    Node& n = nodes_[static_cast<size_t>(id)];
    const uint64_t generation = ++n.timer_generation;
    at(now_ + c_.heartbeat_ms, [this, id, generation] {
      Node& me = nodes_[static_cast<size_t>(id)];
      if (!me.alive || me.timer_generation != generation || me.role != Role::kLeader) return;
      replicate(id);
      heartbeat_timer(id);
    });
  }

  // --- network -----------------------------------------------------------
  void send(Message m) {
    if (isolated_[static_cast<size_t>(m.from)] || isolated_[static_cast<size_t>(m.to)]) {
      emit(m.from, "drop", m.term, 0, m.to, "partition");
      return;
    }
    Rng& rng = link_rng_[static_cast<size_t>(m.from * c_.nodes + m.to)];
    if (rng.chance(c_.loss)) {
      emit(m.from, "drop", m.term, 0, m.to, "loss");
      return;
    }
    const int copies = rng.chance(c_.duplicate) ? 2 : 1;
    if (copies == 2) emit(m.from, "duplicate", m.term, 0, m.to);
    for (int i = 0; i < copies; ++i) {
      int64_t delay = rng.between(c_.delay_min_ms, c_.delay_max_ms);
      if (jitter_seed_) delay += static_cast<int64_t>((jitter_seed_ + order_) % 3);
      int64_t when = now_ + delay;
      auto link = std::make_pair(m.from, m.to);
      if (!c_.reorder) when = std::max(when, last_delivery_[link]);  // first in, first out per link
      else if (when < last_delivery_[link]) emit(m.to, "reordered", m.term, 0, m.from);
      last_delivery_[link] = std::max(last_delivery_[link], when);
      at(when, [this, m] { deliver(m); });
    }
  }

  void deliver(const Message& m) {
    Node& n = nodes_[static_cast<size_t>(m.to)];
    if (!n.alive) return;
    if (isolated_[static_cast<size_t>(m.from)] || isolated_[static_cast<size_t>(m.to)]) return;
    if (m.term > n.term) {
      if (n.role != Role::kFollower)
        emit(m.to, "step_down", n.term, 0, m.from, n.role == Role::kLeader ? "higher term" : "candidate, higher term");
      n.term = m.term;
      n.voted_for = -1;
      n.role = Role::kFollower;
      persist(m.to);
    }
    switch (m.kind) {
      case Message::kRequestVote: on_request_vote(m); break;
      case Message::kVote: on_vote(m); break;
      case Message::kAppend: on_append(m); break;
      case Message::kAppendReply: on_append_reply(m); break;
    }
  }

  // --- elections -----------------------------------------------------------
  void start_election(int id) {
    Node& n = nodes_[static_cast<size_t>(id)];
    n.role = Role::kCandidate;
    ++n.term;
    n.voted_for = id;
    n.votes.assign(static_cast<size_t>(c_.nodes), false);
    n.votes[static_cast<size_t>(id)] = true;
    n.answered = n.votes;
    persist(id);
    emit(id, "become_candidate", n.term, last_index(n));
    reset_election_timer(id);
    if (c_.nodes == 1) become_leader(id);
    request_votes(id, n.term);
  }

  // Asks every peer that has not answered yet, and again each heartbeat while
  // the candidacy lasts: a request lost to the network or to a crashed peer is
  // not the end of the election.
  void request_votes(int id, int64_t term) {
    Node& n = nodes_[static_cast<size_t>(id)];
    if (!n.alive || n.role != Role::kCandidate || n.term != term) return;
    for (int peer = 0; peer < c_.nodes; ++peer)
      if (!n.answered[static_cast<size_t>(peer)])
        send({.kind = Message::kRequestVote, .from = id, .to = peer, .term = n.term, .last_index = last_index(n),
              .last_term = term_at(n, last_index(n))});
    at(now_ + c_.heartbeat_ms, [this, id, term] { request_votes(id, term); });
  }

  void on_request_vote(const Message& m) {
    Node& n = nodes_[static_cast<size_t>(m.to)];
    std::string reason;
    const bool up_to_date = m.last_term > term_at(n, last_index(n)) ||
                            (m.last_term == term_at(n, last_index(n)) && m.last_index >= last_index(n));
    if (m.term < n.term) reason = "stale_term";
    else if (n.voted_for != -1 && n.voted_for != m.from) reason = "already_voted";
    else if (!up_to_date) reason = "log_behind";
    const bool granted = reason.empty();
    if (granted) {
      n.voted_for = m.from;
      persist(m.to);
      reset_election_timer(m.to);
      emit(m.to, "vote_granted", n.term, 0, m.from);
    } else {
      emit(m.to, "vote_denied", n.term, 0, m.from, reason);
    }
    send({.kind = Message::kVote, .from = m.to, .to = m.from, .term = n.term, .granted = granted});
  }

  void on_vote(const Message& m) {
    Node& n = nodes_[static_cast<size_t>(m.to)];
    if (m.term != n.term) return;
    if (n.role != Role::kCandidate) {
      // A vote for a candidacy already over: ignored, as Raft says, but recorded.
      if (m.granted) emit(m.to, "vote_late", n.term, 0, m.from);
      return;
    }
    n.answered[static_cast<size_t>(m.from)] = true;
    if (!m.granted) return;
    n.votes[static_cast<size_t>(m.from)] = true;
    if (std::count(n.votes.begin(), n.votes.end(), true) >= majority()) become_leader(m.to);
  }

  void become_leader(int id) {
    Node& n = nodes_[static_cast<size_t>(id)];
    if (n.role == Role::kLeader) return;
    n.role = Role::kLeader;
    n.next_index.assign(static_cast<size_t>(c_.nodes), last_index(n) + 1);
    n.match_index.assign(static_cast<size_t>(c_.nodes), 0);
    n.match_index[static_cast<size_t>(id)] = last_index(n);
    emit(id, "become_leader", n.term, last_index(n));
    replicate(id);
    heartbeat_timer(id);
  }

  // --- replication ---------------------------------------------------------
  void replicate(int id) {
    Node& n = nodes_[static_cast<size_t>(id)];
    for (int peer = 0; peer < c_.nodes; ++peer) {
      if (peer == id) continue;
      const int64_t prev = n.next_index[static_cast<size_t>(peer)] - 1;
      Message m{.kind = Message::kAppend, .from = id, .to = peer, .term = n.term, .last_index = prev,
                .last_term = term_at(n, prev), .commit = n.commit};
      for (int64_t i = prev + 1; i <= last_index(n) && m.entries.size() < 16; ++i)
        m.entries.push_back(n.log[static_cast<size_t>(i - 1)]);
      send(std::move(m));
    }
  }

  void on_append(const Message& m) {
    Node& n = nodes_[static_cast<size_t>(m.to)];
    if (m.term < n.term) {
      send({.kind = Message::kAppendReply, .from = m.to, .to = m.from, .term = n.term, .granted = false});
      return;
    }
    if (n.role != Role::kFollower) {
      emit(m.to, "step_down", n.term, 0, m.from, n.role == Role::kLeader ? "leader of the same term" : "candidate, leader of the same term");
      n.role = Role::kFollower;
    }
    reset_election_timer(m.to);
    if (m.last_index > last_index(n) || term_at(n, m.last_index) != m.last_term) {
      emit(m.to, "append_rejected", n.term, m.last_index, m.from);
      send({.kind = Message::kAppendReply, .from = m.to, .to = m.from, .term = n.term, .granted = false});
      return;
    }
    int64_t index = m.last_index;
    for (const Entry& e : m.entries) {
      ++index;
      if (index <= last_index(n) && term_at(n, index) != e.term) {
        emit(m.to, "truncate", n.term, index, m.from);
        n.log.resize(static_cast<size_t>(index - 1));
      }
      if (index > last_index(n)) n.log.push_back(e);
    }
    persist(m.to);
    advance_commit(m.to, std::min(m.commit, index));
    send({.kind = Message::kAppendReply, .from = m.to, .to = m.from, .term = n.term, .granted = true, .commit = index});
  }

  void on_append_reply(const Message& m) {
    Node& n = nodes_[static_cast<size_t>(m.to)];
    if (n.role != Role::kLeader || m.term != n.term) return;
    const auto peer = static_cast<size_t>(m.from);
    if (!m.granted) {
      n.next_index[peer] = std::max<int64_t>(1, n.next_index[peer] - 1);
      return;
    }
    n.match_index[peer] = std::max(n.match_index[peer], m.commit);
    n.next_index[peer] = n.match_index[peer] + 1;
    for (int64_t i = last_index(n); i > n.commit; --i) {
      const auto holders = std::count_if(n.match_index.begin(), n.match_index.end(), [i](int64_t x) { return x >= i; });
      if (holders >= majority() && term_at(n, i) == n.term) {
        advance_commit(m.to, i);
        break;
      }
    }
  }

  void advance_commit(int id, int64_t to) {
    Node& n = nodes_[static_cast<size_t>(id)];
    if (to <= n.commit) return;
    n.commit = to;
    emit(id, "commit", n.term, to);
    while (n.applied < n.commit) {
      ++n.applied;
      emit(id, "apply", n.term, n.applied, -1, n.log[static_cast<size_t>(n.applied - 1)].command);
    }
  }

  // --- the harness ---------------------------------------------------------
  void client(const std::string& command, int attempt) {
    for (int id = 0; id < c_.nodes; ++id) {
      Node& n = nodes_[static_cast<size_t>(id)];
      if (n.alive && n.role == Role::kLeader) {
        n.log.push_back({n.term, command});
        n.match_index[static_cast<size_t>(id)] = last_index(n);
        persist(id);
        emit(id, "client_request", n.term, last_index(n), -1, command);
        return;
      }
    }
    emit(-1, "client_redirect", 0, 0, -1, command);
    if (attempt < 5) at(now_ + 50, [this, command, attempt] { client(command, attempt + 1); });
  }

  void fault(const Fault& f) {
    Node& n = nodes_[static_cast<size_t>(f.node)];
    if (f.kind == "crash") {
      if (!n.alive) return;
      emit(f.node, "crash", n.term, last_index(n), -1, n.role == Role::kLeader ? "leader" : "");
      n.alive = false;
      ++n.timer_generation;
      if (f.down_ms >= 0)
        at(now_ + f.down_ms, [this, f] { fault(Fault{.kind = "restart", .node = f.node}); });
    } else if (f.kind == "restart") {
      if (n.alive) return;
      n = Node{.alive = true, .term = n.disk_term, .voted_for = n.disk_voted_for, .log = n.disk_log,
               .timer_generation = n.timer_generation, .disk_term = n.disk_term,
               .disk_voted_for = n.disk_voted_for, .disk_log = n.disk_log};
      emit(f.node, "restart", n.term, last_index(n), n.voted_for);
      reset_election_timer(f.node);
    } else if (f.kind == "partition") {
      isolated_[static_cast<size_t>(f.node)] = true;
      emit(f.node, "partition", n.term);
      if (f.down_ms >= 0) at(now_ + f.down_ms, [this, f] { fault(Fault{.kind = "heal", .node = f.node}); });
    } else {
      std::fill(isolated_.begin(), isolated_.end(), false);
      emit(f.node, "heal", n.term);
    }
  }

  const Config& c_;
  static uint64_t stream(uint64_t seed, uint64_t kind, uint64_t index) {
    return Rng(seed ^ (kind << 56) ^ (index * 0x9e3779b97f4a7c15ULL)).next();
  }
  std::vector<Rng> timer_rng_, link_rng_;
  std::vector<Node> nodes_;
  std::vector<bool> isolated_;
  std::vector<Fault> armed_;  // faults waiting for their node's event
  std::map<std::pair<int, int>, int64_t> last_delivery_;
  std::priority_queue<Scheduled, std::vector<Scheduled>, std::greater<>> queue_;
  std::vector<Event> events_;
  int64_t now_ = 0;
  uint64_t order_ = 0;
  uint64_t jitter_seed_ = 0;
};

}  // namespace

std::vector<Event> simulate(const Config& config) { return Simulation(config).run(); }

}  // namespace raftlog
