#pragma once
// The scenario front's row in the table of fronts. A scenario case is its
// config.toml (what leanguard-testgen replayed), so replay runs that file
// with the runner the global options name, and minimise works on the
// case's mutations.json against the corpus's seed: delta debugging over
// the mutations, then each numeric value back toward the seed's, keeping
// the signature; the new case is assembled in _work and swapped in.

#include "front.h"

namespace testgen::scenario {

class ScenarioFront : public Front {
 public:
  std::string_view name() const override { return "scenario"; }
  std::vector<KeptFile> kept_files() const override;
  std::unique_ptr<Target> make_target(const TargetSpec& spec, const std::filesystem::path& case_dir,
                                      const FrontOptions& options) const override;
  /// Runner runs are slow: 25, as leanguard-testgen's --max-iters.
  size_t default_minimize_runs() const override { return 25; }
  ReplayReport replay(const CaseInfo& stored, const FrontOptions& options) const override;
  MinimizeReport minimize(const CaseInfo& stored, Corpus& corpus, const MinimizeRequest& request,
                          const FrontOptions& options) const override;
};

}  // namespace testgen::scenario
