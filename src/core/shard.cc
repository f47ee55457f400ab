#include "testgen/shard.h"

#include <fmt/format.h>

#include <cstdlib>

#include "testgen/errors.h"
#include "testgen/rng.h"

namespace testgen {
namespace {

// A whole number, all digits; nullopt otherwise (no sign, no spaces).
std::optional<uint64_t> whole(std::string_view text) {
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string_view::npos)
    return std::nullopt;
  return std::strtoull(std::string(text).c_str(), nullptr, 10);
}

uint64_t required(std::string_view text, std::string_view what) {
  std::optional<uint64_t> v = whole(text);
  if (!v) throw UsageError(fmt::format("{}='{}': expected a whole number", what, text));
  return *v;
}

Shard checked(uint64_t index, uint64_t count, std::string source) {
  if (count == 0) throw UsageError(fmt::format("{}: the shard count must be at least 1", source));
  if (index >= count)
    throw UsageError(fmt::format("{}: shard index {} is not below the count {} (shards are numbered 0 to {})", source,
                                 index, count, count - 1));
  return Shard{index, count, std::move(source)};
}

}  // namespace

uint64_t Shard::seed(uint64_t base) const {
  if (!sharded()) return base;
  // Shard streams must differ from each other and from the unsharded run;
  // mixing (not adding) keeps seed s shard 1 apart from seed s+1 shard 0.
  uint64_t state = base ^ (0xd1b54a32d192ed03ULL * (index + 1));
  return splitmix64(state);
}

Shard Shard::parse(std::string_view text, std::string_view what) {
  const size_t slash = text.find('/');
  std::optional<uint64_t> index = slash == std::string_view::npos ? std::nullopt : whole(text.substr(0, slash));
  std::optional<uint64_t> count = slash == std::string_view::npos ? std::nullopt : whole(text.substr(slash + 1));
  if (!index || !count) throw UsageError(fmt::format("{}: '{}' is not I/N (shard I of N, counted from 0: 0/4 to 3/4)", what, text));
  return checked(*index, *count, std::string(what));
}

std::optional<Shard> Shard::from_environment(const std::function<const char*(const char*)>& getenv_fn) {
  auto get = [&](const char* name) -> const char* { return getenv_fn ? getenv_fn(name) : std::getenv(name); };
  if (const char* both = get("TESTGEN_SHARD")) return parse(both, "TESTGEN_SHARD");
  if (const char* id = get("SLURM_ARRAY_TASK_ID")) {
    // An array --array=MIN-MAX[:STEP] numbers its tasks MIN, MIN+STEP, ...
    const char* count = get("SLURM_ARRAY_TASK_COUNT");
    if (!count) throw UsageError("SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not; give --shard I/N");
    const uint64_t task = required(id, "SLURM_ARRAY_TASK_ID");
    const char* min_text = get("SLURM_ARRAY_TASK_MIN");
    const char* step_text = get("SLURM_ARRAY_TASK_STEP");
    const uint64_t min = min_text ? required(min_text, "SLURM_ARRAY_TASK_MIN") : 0;
    const uint64_t step = step_text ? required(step_text, "SLURM_ARRAY_TASK_STEP") : 1;
    if (task < min || step == 0 || (task - min) % step != 0)
      throw UsageError(fmt::format("SLURM_ARRAY_TASK_ID={} is not a task of the array (min {}, step {})", task, min, step));
    return checked((task - min) / step, required(count, "SLURM_ARRAY_TASK_COUNT"), "SLURM_ARRAY_TASK_ID");
  }
  if (const char* index = get("JOB_COMPLETION_INDEX")) {
    const char* count = get("TESTGEN_SHARD_COUNT");
    if (!count)
      throw UsageError("JOB_COMPLETION_INDEX is set (a Kubernetes indexed Job) but TESTGEN_SHARD_COUNT is not: set it "
                       "to the Job's completions in the manifest, or give --shard I/N");
    return checked(required(index, "JOB_COMPLETION_INDEX"), required(count, "TESTGEN_SHARD_COUNT"),
                   "JOB_COMPLETION_INDEX");
  }
  return std::nullopt;
}

}  // namespace testgen
