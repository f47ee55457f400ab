#pragma once
// Fronts that saved cases can name: `replay` rebuilds a case's target from
// its front and target names.

#include <filesystem>
#include <memory>
#include <string>

#include "scenario_options.h"
#include "testgen/corpus.h"
#include "testgen/engine.h"

namespace testgen::cli {

/// The target `target_name` of `front` for the case saved in `case_dir`
/// (which may hold files the target needs; scenario cases also need their
/// corpus's seeds and a runner), or nullptr with `error` set.
std::unique_ptr<Target> make_target(const std::string& front, const std::string& target_name,
                                    const std::filesystem::path& case_dir, const ScenarioArgs& scenario,
                                    std::string& error);

/// A saved case read back with the target that re-runs it.
struct LoadedCase {
  CaseInfo info;
  ChoiceTree tree;
  std::unique_ptr<Target> target;
};
/// Reads `case_dir` (case.json, tree.json) and rebuilds its target. Throws
/// CorpusError for unreadable files and for a target that cannot be made.
LoadedCase load_case(const std::filesystem::path& case_dir, const ScenarioArgs& scenario);

}  // namespace testgen::cli
