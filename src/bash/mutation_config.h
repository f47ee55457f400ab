#pragma once
// The mutation testing configuration written into a generated crate:
// `.cargo/mutants.toml` for cargo-mutants (only keys it accepts), and
// `testgen-mutation.toml`, the spec's MutationConfig (operators, timeout,
// parallel jobs, target score, the critical functions) for testgen's own
// runner, which is what `--quality` uses here.

#include <string>
#include <vector>

#include "test_suite.h"

namespace testgen::bash {

struct QualityOptions;

/// The spec's critical functions (5.2): branches, side effects, or more
/// than five decision points.
std::vector<std::string> critical_functions(const TestSuite& suite);

std::string mutants_toml(const TestSuite& suite);
std::string mutation_config_toml(const TestSuite& suite, const QualityOptions& options);

}  // namespace testgen::bash
