#include "config.h"

#include <toml++/toml.h>

#include <sstream>

namespace raftlog {
namespace {

std::string where(const std::filesystem::path& file, const toml::node& node) {
  return file.string() + ":" + std::to_string(node.source().begin.line);
}

template <typename T>
void read(const std::filesystem::path& file, const toml::table& table, const char* key, T& out, double lo, double hi) {
  const toml::node* node = table.get(key);
  if (!node) return;
  if constexpr (std::is_same_v<T, bool>) {
    if (!node->is_boolean()) throw ConfigError(where(file, *node) + ": '" + key + "' must be true or false");
    out = node->as_boolean()->get();
  } else if constexpr (std::is_same_v<T, std::string>) {
    if (!node->is_string()) throw ConfigError(where(file, *node) + ": '" + key + "' must be a string");
    out = node->as_string()->get();
  } else {
    if (!node->is_number()) throw ConfigError(where(file, *node) + ": '" + key + "' must be a number");
    const double v = node->value<double>().value();
    if (v < lo || v > hi) {
      std::ostringstream msg;
      msg << where(file, *node) << ": '" << key << "' = " << v << " is out of range [" << lo << ", " << hi << "]";
      throw ConfigError(msg.str());
    }
    out = static_cast<T>(v);
  }
}

const toml::table& section(const std::filesystem::path& file, const toml::table& doc, const char* name) {
  static const toml::table empty;
  const toml::node* node = doc.get(name);
  if (!node) return empty;
  if (!node->is_table()) throw ConfigError(where(file, *node) + ": [" + name + "] must be a table");
  return *node->as_table();
}

}  // namespace

Config load_config(const std::filesystem::path& file) {
  toml::table doc;
  try {
    doc = toml::parse_file(file.string());
  } catch (const toml::parse_error& e) {
    throw ConfigError(file.string() + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
  }
  Config c;
  read(file, doc, "duration_ms", c.duration_ms, 1, 600000);
  read(file, doc, "seed", c.seed, 0, 9e15);
  read(file, doc, "threading", c.threading, 0, 0);
  read(file, doc, "log_path", c.log_path, 0, 0);
  if (c.threading != "single" && c.threading != "multi")
    throw ConfigError(where(file, *doc.get("threading")) + ": threading must be \"single\" or \"multi\"");
  const toml::table& cluster = section(file, doc, "cluster");
  read(file, cluster, "nodes", c.nodes, 1, 9);
  read(file, cluster, "election_timeout_min_ms", c.election_timeout_min_ms, 1, 100000);
  read(file, cluster, "election_timeout_max_ms", c.election_timeout_max_ms, 1, 100000);
  read(file, cluster, "heartbeat_ms", c.heartbeat_ms, 1, 100000);
  if (c.election_timeout_max_ms < c.election_timeout_min_ms)
    throw ConfigError(file.string() + ": election_timeout_max_ms is below election_timeout_min_ms");
  const toml::table& network = section(file, doc, "network");
  read(file, network, "loss", c.loss, 0, 1);
  read(file, network, "duplicate", c.duplicate, 0, 1);
  read(file, network, "delay_min_ms", c.delay_min_ms, 0, 100000);
  read(file, network, "delay_max_ms", c.delay_max_ms, 0, 100000);
  read(file, network, "reorder", c.reorder, 0, 0);
  if (c.delay_max_ms < c.delay_min_ms) throw ConfigError(file.string() + ": delay_max_ms is below delay_min_ms");
  const toml::table& storage = section(file, doc, "storage");
  read(file, storage, "sync_votes", c.sync_votes, 0, 0);
  read(file, storage, "sync_log", c.sync_log, 0, 0);
  if (const toml::node* faults = doc.get("faults")) {
    const toml::array* list = faults->as_array();
    if (!list) throw ConfigError(where(file, *faults) + ": faults must be an array of tables ([[faults]])");
    for (const toml::node& f : *list) {
      if (!f.is_table()) throw ConfigError(where(file, f) + ": a fault must be a table");
      Fault fault;
      read(file, *f.as_table(), "at_ms", fault.at_ms, 0, 600000);
      read(file, *f.as_table(), "kind", fault.kind, 0, 0);
      read(file, *f.as_table(), "node", fault.node, 0, 8);
      read(file, *f.as_table(), "on", fault.on, 0, 0);
      read(file, *f.as_table(), "down_ms", fault.down_ms, -1, 600000);
      if (fault.on != "time" && fault.on != "vote_granted" && fault.on != "become_candidate" &&
          fault.on != "become_leader")
        throw ConfigError(where(file, f) + ": fault 'on' must be time, vote_granted, become_candidate or become_leader");
      if (fault.kind != "crash" && fault.kind != "restart" && fault.kind != "partition" && fault.kind != "heal")
        throw ConfigError(where(file, f) + ": fault kind must be crash, restart, partition or heal");
      if (fault.node >= c.nodes) throw ConfigError(where(file, f) + ": fault names node " + std::to_string(fault.node) +
                                                   " of a " + std::to_string(c.nodes) + "-node cluster");
      c.faults.push_back(fault);
    }
  }
  if (const toml::node* clients = doc.get("clients")) {
    const toml::array* list = clients->as_array();
    if (!list) throw ConfigError(where(file, *clients) + ": clients must be an array of tables ([[clients]])");
    for (const toml::node& b : *list) {
      if (!b.is_table()) throw ConfigError(where(file, b) + ": a client burst must be a table");
      ClientBurst burst;
      read(file, *b.as_table(), "at_ms", burst.at_ms, 0, 600000);
      read(file, *b.as_table(), "requests", burst.requests, 0, 1000);
      c.clients.push_back(burst);
    }
  }
  return c;
}

}  // namespace raftlog
