#include "fronts.h"

#include <fmt/format.h>

#include "hunt_target.h"
#include "puzzles.h"

namespace testgen::cli {

std::unique_ptr<Target> make_target(const std::string& front, const std::string& target_name,
                                    const std::filesystem::path& case_dir, const ScenarioArgs& scenario,
                                    std::string& error) {
  if (front == "puzzle") {
    const std::string prefix = "puzzle:";
    const std::string name = target_name.starts_with(prefix) ? target_name.substr(prefix.size()) : target_name;
    if (const puzzles::Puzzle* p = puzzles::find(name)) return p->make();
    error = fmt::format("unknown puzzle '{}'", name);
    return nullptr;
  }
  if (front == "abi") return hunt::make_hunt_target(target_name, case_dir, error);
  if (front == "scenario") return make_scenario_target(target_name, case_dir, scenario, error);
  error = fmt::format("unknown front '{}' (this testgen knows: puzzle, abi, scenario)", front);
  return nullptr;
}

}  // namespace testgen::cli
