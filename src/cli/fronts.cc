#include "fronts.h"

#include <fmt/format.h>

#include "hunt_target.h"
#include "puzzles.h"

namespace testgen::cli {

std::unique_ptr<Target> make_target(const std::string& front, const std::string& target_name,
                                    const std::filesystem::path& case_dir, std::string& error) {
  if (front == "puzzle") {
    const std::string prefix = "puzzle:";
    const std::string name = target_name.starts_with(prefix) ? target_name.substr(prefix.size()) : target_name;
    if (const puzzles::Puzzle* p = puzzles::find(name)) return p->make();
    error = fmt::format("unknown puzzle '{}'", name);
    return nullptr;
  }
  if (front == "abi") return hunt::make_hunt_target(target_name, case_dir, error);
  error = fmt::format("unknown front '{}' (this testgen replays: puzzle, abi, scenario)", front);
  return nullptr;
}

LoadedCase load_case(const std::filesystem::path& case_dir) {
  LoadedCase c{Corpus::read_case(case_dir), Corpus::read_tree(case_dir), nullptr};
  std::string error;
  c.target = make_target(c.info.front, c.info.target, case_dir, error);
  if (!c.target) throw CorpusError(fmt::format("{}: {}", (case_dir / "case.json").string(), error));
  return c;
}

}  // namespace testgen::cli
