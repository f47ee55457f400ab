#pragma once
// The Quality Report of `testgen bash --tests / --quality` (spec 7.2), as
// text for people and as JSON for machines.

#include <string>

#include <nlohmann/json.hpp>

#include "quality.h"

namespace testgen::bash {

std::string quality_text(const QualityReport& report);
nlohmann::json quality_json(const QualityReport& report);

}  // namespace testgen::bash
