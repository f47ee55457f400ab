#include "abi_front.h"

#include <fmt/format.h>

#include "hunt_target.h"

namespace testgen::hunt {

std::vector<KeptFile> AbiFront::kept_files() const {
  return {{"main", "case-main.c"}, {"callee", "case-callee.c"}, {"commands", "commands.sh"},
          {"report", "report.txt"}, {"lua", "lua/*.lua", KeptFile::As::kList}};
}

std::unique_ptr<Target> AbiFront::make_target(const TargetSpec& spec, const std::filesystem::path& case_dir,
                                              const FrontOptions& options) const {
  if (spec.version != 1)
    throw CorpusError(fmt::format("{}: abi target_spec version {} (this testgen reads 1)",
                                  (case_dir / "case.json").string(), spec.version));
  HuntSetup setup;
  try {
    setup = setup_of(spec);
  } catch (const UsageError& e) {
    throw CorpusError(fmt::format("{}: {}", (case_dir / "case.json").string(), e.what()));
  }
  return make_hunt_target(std::move(setup), case_dir, options.allow_unsafe_lua);
}

std::optional<TargetSpec> AbiFront::legacy_spec(const std::string& name) const {
  const std::string prefix = "abi:";
  const size_t first = name.find('|'), second = first == std::string::npos ? first : name.find('|', first + 1);
  if (!name.starts_with(prefix) || second == std::string::npos) return std::nullopt;
  const std::string pair = name.substr(second + 1);
  const size_t colon = pair.find(':');
  if (colon == std::string::npos) return std::nullopt;
  return TargetSpec{"abi",
                    1,
                    {{"suite", name.substr(prefix.size(), first - prefix.size())},
                     {"arch", name.substr(first + 1, second - first - 1)},
                     {"caller", pair.substr(0, colon)},
                     {"callee", pair.substr(colon + 1)}}};
}

ReplayReport AbiFront::replay(const CaseInfo& stored, const FrontOptions& options) const {
  ReplayReport report = Front::replay(stored, options);
  const std::optional<TargetSpec> spec = stored.spec ? stored.spec : legacy_spec(stored.target);
  if (spec) report.ran_with = fmt::format("{}:{} on {}", spec->params.at("caller"), spec->params.at("callee"),
                                          spec->params.at("arch"));
  return report;
}

}  // namespace testgen::hunt
