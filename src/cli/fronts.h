#pragma once
// Fronts that saved cases can name: `replay` rebuilds a case's target from
// its front and target names.

#include <memory>
#include <string>

#include "testgen/engine.h"

namespace testgen::cli {

/// The target `target_name` of `front`, or nullptr with `error` set.
std::unique_ptr<Target> make_target(const std::string& front, const std::string& target_name, std::string& error);

}  // namespace testgen::cli
