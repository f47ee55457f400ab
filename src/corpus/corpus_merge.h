#pragma once
// `testgen corpus merge OUT IN...`: corpora of shards (or of runs on other
// machines) merged into one, front-agnostic:
//
// - accepted cases: OUT's stay; the inputs' are taken smallest first (the
//   size of their tree.json), each only when it adds a feature its target's
//   cases in OUT do not have yet (libFuzzer's -merge=1, afl-cmin);
// - findings: one per target and signature, the smallest reproducer (OUT's
//   own duplicates included: a larger one is removed);
// - seeds the inputs have and OUT lacks are copied (scenario cases replay
//   against them);
// - global_coverage.json becomes the union of every corpus's.
//
// Crash-safe: each case is assembled in OUT/_work and renamed into place,
// a removed case is renamed out first, and global coverage is written
// last; a merge killed half-way leaves OUT consistent, and running it
// again finishes it with the same result.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace testgen {

struct MergeRequest {
  std::filesystem::path out;
  std::vector<std::filesystem::path> inputs;
  /// Progress (about every thousand cases) and warnings (a case that cannot
  /// be read is left out, named).
  std::function<void(const std::string&)> progress, warn;
};

struct MergeInput {
  std::filesystem::path path;
  size_t accepted = 0, findings = 0, unreadable = 0;
};

struct MergeReport {
  std::vector<MergeInput> inputs;
  size_t accepted_before = 0, findings_before = 0;
  size_t accepted_added = 0;      ///< added new coverage
  size_t accepted_redundant = 0;  ///< added nothing new (left out)
  size_t accepted_present = 0;    ///< the same case (id) was there already
  size_t findings_added = 0;
  size_t findings_replaced = 0;   ///< a larger reproducer of OUT's removed for a smaller one
  size_t findings_duplicate = 0;  ///< another case of a signature that has its one (left out)
  size_t seeds_added = 0;
  size_t accepted_after = 0, findings_after = 0;
  size_t observed = 0;            ///< entries of the merged global coverage
  double seconds = 0;
};

/// Merges `inputs` into `out` (created if missing; its lock is held while
/// merging). CorpusError for an input that is not a corpus or is `out`
/// itself; BusyError if another process holds `out`; Interrupted after
/// SIGINT or SIGTERM, between two cases (OUT whole; a rerun finishes it).
MergeReport merge_corpora(const MergeRequest& request);

}  // namespace testgen
