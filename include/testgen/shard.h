#pragma once
/// \file
/// One shard of a run split across processes or machines.
///
/// Shard I of N draws its own seed stream (so N shards given one --rng-seed
/// explore different inputs) and takes its share of a front's work items
/// (a hunt's pair x optimisation matrix). The shard comes from `--shard I/N`
/// or, when that is not given, from the environment of the scheduler that
/// started the process:
///
///     TESTGEN_SHARD=I/N                       any launcher
///     SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT (and _MIN, _STEP)
///                                             a Slurm array job
///     JOB_COMPLETION_INDEX, TESTGEN_SHARD_COUNT
///                                             a Kubernetes indexed Job (its
///                                             manifest sets the count)
///
/// Example usage:
///     Shard s = Shard::parse("2/8", "--shard");  // index 2 of 8
///     options.seed = s.seed(options.seed);

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace testgen {

struct Shard {
  uint64_t index = 0;
  uint64_t count = 1;
  /// Where it came from ("--shard", "SLURM_ARRAY_TASK_ID", ...); "" when unsharded.
  std::string source;

  bool sharded() const { return count > 1; }
  /// This shard's seed: `base` itself when unsharded, so a single process
  /// gives what it always gave; otherwise a mix of `base` and the index.
  uint64_t seed(uint64_t base) const;
  /// Whether work item `item` (of a list every shard sees alike) is this
  /// shard's: every count-th item, starting at the index.
  bool owns(size_t item) const { return item % count == index; }

  /// "I/N" with 0 <= I < N; UsageError naming `what` (the flag or variable).
  static Shard parse(std::string_view text, std::string_view what);
  /// The shard the scheduler's environment gives, if any (see above);
  /// UsageError naming the variable that is malformed or missing.
  /// `getenv` is injectable for tests.
  static std::optional<Shard> from_environment(
      const std::function<const char*(const char*)>& getenv = nullptr);
};

}  // namespace testgen
