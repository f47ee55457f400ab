#include "scenario_target.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cctype>
#include <fstream>
#include <sstream>

#include "testgen/site.h"

namespace testgen::scenario {
namespace fs = std::filesystem;
namespace {

std::string read_text(const fs::path& file) {
  std::ifstream in(file);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

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

ScenarioTarget::ScenarioTarget(ScenarioSetup setup, ProcessRunner& processes)
    : setup_(std::move(setup)),
      processes_(processes),
      scenarios_(scenario_gen(setup_.context, setup_.max_mutations, setup_.seed_filter)) {}

RunResult ScenarioTarget::run(const Cursor& input) {
  const MutatedScenario s = scenarios_(input);
  const fs::path dir = setup_.work_dir / fmt::format("run-{}-{}", ::getpid(), ++runs_);
  fs::remove_all(dir);
  fs::create_directories(dir / "logs");
  toml::table doc = s.doc;
  doc.insert_or_assign("log_path", (dir / "logs").string());
  {
    std::ofstream(dir / "config.toml") << canonical_toml(doc);
  }
  last_ = run_scenario(processes_, setup_.runner, dir / "config.toml", dir / "logs", dir / "coverage");

  RunResult result;
  if (last_.status == RunStatus::kInvalid) {
    result.verdict = Verdict::kDiscard;
    result.detail = last_.error;
    fs::remove_all(dir);
    return result;
  }
  if (last_.status == RunStatus::kError) {
    result.verdict = Verdict::kFail;
    result.signature = fmt::format("runner error: {}", blank_numbers(last_.error.substr(0, last_.error.find(':'))));
    result.detail = last_.error;
  } else {
    // Observed items as leanguard-testgen named them: coverpoints, and trace signatures if asked.
    result.feature_names = last_.summary->coverage;
    if (setup_.trace_signature)
      for (const auto& entry : fs::directory_iterator(dir / "logs"))
        if (entry.path().string().ends_with("_events.csv")) result.feature_names.push_back(trace_kind_hash(entry.path()));
    for (const std::string& name : result.feature_names) result.features.add(name);
    if (last_.status == RunStatus::kReject) {
      result.verdict = Verdict::kFail;
      result.signature = violation_signature(*last_.summary);
      for (const CheckerResult& c : last_.summary->checkers)
        if (c.status != "accept") result.detail += fmt::format("{}: {} {}", c.checker, c.status, c.stdout_text);
    }
  }

  // What a case directory holds: the config (log_path pointing at the case's
  // own logs/), the logs, the run summary and the mutations.
  doc.insert_or_assign("log_path", "logs");
  result.artifacts.push_back({"config.toml", canonical_toml(doc)});
  result.artifacts.push_back({"mutations.json", mutations_json(s.mutations).dump(2) + "\n"});
  const std::string summary = last_.summary ? last_.summary->raw.dump(2) + "\n" : nlohmann::json{{"error", last_.error}}.dump(2) + "\n";
  result.artifacts.push_back({"run_summary.json", summary});
  for (const auto& entry : fs::recursive_directory_iterator(dir / "logs"))
    if (entry.is_regular_file())
      result.artifacts.push_back({"logs/" + fs::relative(entry.path(), dir / "logs").string(), read_text(entry.path())});
  fs::remove_all(dir);
  return result;
}

std::string ScenarioTarget::describe(const Cursor& input) {
  const MutatedScenario s = scenarios_(input);
  std::string out = setup_.context->seeds()[s.seed].name;
  for (const Mutation& m : s.mutations) out += fmt::format("; {} {}: {} -> {}", m.op, m.path, m.from, m.to);
  return out;
}

}  // namespace testgen::scenario
