#include "scenario_target.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>

#include "testgen/corpus.h"
#include "testgen/site.h"

namespace testgen::scenario {
namespace fs = std::filesystem;
namespace {

std::string blank_numbers(std::string_view line) {
  std::string out;
  for (size_t i = 0; i < line.size();) {
    if (std::isdigit(static_cast<unsigned char>(line[i]))) {
      out += 'N';
      while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i]))) ++i;
    } else {
      out += line[i++];
    }
  }
  return out;
}

}  // namespace

std::string violation_signature(const RunSummary& summary) {
  if (!summary.simulator_status.empty() && summary.simulator_status != "ok" && summary.simulator_status != "skipped")
    return fmt::format("simulator: {}", summary.simulator_status);
  std::vector<std::string> parts;
  for (const CheckerResult& c : summary.checkers) {
    if (c.status == "accept") continue;
    const std::string first = c.stdout_text.substr(0, c.stdout_text.find('\n'));
    parts.push_back(fmt::format("{}: {}", c.checker, first.empty() ? c.status : blank_numbers(first)));
  }
  return parts.empty() ? "rejected" : fmt::format("{}", fmt::join(parts, "; "));
}

double closeness(const RunSummary& summary, const std::string& coverpoint) {
  if (std::find(summary.coverage.begin(), summary.coverage.end(), coverpoint) != summary.coverage.end()) return 1;
  double best = 0;
  const std::string suffix = "near." + coverpoint;
  for (const auto& [key, value] : summary.metrics)
    if (key == suffix || key.ends_with("." + suffix)) best = std::max(best, std::clamp(value, 0.0, 1.0));
  return best;
}

std::vector<std::string> near_points(const RunSummary& summary) {
  std::set<std::string> points;
  for (const auto& [key, value] : summary.metrics) {
    const size_t at = key.find("near.");
    if (at != std::string::npos && (at == 0 || key[at - 1] == '.')) points.insert(key.substr(at + 5));
  }
  return {points.begin(), points.end()};
}

ScenarioTarget::ScenarioTarget(ScenarioSetup setup, ProcessRunner& processes)
    : setup_(std::move(setup)),
      processes_(processes),
      scenarios_(scenario_gen(setup_.context, setup_.max_mutations, setup_.seed_filter)) {}

std::string outcome_signature(const RunOutcome& outcome) {
  switch (outcome.status) {
    case RunStatus::kAccept: return "accept";
    case RunStatus::kInvalid: return "invalid";
    case RunStatus::kReject: return violation_signature(*outcome.summary);
    case RunStatus::kError: break;
  }
  return fmt::format("runner error: {}", blank_numbers(outcome.error.substr(0, outcome.error.find(':'))));
}

