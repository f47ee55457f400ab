#pragma once
// Planning an abi hunt from what the user asked for: the suite (built-in or
// from the user's Lua), the compiler pairs (given, or every pair of the
// installed default compilers) times the optimisation levels, less the
// pairs that cannot build the suite on the architecture, the expectations,
// the corpus and a scratch directory.

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "front.h"
#include "hunt.h"

namespace testgen::hunt {

struct HuntRequest {
  std::vector<std::string> lua_files;
  std::vector<std::string> pairs;       ///< "CALLER:CALLEE"; empty: every installed pair
  std::vector<std::string> opt_levels;  ///< "0", "2", "s"
  std::string suite = "ansi";
  std::string arch = "x86_64";
  std::string expect_file;
  EngineBudget budget;  ///< runs shared by the pairs, the hunt's wall time, seed, shrinking
  unsigned jobs = 1;
  size_t batch = 16;
  int size = 2;
  double run_timeout = 5;
  double compile_timeout = 60;
  std::string corpus_root;
  bool adapt = true;
  double mutate_ratio = 0.3;
  double reduction_share = 0.5;
  size_t shrink_lookahead = 8;
  bool unsafe_lua = false;
};

struct SkippedPair {
  std::string pair, reason;
};

/// A hunt ready to run: the plan refers to the members, so it is not copied.
struct PreparedHunt {
  HuntPlan plan;
  Expectations expectations;
  std::vector<SkippedPair> skipped;
  std::unique_ptr<Corpus> corpus;
  std::unique_ptr<ScratchDir> scratch;
  std::unique_ptr<SyncDir> sync;
};

/// Checks the request and plans the hunt. UsageError for an unknown
/// suite, architecture, compiler or pair, or when no pair can build the
/// suite here; InputError for a bad Lua or expectations file.
/// `on_skip` hears of each pair left out, as it is left out.
/// A shard's share of the pair x optimisation matrix (in the order every
/// shard computes alike): every count-th entry from the shard's index, or,
/// with more shards than entries, the one entry index mod size.
std::vector<abi::CompilerPair> shard_share(std::vector<abi::CompilerPair> matrix, const Shard& shard);

std::unique_ptr<PreparedHunt> prepare_hunt(const HuntRequest& request,
                                           const std::function<void(const SkippedPair&)>& on_skip = {});

}  // namespace testgen::hunt
