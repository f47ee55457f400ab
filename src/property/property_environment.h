#pragma once
// The TESTGEN_* environment variables a property check reads, applied to its
// options. Bad values are errors (UsageError naming the variable), not
// silently ignored: a typo in TESTGEN_FUZZ_FOR must not turn a fuzzing
// session into a 200-input test.

#include <optional>
#include <string>
#include <string_view>

#include "testgen/property.h"

namespace testgen::property {

/// "60", "60s", "1.5m", "2h" -> seconds; nullopt when it is none of these.
std::optional<double> parse_duration(std::string_view text);

/// Options with TESTGEN_TESTS, TESTGEN_SEED, TESTGEN_FUZZ_FOR, TESTGEN_FUZZ_RUNS,
/// TESTGEN_SHRINK_SECONDS, TESTGEN_DB and the shard (TESTGEN_SHARD, Slurm, Kubernetes) applied.
PropertyOptions with_environment(PropertyOptions options);

/// The input TESTGEN_REPLAY asks for, if it names this property: the code after "name:".
std::optional<std::string> replay_request(const std::string& property_name);

}  // namespace testgen::property
