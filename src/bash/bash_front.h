#pragma once
// The bash front's row in the table of fronts: a stored case is one input
// of one function of a script (the script is kept in the case as
// script.sh), rebuilt by translating the script again and building its
// crate, so `testgen replay` and `testgen minimize` work on differences.

#include "front.h"

namespace testgen::bash {

class BashFront : public Front {
 public:
  std::string_view name() const override { return "bash"; }
  std::vector<KeptFile> kept_files() const override { return {{"script", "script.sh"}}; }
  std::unique_ptr<Target> make_target(const TargetSpec& spec, const std::filesystem::path& case_dir,
                                       const FrontOptions& options) const override;
  size_t default_minimize_runs() const override { return 500; }
};

}  // namespace testgen::bash