namespace {

// A run's directory, removed with the last artifact that refers to it.
struct RunDir {
  fs::path path;
  ~RunDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

}  // namespace

ConfigRun run_config(ProcessRunner& processes, const Runner& runner, const fs::path& work_dir, const toml::table& doc) {
  static std::atomic<uint64_t> runs{0};
  // Absolute: runners read log_path relative to the config's directory.
  ConfigRun run{.dir = fs::absolute(work_dir) / fmt::format("run-{}-{}", ::getpid(), ++runs)};
  fs::remove_all(run.dir);
  fs::create_directories(run.dir / "logs");
  auto alive = std::make_shared<RunDir>();
  alive->path = run.dir;
  run.dir_alive = std::move(alive);
  toml::table config = doc;
  config.insert_or_assign("log_path", (run.dir / "logs").string());
  write_file_atomic(run.dir / "config.toml", canonical_toml(config));
  run.outcome = run_scenario(processes, runner, run.dir / "config.toml", run.dir / "logs", run.dir / "coverage");
  return run;
}

std::vector<Artifact> case_files(const toml::table& doc, const ConfigRun& run, uint64_t max_log_bytes) {
  std::vector<Artifact> files;
  toml::table config = doc;
  config.insert_or_assign("log_path", "logs");
  files.push_back({"config.toml", canonical_toml(config)});
  const RunOutcome& outcome = run.outcome;
  files.push_back({"run_summary.json",
                   outcome.summary ? outcome.summary->raw.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"
                                   : nlohmann::json{{"error", outcome.error}}.dump(2, ' ', false,
                                                                                   nlohmann::json::error_handler_t::replace) +
                                         "\n"});
  // Whatever a runner leaves in its log directory (links, fifos, files it
  // cannot read) never stops the campaign: regular files are kept, the rest left out.
  const fs::path logs = run.dir / "logs";
  std::error_code ec;
  for (fs::recursive_directory_iterator it(logs, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    std::error_code kind;
    if (it->is_symlink(kind) || !it->is_regular_file(kind)) continue;
    files.push_back(Artifact{.path = "logs/" + fs::relative(it->path(), logs).generic_string(),
                             .source = it->path(),
                             .max_bytes = max_log_bytes,
                             .keep_alive = run.dir_alive});
  }
  return files;
}

RunResult ScenarioTarget::run(const Cursor& input) {
  const MutatedScenario s = scenarios_(input);
  ConfigRun run = run_config(processes_, setup_.runner, setup_.work_dir, s.doc);
  last_ = run.outcome;
  last_features_.clear();

  RunResult result;
  result.labels["seed"] = setup_.context->seeds()[s.seed].name;
  if (last_.status == RunStatus::kInvalid) {
    result.verdict = Verdict::kDiscard;
    result.detail = last_.error;
    return result;
  }
  if (last_.status == RunStatus::kError) {
    result.verdict = Verdict::kFail;
    result.signature = outcome_signature(last_);
    result.detail = last_.error;
  } else {
    // Observed items as leanguard-testgen named them (coverpoints, trace
    // signatures if asked), and what else the run reports (run_features.h).
    result.feature_names = run_features(*last_.summary, run.dir / "logs", feature_options());
    if (setup_.rare_pairs > 1) {
      const std::vector<std::string> pairs = rare_pairs(last_.summary->coverage);
      result.feature_names.insert(result.feature_names.end(), pairs.begin(), pairs.end());
    }
    coverpoints_.insert(last_.summary->coverage.begin(), last_.summary->coverage.end());
    for (const std::string& name : result.feature_names) {
      result.features.add(name);
      ++feature_counts_[name];
      const bool goal = std::find(setup_.goals.begin(), setup_.goals.end(), name) != setup_.goals.end();
      const bool asked_hash = setup_.trace_signature && name.starts_with("trace_kind_hash:");
      weights_.try_emplace(feature_of(name), goal || asked_hash               ? (goal ? 8.0 : 1.0)
                                             : name.starts_with("hits:")       ? 0.125
                                             : name.starts_with("trace:")      ? 0.125
                                             : name.starts_with("num:")        ? 0.25
                                             : name.starts_with("pair:")       ? 0.25
                                             : name.starts_with("trace_kind_") ? 0.25
                                             : name.starts_with("near:")       ? 2.0
                                                                               : 1.0);
    }
    last_features_ = result.feature_names;
    if (last_.status == RunStatus::kReject) {
      result.verdict = Verdict::kFail;
      result.signature = outcome_signature(last_);
      for (const CheckerResult& c : last_.summary->checkers)
        if (c.status != "accept") result.detail += fmt::format("{}: {} {}", c.checker, c.status, c.stdout_text);
    }
  }

  // What a case directory holds: the config (log_path pointing at the case's
  // own logs/), the logs, the run summary and the mutations.
  result.artifacts = case_files(s.doc, run, setup_.max_log_bytes);
  result.artifacts.push_back({"mutations.json", mutations_json(s.mutations).dump(2) + "\n"});
  return result;
}

std::vector<std::string> ScenarioTarget::rare_pairs(const std::vector<std::string>& coverage) const {
  std::vector<std::pair<uint64_t, std::string>> by_count;
  for (const std::string& point : coverage) {
    auto it = feature_counts_.find(point);
    by_count.emplace_back(it == feature_counts_.end() ? 0 : it->second, point);
  }
  std::sort(by_count.begin(), by_count.end());  // rarest first; ties by name
  if (by_count.size() > setup_.rare_pairs) by_count.resize(setup_.rare_pairs);
  std::vector<std::string> names;
  for (auto& [count, point] : by_count) names.push_back(point);
  std::sort(names.begin(), names.end());
  std::vector<std::string> pairs;
  for (size_t i = 0; i < names.size(); ++i)
    for (size_t j = i + 1; j < names.size(); ++j) pairs.push_back(fmt::format("pair:{}+{}", names[i], names[j]));
  return pairs;
}

FeatureOptions ScenarioTarget::feature_options() const {
  const bool few = coverpoints_.size() < setup_.few_coverpoints;
  return FeatureOptions{.hit_buckets = setup_.hit_buckets,
                        .numbers = setup_.numbers,
                        .trace_counts = setup_.trace_signature || few,
                        // Asked for only: nearly every run's sequence is new, which would keep them all.
                        .trace_hash = setup_.trace_signature};
}

double ScenarioTarget::rarity(const std::vector<std::string>& features) const {
  double total = 0;
  for (const std::string& name : features) {
    auto it = frozen_counts_.find(name);
    const double before = it == frozen_counts_.end() ? 0.0 : static_cast<double>(it->second);
    total += feature_weight(feature_of(name)) / (1.0 + before);
  }
  return total;
}

double ScenarioTarget::feature_weight(Feature f) const {
  auto it = weights_.find(f);
  return it == weights_.end() ? 1.0 : it->second;
}

std::string ScenarioTarget::describe(const Cursor& input) {
  const MutatedScenario s = scenarios_(input);
  std::string out = setup_.context->seeds()[s.seed].name;
  for (const Mutation& m : s.mutations) out += fmt::format("; {} {}: {} -> {}", m.op, m.path, m.from, m.to);
  return out;
}

}  // namespace testgen::scenario
