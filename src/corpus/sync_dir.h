#pragma once
// --sync-dir DIR: processes of one campaign (shards, on one machine or on
// many sharing a filesystem) exchange the inputs they keep while they run,
// as Centipede's shards and libFuzzer's -jobs with a shared corpus do.
//
//     DIR/<target hash>/<peer>/<case hash>.json   {"target", "size", "tree"}
//
// Each process publishes every case it keeps (new coverage) into its own
// peer directory, written to a temporary name and renamed, so a reader sees
// a whole file or none. Every few seconds it lists the other peers'
// directories of its target and takes the files it has not seen; the
// engine runs them like its own inputs and keeps those that add coverage
// here. Nothing is locked and nothing waits: a slow or dead peer only
// publishes less. Inputs that came from a peer are not published again.

#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "testgen/engine.h"

namespace testgen {

class SyncDir {
 public:
  /// `peer` names this process among the others (its shard, or host and pid).
  SyncDir(std::filesystem::path dir, std::string peer, double every_seconds);
  ~SyncDir();
  SyncDir(const SyncDir&) = delete;
  SyncDir& operator=(const SyncDir&) = delete;

  /// A store that saves to `inner` (may be null) and publishes each kept
  /// case of `target` here. Lives as long as this SyncDir.
  CaseStore* wrap(CaseStore* inner, const std::string& target);
  /// For EngineOptions::import_inputs: the inputs of `target` the other
  /// peers published since the last call, at most every `every_seconds`.
  std::vector<ChoiceTree> take(const std::string& target);
  /// Sets up `options` to publish through `options.store` and import from
  /// the peers, for the engine running `target` (Target::name()).
  void attach(EngineOptions& options, const std::string& target);

  const std::filesystem::path& dir() const { return dir_; }
  const std::string& peer() const { return peer_; }
  size_t published() const;
  size_t imported() const;
  /// The peer name of this process: "shard-I" when sharded, else host-pid.
  static std::string default_peer(uint64_t shard_index, bool sharded);

 private:
  class Store;
  void publish(const std::string& target, const CaseRecord& record);
  std::filesystem::path target_dir(const std::string& target) const;

  std::filesystem::path dir_;
  std::string peer_;
  double every_;
  mutable std::mutex mutex_;  // a hunt's pairs run on several threads
  std::unordered_set<std::string> seen_;  // "target/file" taken or written
  std::unordered_map<std::string, std::chrono::steady_clock::time_point> last_scan_;
  std::vector<std::unique_ptr<Store>> stores_;
  size_t published_ = 0, imported_ = 0;
};

}  // namespace testgen
