#pragma once
// The JSON summary of an abi hunt: the pairs, counts, each finding (with
// its case directory and the size of its reproducer), known failures and
// the expectations that matched nothing. No timings: the same seed gives
// the same summary.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "hunt_plan.h"

namespace testgen::hunt {

/// How far a finding's reduction got: "reduced" (a minimum), "reduced
/// until its budget ran out", "part-reduced" (the hunt's time or an
/// interrupt cut it off), or "as found".
std::string reduction_state(const Finding& f, bool shrinking);

nlohmann::json hunt_summary(const PreparedHunt& hunt, const std::vector<PairResult>& results);

}  // namespace testgen::hunt
