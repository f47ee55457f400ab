#pragma once
// Fronts that saved cases can name: `replay` rebuilds a case's target from
// its front and target names.

#include <filesystem>
#include <memory>
#include <string>

#include "scenario_options.h"
#include "testgen/engine.h"

namespace testgen::cli {

/// The target `target_name` of `front` for the case saved in `case_dir`
/// (which may hold files the target needs; scenario cases also need their
/// corpus's seeds and a runner), or nullptr with `error` set.
std::unique_ptr<Target> make_target(const std::string& front, const std::string& target_name,
                                    const std::filesystem::path& case_dir, const ScenarioArgs& scenario,
                                    std::string& error);

}  // namespace testgen::cli
