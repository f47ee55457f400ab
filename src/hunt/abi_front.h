#pragma once
// The abi front's row in the table of fronts: a stored hunt case rebuilds
// its suite (with the user's Lua kept in the case) and compiler pair, and
// replays from its choice tree; minimise rewrites its C files, commands.sh
// and report.txt with the reduced case.

#include "front.h"

namespace testgen::hunt {

class AbiFront : public Front {
 public:
  std::string_view name() const override { return "abi"; }
  std::vector<KeptFile> kept_files() const override;
  std::unique_ptr<Target> make_target(const TargetSpec& spec, const std::filesystem::path& case_dir,
                                      const FrontOptions& options) const override;
  /// "abi:SUITE|ARCH|CALLER:CALLEE", as cases before target specs named their target.
  std::optional<TargetSpec> legacy_spec(const std::string& target_name) const override;
  ReplayReport replay(const CaseInfo& stored, const FrontOptions& options) const override;
};

}  // namespace testgen::hunt
