#include "scenario_front.h"

#include <fmt/format.h>

#include "minimize.h"
#include "runner_discovery.h"
#include "scenario_session.h"

namespace testgen::scenario {
namespace fs = std::filesystem;
using nlohmann::json;
namespace {

std::vector<Mutation> read_mutations(const fs::path& dir) {
  const fs::path file = dir / "mutations.json";
  const json j = json::parse(read_file(file), nullptr, false);
  if (!j.is_array()) throw CorpusError(fmt::format("{}: not a list of mutations", file.string()));
  std::vector<Mutation> out;
  for (const json& m : j) {
    if (!m.is_object()) throw CorpusError(fmt::format("{}: a mutation must be an object", file.string()));
    for (const char* key : {"op", "path", "from", "to"})
      if (!m.value(key, json("")).is_string())
        throw CorpusError(fmt::format("{}: field '{}' of a mutation must be a string", file.string(), key));
    out.push_back({m.value("op", ""), m.value("path", ""), m.value("from", ""), m.value("to", "")});
  }
  return out;
}

// As ScenarioTarget::describe renders a scenario: the seed, then each change.
std::string describe_mutations(const std::string& seed, const std::vector<Mutation>& mutations) {
  std::string out = seed;
  for (const Mutation& m : mutations) out += fmt::format("; {} {}: {} -> {}", m.op, m.path, m.from, m.to);
  return out;
}

// A scenario target that owns its session (seeds, scratch, processes).
class OwningScenarioTarget : public Target {
 public:
  explicit OwningScenarioTarget(std::unique_ptr<ScenarioSession> session) : session_(std::move(session)) {}
  std::string name() const override { return session_->target().name(); }
  TargetSpec spec() const override { return session_->target().spec(); }
  RunResult run(const Cursor& input) override { return session_->target().run(input); }
  std::string describe(const Cursor& input) override { return session_->target().describe(input); }

