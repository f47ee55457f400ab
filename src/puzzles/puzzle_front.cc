#include "puzzle_front.h"

#include <fmt/format.h>

#include "puzzles.h"

namespace testgen::puzzles {

std::unique_ptr<Target> PuzzleFront::make_target(const TargetSpec& spec, const std::filesystem::path& case_dir,
                                                 const FrontOptions&) const {
  const auto it = spec.params.find("name");
  const std::string name = it == spec.params.end() ? "" : it->second;
  if (spec.version != 1 || name.empty())
    throw CorpusError(fmt::format("{}: target_spec is not a puzzle spec this testgen reads (version 1, params.name)",
                                  (case_dir / "case.json").string()));
  if (const Puzzle* p = find(name)) return p->make();
  throw CorpusError(fmt::format("{}: unknown puzzle '{}' (see 'testgen puzzle --list')", (case_dir / "case.json").string(), name));
}

std::optional<TargetSpec> PuzzleFront::legacy_spec(const std::string& target_name) const {
  const std::string prefix = "puzzle:";
  if (!target_name.starts_with(prefix)) return std::nullopt;
  return puzzle_spec(target_name.substr(prefix.size()));
}

}  // namespace testgen::puzzles
