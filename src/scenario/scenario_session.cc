#include "scenario_session.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <fnmatch.h>

#include <set>

namespace testgen::scenario {
namespace fs = std::filesystem;
namespace {

bool seed_matches(const std::string& name, const std::string& filter) {
  if (filter.empty()) return true;
  if (filter.find_first_of("*?[") != std::string::npos) return ::fnmatch(filter.c_str(), name.c_str(), 0) == 0;
  return name.find(filter) != std::string::npos;
}

}  // namespace

TargetSpec ScenarioParams::spec() const {
  return {"scenario",
          1,
          {{"protocol", protocol},
           {"max_mutations", std::to_string(max_mutations)},
           {"seed_filter", seed_filter},
           {"schema", schema_file},
           {"trace_signature", trace_signature ? "true" : "false"}}};
}

ScenarioParams ScenarioParams::from_spec(const TargetSpec& spec) {
  auto param = [&](const char* key) {
    auto it = spec.params.find(key);
    return it == spec.params.end() ? std::string() : it->second;
  };
  ScenarioParams p;
  p.protocol = param("protocol");
  p.seed_filter = param("seed_filter");
  p.schema_file = param("schema");
  p.trace_signature = param("trace_signature") == "true";
  const std::string max = param("max_mutations");
  char* end = nullptr;
  p.max_mutations = std::strtoll(max.c_str(), &end, 10);
  if (spec.version != 1 || p.protocol.empty() || max.empty() || *end != '\0' || p.max_mutations < 0 ||
      p.max_mutations > 1000)
    throw CorpusError("target_spec is not a scenario spec this testgen reads (version 1, params.protocol, "
                      "params.max_mutations in 0..1000)");
  return p;
}

std::string ScenarioParams::target_name() const {
  std::string name = fmt::format("scenario:{}|{}", protocol, max_mutations);
  if (!seed_filter.empty()) name += "|seeds:" + seed_filter;
  if (!schema_file.empty()) name += "|schema";
  return name;
}

SeedChoice choose_seeds(const fs::path& root, const ScenarioParams& params) {
  SeedChoice c;
  c.seeds = load_seeds(root, &c.infos);
  const fs::path dir = CorpusLayout{root}.seeds();
  if (c.seeds.empty())
    throw ScenarioError(fmt::format("{}: no seeds (run 'testgen seed-index DIR --corpus-root {}' first)", dir.string(),
                                    root.string()));
  for (size_t i = 0; i < c.infos.size(); ++i) {
    const auto& tags = c.infos[i].tags;
    const bool tagged = params.protocol == "all" || std::find(tags.begin(), tags.end(), params.protocol) != tags.end();
    if (tagged && seed_matches(c.infos[i].name, params.seed_filter)) {
      c.chosen.push_back(i);
      c.names.push_back(c.infos[i].name);
    }
  }
  if (c.chosen.empty()) {
    std::set<std::string> tags;
    for (const auto& i : c.infos) tags.insert(i.tags.begin(), i.tags.end());
    throw ScenarioError(fmt::format("{}: no seed is tagged '{}'{} (tags there: {})", dir.string(), params.protocol,
                                    params.seed_filter.empty() ? "" : " and matches '" + params.seed_filter + "'",
                                    fmt::join(tags, ", ")));
  }
  if (c.chosen.size() == c.seeds.size()) c.chosen.clear();  // every seed: no filter
  return c;
}

ScenarioSession::ScenarioSession(const fs::path& root, const fs::path& work_parent, ScenarioParams params, Runner runner)
    : params_(std::move(params)),
      runner_(std::move(runner)),
      seeds_(choose_seeds(root, params_)),
      context_(std::make_shared<MutationContext>(
          seeds_.seeds, params_.schema_file.empty() ? Schema{} : Schema::load(params_.schema_file))),
      scratch_(work_parent, "scenario") {
  target_ = std::make_unique<ScenarioTarget>(ScenarioSetup{.context = context_,
                                                           .runner = runner_,
                                                           .work_dir = scratch_.path(),
                                                           .max_mutations = params_.max_mutations,
                                                           .seed_filter = seeds_.chosen,
                                                           .trace_signature = params_.trace_signature,
                                                           .goals = params_.goals,
                                                           .name = params_.target_name(),
                                                           .spec = params_.spec(),
                                                           .max_log_bytes = params_.max_log_bytes},
                                             processes_);
}

EngineOptions scenario_engine_options(bool uniform, bool allow_nondeterministic, CaseStore& store,
                                      ScenarioTarget& target) {
  EngineOptions options{.size = 4,
                        .adapt = !uniform,
                        .novelty = !uniform,
                        .mutate_ratio = uniform ? 0.0 : 0.7,
                        // A rare violation often needs the steps of two
                        // parents, each of which reached one ingredient.
                        .crossover = !uniform,
                        .stop_on_failure = false,
                        .store = &store,
                        .progress_every = 10};
  // An invalid scenario (runner exit 2): the choices that made it become rarer.
  if (!uniform) options.discard_gain = -1;
  // New queue entries and rejects run twice; a reject that does not repeat
  // is no finding unless nondeterminism is allowed.
  options.recheck = true;
  options.report_flaky = allow_nondeterministic;
  options.feature_weight = [&target](Feature f) { return target.feature_weight(f); };
  return options;
}

std::vector<KeptFile> scenario_kept_files() {
  return {{"config", "config.toml"},
          {"run_summary", "run_summary.json"},
          {"mutations", "mutations.json"},
          {"logs", "logs"},
          {"traces", "logs/*_events.csv", KeptFile::As::kList},
          {"mutations", "mutations.json", KeptFile::As::kEmbeddedJson}};
}

nlohmann::json findings_json(const EngineReport& report, const Corpus& corpus) {
  nlohmann::json findings = nlohmann::json::array();
  for (const Finding& f : report.findings)
    findings.push_back({{"case_id", f.case_id},
                        {"case_dir", corpus.case_dir(f.case_id, true).string()},
                        {"signature", f.signature},
                        {"scenario", f.value_text},
                        {"scenario_as_found", f.original_text},
                        {"found_at_run", f.found_at_run}});
  return findings;
}

}  // namespace testgen::scenario
