#pragma once
// The JSON summary of an abi hunt: the pairs, counts, each finding (with
// its case directory and the size of its reproducer), known failures and
// the expectations that matched nothing. No timings: the same seed gives
// the same summary.

#include <nlohmann/json.hpp>
#include <vector>

#include "hunt_plan.h"

namespace testgen::hunt {

nlohmann::json hunt_summary(const PreparedHunt& hunt, const std::vector<PairResult>& results);

}  // namespace testgen::hunt
