#pragma once
// A raftlog scenario: the cluster, the network, storage settings, faults
// and client load, read from TOML. Anything out of range is invalid input
// (the runner exits 2), with the file and line.

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace raftlog {

class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Fault {
  int64_t at_ms = 0;
  std::string kind;  ///< crash, restart, partition (isolates the node), heal (all links back)
  int node = 0;
  /// "time": at at_ms. Otherwise an event of the node ("vote_granted",
  /// "become_candidate", "become_leader"): the fault is armed at at_ms and
  /// strikes right after the node's next such event, the way a test harness
  /// kills a process at a protocol step.
  std::string on = "time";
  /// crash: restart after this long; partition: heal after this long; -1: never.
  int64_t down_ms = -1;
};

struct ClientBurst {
  int64_t at_ms = 0;
  int requests = 1;
};

struct Config {
  int64_t duration_ms = 2000;
  uint64_t seed = 1;
  std::string threading = "single";  ///< "multi" makes message timing nondeterministic
  std::string log_path = "logs";
  int nodes = 3;
  int64_t election_timeout_min_ms = 150, election_timeout_max_ms = 300, heartbeat_ms = 50;
  double loss = 0, duplicate = 0;
  int64_t delay_min_ms = 1, delay_max_ms = 10;
  bool reorder = false;
  bool sync_votes = true;  ///< persist votedFor before answering (Raft requires it)
  bool sync_log = true;    ///< persist log entries before acknowledging
  std::vector<Fault> faults;
  std::vector<ClientBurst> clients;
};

Config load_config(const std::filesystem::path& file);

}  // namespace raftlog
