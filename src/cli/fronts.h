#pragma once
// Fronts whose saved cases replay from their choice trees: `replay` and
// `minimize` rebuild a case's target from its front and target names.
// (Scenario cases replay from their config.toml instead: scenario_case.h.)

#include <filesystem>
#include <memory>
#include <string>

#include "testgen/corpus.h"
#include "testgen/engine.h"

namespace testgen::cli {

/// The target `target_name` of `front` for the case saved in `case_dir`
/// (which may hold files the target needs), or nullptr with `error` set.
std::unique_ptr<Target> make_target(const std::string& front, const std::string& target_name,
                                    const std::filesystem::path& case_dir, std::string& error);

/// A saved case read back with the target that re-runs it.
struct LoadedCase {
  CaseInfo info;
  ChoiceTree tree;
  std::unique_ptr<Target> target;
};
/// Reads `case_dir` (case.json, tree.json) and rebuilds its target. Throws
/// CorpusError for unreadable files and for a target that cannot be made.
LoadedCase load_case(const std::filesystem::path& case_dir);

}  // namespace testgen::cli
