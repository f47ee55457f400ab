#pragma once
// ROOT/metadata/<id>.json: leanguard-testgen's per-case record, built from
// the case directory alone (its case.json and the files its front said it
// keeps), so that repair can rebuild it for a case of any front.

#include <filesystem>
#include <nlohmann/json.hpp>
#include <vector>

#include "testgen/corpus.h"

namespace testgen::metadata {

nlohmann::json kept_files_json(const std::vector<KeptFile>& kept);

/// The metadata of the case in `dir` (under `root`), whose case.json is `c`.
nlohmann::json of_case(const std::filesystem::path& root, const std::filesystem::path& dir, const nlohmann::json& c,
                       const nlohmann::json& campaign);

}  // namespace testgen::metadata
