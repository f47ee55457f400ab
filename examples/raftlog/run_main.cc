// raftlog-run: the bundled simulator as a runner that speaks leanguard-run's
// protocol.
//
//   raftlog-run --config FILE.toml [--mode simulate-and-check|check-only]
//               [--checker-dir DIR] [--allow-nondeterministic]
//               [--coverage] [--coverage-dir DIR]
//
// Simulates the scenario, writes <log_path>/raft_events.csv and
// <log_path>/traces.json, runs each trace's checkers from the checker
// directory, and prints one RunSummaryV1 JSON object. Exit 0: accepted, 1:
// rejected (a violation, or the simulation failed), 2: invalid input.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "config.h"
#include "simulator.h"
#include "testgen/process.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* kTrace = "raft_events.csv";
const std::vector<std::string> kCheckers = {"election_safety", "log_matching"};

struct Args {
  std::string config, mode = "simulate-and-check", checker_dir = ".", coverage_dir;
  bool allow_nondeterministic = false, coverage = false;
};

int usage(const std::string& why) {
  std::cerr << "raftlog-run: " << why
            << "\nusage: raftlog-run --config FILE.toml [--mode simulate-and-check|check-only] [--checker-dir DIR]\n"
               "                   [--allow-nondeterministic] [--coverage] [--coverage-dir DIR]\n";
  return 2;
}

json checker_result(testgen::SubprocessRunner& runner, const Args& a, const std::string& name, const fs::path& trace,
                    std::vector<std::string>& union_cover, json& per_checker) {
  const fs::path program = fs::path(a.checker_dir) / name;
  json r = {{"checker", name}, {"argv", json::array()}, {"stdout", ""}, {"stderr", ""}, {"coverage", json::array()}};
  if (!fs::exists(program)) {
    r["status"] = "missing_checker";
    r["exit_code"] = nullptr;
    r["stderr"] = program.string() + ": no such checker";
    return r;
  }
  std::vector<std::string> argv = {program.string(), trace.string()};
  fs::path coverage_file;
  if (a.coverage) {
    coverage_file = fs::path(a.coverage_dir.empty() ? trace.parent_path() : fs::path(a.coverage_dir)) /
                    (name + "_coverage.json");
    fs::create_directories(coverage_file.parent_path());
    argv.insert(argv.end(), {"--coverage-out", coverage_file.string()});
  }
  r["argv"] = argv;
  const auto start = std::chrono::steady_clock::now();
  const testgen::ProcessResult p =
      runner.run({.argv = argv, .timeout = std::chrono::seconds(60)});
  r["runtime_ms"] = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  r["stdout"] = p.out;
  r["stderr"] = p.err;
  r["exit_code"] = p.exit_code ? json(*p.exit_code) : json(nullptr);
  r["status"] = p.exit_code == 0 ? "accept" : p.exit_code == 1 ? "reject" : "error";
  if (a.coverage) {
    r["coverage_path"] = coverage_file.string();
    std::ifstream in(coverage_file);
    json doc = json::parse(in, nullptr, false);
    if (!doc.is_discarded() && doc.contains("cover")) {
      r["coverage"] = doc["cover"];
      // testgen's extensions, passed through: hit counts and the checker's numbers.
      if (doc.contains("hits")) r["hits"] = doc["hits"];
      if (doc.contains("stats")) r["stats"] = doc["stats"];
      per_checker[name] = doc["cover"];
      for (const json& c : doc["cover"]) union_cover.push_back(c.get<std::string>());
    }
  }
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error(arg + " needs a value");
      return argv[++i];
    };
    try {
      if (arg == "--config") a.config = value();
      else if (arg == "--mode") a.mode = value();
      else if (arg == "--checker-dir") a.checker_dir = value();
      else if (arg == "--coverage-dir") a.coverage_dir = value();
      else if (arg == "--allow-nondeterministic") a.allow_nondeterministic = true;
      else if (arg == "--coverage") a.coverage = true;
      else return usage("unknown option " + arg);
    } catch (const std::exception& e) {
      return usage(e.what());
    }
  }
  if (a.config.empty()) return usage("--config is required");
  if (a.mode != "simulate-and-check" && a.mode != "check-only") return usage("unknown --mode " + a.mode);

  raftlog::Config config;
  try {
    config = raftlog::load_config(a.config);
  } catch (const std::exception& e) {
    std::cerr << "raftlog-run: " << e.what() << "\n";
    return 2;
  }
  fs::path log_path = config.log_path;
  if (log_path.is_relative()) log_path = fs::path(a.config).parent_path() / log_path;
  json summary = {{"version", 1}, {"mode", a.mode}, {"config_path", a.config}, {"log_path", log_path.string()},
                  {"determinism", "ok"}};
  if (config.threading == "multi" && !a.allow_nondeterministic) {
    summary["determinism"] = "refused_multiple_threading";
    summary["accept"] = false;
    std::cout << summary.dump() << "\n";
    std::cerr << "raftlog-run: threading = \"multi\" is not deterministic; pass --allow-nondeterministic\n";
    return 2;
  }
  if (config.threading == "multi") summary["determinism"] = "allowed_nondeterministic";

  const fs::path trace = log_path / kTrace;
  if (a.mode == "simulate-and-check") {
    try {
      fs::create_directories(log_path);
      const std::vector<raftlog::Event> events = raftlog::simulate(config);
      {
        std::ofstream out(log_path / (std::string(kTrace) + ".tmp"));
        raftlog::write_csv(out, events);
      }
      fs::rename(log_path / (std::string(kTrace) + ".tmp"), trace);
      std::ofstream(log_path / "traces.json")
          << json{{"version", 1}, {"traces", {{{"path", kTrace}, {"checkers", kCheckers}}}}}.dump(2) << "\n";
      summary["simulator"] = {{"status", "ok"}, {"error", nullptr}, {"events", events.size()}};
    } catch (const std::exception& e) {
      summary["simulator"] = {{"status", "error"}, {"error", e.what()}};
      summary["trace_discovery"] = {{"mode", "none"}, {"traces", json::array()}};
      summary["checker_results"] = json::array();
      summary["accept"] = false;
      std::cout << summary.dump() << "\n";
      return 1;
    }
  } else {
    summary["simulator"] = {{"status", "skipped"}, {"error", nullptr}};
    if (!fs::exists(trace)) {
      std::cerr << "raftlog-run: check-only: no trace " << trace << "\n";
      return 2;
    }
  }
  summary["trace_discovery"] = {{"mode", "traces_json"}, {"traces", {trace.string()}}};

  testgen::SubprocessRunner runner;
  std::vector<std::string> union_cover;
  json per_checker = json::object(), results = json::array();
  bool accept = true;
  for (const std::string& name : kCheckers) {
    json r = checker_result(runner, a, name, trace, union_cover, per_checker);
    accept = accept && r["status"] == "accept";
    results.push_back(std::move(r));
  }
  std::sort(union_cover.begin(), union_cover.end());
  union_cover.erase(std::unique(union_cover.begin(), union_cover.end()), union_cover.end());
  summary["checker_results"] = results;
  if (a.coverage) summary["coverage"] = {{"union", union_cover}, {"per_checker", per_checker}};
  summary["accept"] = accept;
  std::cout << summary.dump() << "\n";
  return accept ? 0 : 1;
}