 private:
  std::unique_ptr<ScenarioSession> session_;
};

}  // namespace

std::vector<KeptFile> ScenarioFront::kept_files() const { return scenario_kept_files(); }

std::unique_ptr<Target> ScenarioFront::make_target(const TargetSpec& spec, const fs::path& case_dir,
                                                   const FrontOptions& options) const {
  ScenarioParams params;
  try {
    params = ScenarioParams::from_spec(spec);
  } catch (const CorpusError& e) {
    throw CorpusError(fmt::format("{}: {}", (case_dir / "case.json").string(), e.what()));
  }
  const fs::path root = case_dir.parent_path().parent_path();
  return std::make_unique<OwningScenarioTarget>(
      std::make_unique<ScenarioSession>(root, CorpusLayout{root}.work(), std::move(params), find_runner(options)));
}

ReplayReport ScenarioFront::replay(const CaseInfo& stored, const FrontOptions& options) const {
  const toml::table config = load_scenario(stored.dir / "config.toml");
  const Runner runner = find_runner(options);
  SubprocessRunner processes;
  ScratchDir scratch(CorpusLayout{stored.root}.work(), "replay");
  const ConfigRun run = run_config(processes, runner, scratch.path(), config);
  const std::string outcome = outcome_signature(run.outcome);
  const bool fails = run.outcome.status == RunStatus::kReject || run.outcome.status == RunStatus::kError;
  ReplayReport report;
  report.verdict = fails ? Verdict::kFail : run.outcome.status == RunStatus::kInvalid ? Verdict::kDiscard : Verdict::kPass;
  report.signature = fails ? outcome : "";
  report.same_signature = fails && outcome == stored.signature;
  report.value = (stored.dir / "config.toml").string();
  report.detail = run.outcome.error;
  report.ran_with = runner.description;
  report.extra = {{"runner", runner.description},
                  {"status", status_name(run.outcome.status)},
                  {"coverage", run.outcome.summary ? json(run.outcome.summary->coverage) : json::array()}};
  return report;
}

MinimizeReport ScenarioFront::minimize(const CaseInfo& stored, Corpus& corpus, const MinimizeRequest& request,
                                       const FrontOptions& options) const {
  const fs::path dir = stored.dir;
  if (!stored.rejected)
    throw CorpusError(fmt::format("{}: an accepted case; only rejected ones minimize", dir.string()));
  const auto seed_label = stored.labels.find("seed");
  const std::string seed_name = seed_label == stored.labels.end() ? "" : seed_label->second;
  const fs::path seed_file = corpus.layout().seeds() / seed_name;
  if (seed_name.empty() || !fs::is_regular_file(seed_file))
    throw CorpusError(fmt::format("{}: its seed '{}' is not in {}", dir.string(), seed_name,
                                  corpus.layout().seeds().string()));
  const toml::table seed = load_scenario(seed_file);
  const std::vector<Mutation> mutations = read_mutations(dir);

  const Runner runner = find_runner(options);
  SubprocessRunner processes;
  ScratchDir scratch(corpus.work_dir(), "minimize");
  auto run = [&](const toml::table& config) { return outcome_signature(run_config(processes, runner, scratch.path(), config).outcome); };
  MinimizeResult result = minimize_scenario(seed, mutations, stored.signature, run, {.max_iters = request.max_runs});
  if (result.tries.empty() || !result.tries.front().kept)
    throw CorpusError(fmt::format("{}: its mutations applied to {} no longer fail with '{}' (they give: {})",
                                  dir.string(), seed_name, stored.signature,
                                  result.tries.empty() ? "nothing" : result.tries.front().outcome));
  const bool reduced = result.mutations.size() < mutations.size() ||
                       canonical_toml(result.config) != canonical_toml(apply_mutations(seed, mutations));
  json log = json::array();
  for (const MinimizeTry& t : result.tries)
    log.push_back({{"phase", t.phase}, {"change", t.change}, {"outcome", t.outcome}, {"cached", t.cached}, {"kept", t.kept}});
  // The minimized config once more, for its logs and summary.
  const ConfigRun final_run = run_config(processes, runner, scratch.path(), result.config);
  if (outcome_signature(final_run.outcome) != stored.signature)
    throw CorpusError(fmt::format("{}: the minimized config did not fail the same way when run again "
                                  "(nondeterministic runner?); the case is left as it was", dir.string()));
  const json summary = {{"case_id", stored.id},
                        {"signature", stored.signature},
                        {"seed", seed_name},
                        {"mutations_before", mutations.size()},
                        {"mutations_after", result.mutations.size()},
                        {"mutations", mutations_json(result.mutations)},
                        {"reduced", reduced},
                        {"runs", result.runs},
                        {"cache_hits", result.cache_hits},
                        {"budget_spent", result.budget_spent},
                        {"tries", log}};
  // The new case is assembled beside the old one and swapped in whole.
  Corpus::CaseEdit edit;
  edit.remove = {"logs"};
  edit.write = case_files(result.config, final_run, uint64_t{64} << 20);
  edit.write.push_back({"mutations.json", mutations_json(result.mutations).dump(2) + "\n"});
  edit.write.push_back({"minimize_log.json", summary.dump(2, ' ', false, json::error_handler_t::replace) + "\n"});
  if (!fs::exists(dir / "config.orig.toml")) edit.write.push_back({"config.orig.toml", read_file(dir / "config.toml")});
  edit.update = [&](json& c) { c["reduced"] = true; };
  corpus.edit_case(dir, edit);

  MinimizeReport report;
  report.reduced = reduced;
  report.runs = result.runs;
  report.budget_spent = result.budget_spent;
  report.before = describe_mutations(seed_name, mutations);
  report.after = describe_mutations(seed_name, result.mutations);
  report.extra = summary;
  report.extra.erase("tries");
  return report;
}

}  // namespace testgen::scenario
