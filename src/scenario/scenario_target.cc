#include "scenario_target.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <fstream>
#include <sstream>

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

std::string trace_kind_hash(const fs::path& trace) {
  std::ifstream in(trace);
  std::string line, kinds;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    // time_ms,node,kind,...: the third column.
    const size_t a = line.find(',');
    const size_t b = a == std::string::npos ? a : line.find(',', a + 1);
    const size_t c = b == std::string::npos ? b : line.find(',', b + 1);
    if (c != std::string::npos) kinds += line.substr(b + 1, c - b - 1) + "\n";
  }
  return fmt::format("trace_kind_hash:{}:{:016x}", trace.filename().string(), hash_bytes(kinds));
}

std::string hit_bucket(uint64_t count) {
  if (count <= 3) return std::to_string(count);
  if (count < 8) return "4-7";
  if (count < 16) return "8-15";
  if (count < 32) return "16-31";
  if (count < 128) return "32-127";
  return "128+";
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
    // Observed items as leanguard-testgen named them: coverpoints, and trace signatures if asked.
    result.feature_names = last_.summary->coverage;
    coverpoints_.insert(last_.summary->coverage.begin(), last_.summary->coverage.end());
    if (setup_.hit_buckets)
      for (const auto& [point, count] : last_.summary->hits)
        if (count >= 2) result.feature_names.push_back(fmt::format("hits:{}:{}", point, hit_bucket(count)));
    // Closeness to coverpoints not reached (a checker's "near.NAME" stats),
    // in tenths: the steps toward a rare coverpoint are coverage too.
    for (const std::string& point : near_points(*last_.summary)) {
      const double near = closeness(*last_.summary, point);
      if (near > 0 && near < 1) result.feature_names.push_back(fmt::format("near:{}:{:.1f}", point, std::floor(near * 10) / 10));
    }
    if (setup_.trace_signature) {
      std::error_code ec;
      for (fs::directory_iterator it(run.dir / "logs", ec), end; !ec && it != end; it.increment(ec))
        if (!it->is_symlink() && it->is_regular_file() && it->path().string().ends_with("_events.csv"))
          result.feature_names.push_back(trace_kind_hash(it->path()));
    }
    for (const std::string& name : result.feature_names) {
      result.features.add(name);
      const bool goal = std::find(setup_.goals.begin(), setup_.goals.end(), name) != setup_.goals.end();
      weights_.try_emplace(feature_of(name), goal                       ? 8.0
                                             : name.starts_with("hits:") ? 0.125
                                             : name.starts_with("near:") ? 2.0
                                                                         : 1.0);
    }
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
