#pragma once
// The puzzle front's row in the table of fronts: a stored puzzle case
// rebuilds its puzzle by name and replays from its choice tree.

#include "front.h"

namespace testgen::puzzles {

class PuzzleFront : public Front {
 public:
  std::string_view name() const override { return "puzzle"; }
  std::unique_ptr<Target> make_target(const TargetSpec& spec, const std::filesystem::path& case_dir,
                                      const FrontOptions& options) const override;
  /// "puzzle:NAME", as cases before target specs named their target.
  std::optional<TargetSpec> legacy_spec(const std::string& target_name) const override;
};

}  // namespace testgen::puzzles
