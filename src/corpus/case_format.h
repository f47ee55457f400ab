#pragma once
// case.json, the one file every case directory has: writing it, and
// reading it back with every field checked (a damaged corpus names the
// file and the field, never "internal error"). docs/corpus-format.md
// describes the format.

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "testgen/corpus.h"

namespace testgen::case_format {

inline constexpr const char* kFormat = "testgen-case";
/// 2 added target_spec, reduced and kept_files; version 1 cases still read.
inline constexpr int kVersion = 2;

/// The directory a case's status puts it in: "accepted" or "rejected".
inline std::string status_dir(bool rejected) { return rejected ? "rejected" : "accepted"; }

nlohmann::json spec_json(const TargetSpec& spec);

/// Parses a JSON file; CorpusError naming the file and the byte.
nlohmann::json parse_file(const std::filesystem::path& file);

/// Checks `c` (case.json of the case in `dir`) and reads it.
CaseInfo read(const nlohmann::json& c, const std::filesystem::path& file);

/// The features listed in case.json (hex strings), checked.
FeatureSet features(const nlohmann::json& c, const std::filesystem::path& file);

}  // namespace testgen::case_format
