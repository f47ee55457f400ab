#pragma once
// A whole abi hunt: one engine per compiler pair, run by a pool of worker
// threads, sharing one corpus and one budget, with known failures taken
// from an expectations file.

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "expectations.h"
#include "testgen/corpus.h"
#include "testgen/shard.h"
#include "sync_dir.h"
#include "toolchain.h"

namespace testgen::hunt {

struct HuntPlan {
  std::string suite = "ansi";
  std::string dialect = "c11";
  std::vector<std::filesystem::path> lua_files;  ///< loaded after the built-in suites
  std::vector<abi::CompilerPair> pairs;
  std::string arch = "x86_64";
  uint64_t seed = 0;     ///< the shard's seed (Shard::seed)
  Shard shard;           ///< which share of the matrix this process hunts
  uint64_t runs = 500;  ///< cases, shared by the pairs
  double seconds = 0;   ///< wall time of the whole hunt (0: no limit)
  int size = 2;
  size_t batch = 16;    ///< cases per program
  size_t shrink_calls = 300;
  double shrink_seconds = 0;  ///< per finding (0: no limit but the hunt's)
  bool shrink = true;
  /// Share of the builds reduction may take while the hunt explores (see
  /// EngineOptions::reduction_share): a pair rich in bugs is still explored.
  double reduction_share = 0.5;
  /// Shrink candidates of a mismatch built together as one program.
  size_t shrink_lookahead = 8;
  bool adapt = true;          ///< the adaptive model reweights choices toward new coverage
  double mutate_ratio = 0.3;  ///< builds are slow: fresh cases find more than mutants
  unsigned jobs = 1;    ///< pairs hunted at once
  bool unsafe_lua = false;  ///< Lua may start processes and write files
  abi::BuildOptions build;
  const Expectations* expectations = nullptr;
  Corpus* corpus = nullptr;  ///< shared by the workers (null: keep nothing)
  SyncDir* sync = nullptr;   ///< --sync-dir: kept inputs exchanged with other shards (null: none)
  std::filesystem::path scratch_root;
};

struct PairResult {
  abi::CompilerPair pair;
  EngineReport report;
  uint64_t builds = 0;
  double started_at = 0;  ///< seconds after the hunt began
};

struct HuntProgress {
  uint64_t runs = 0, builds = 0, findings = 0, known = 0;
  size_t pairs_done = 0, pairs_total = 0;
  double seconds = 0;
};

struct HuntCallbacks {
  /// After each batch.
  std::function<void(const HuntProgress&)> progress;
  /// For each new finding, once reduced; `seconds` since the hunt began,
  /// when it was first seen.
  std::function<void(const abi::CompilerPair& pair, const Finding& finding, double seconds)> finding;
};

/// Hunts every pair of the plan; results in the plan's pair order. The
/// callbacks are called from the workers, one at a time.
std::vector<PairResult> run_hunt(const HuntPlan& plan, const HuntCallbacks& callbacks);

}  // namespace testgen::hunt
