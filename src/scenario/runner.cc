#include "runner.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace testgen::scenario {
namespace {

using nlohmann::json;

std::vector<std::string> split_command(const std::string& command) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (char c : command) {
    if (quote) {
      if (c == quote) quote = 0;
      else word += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == ' ' || c == '\t' || c == '\n') {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (quote) throw RunnerError(fmt::format("--runner-cmd '{}': unbalanced {} quote", command, quote));
  if (in_word) words.push_back(std::move(word));
  return words;
}

std::string replace_all(std::string text, std::string_view from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

std::vector<std::string> strings_of(const json& j, std::string_view origin, std::string_view field) {
  std::vector<std::string> out;
  if (j.is_null()) return out;
  if (!j.is_array()) throw RunnerError(fmt::format("{}: '{}' must be an array", origin, field));
  for (const json& s : j) {
    if (!s.is_string()) throw RunnerError(fmt::format("{}: '{}' must hold strings", origin, field));
    out.push_back(s.get<std::string>());
  }
  return out;
}

// A string field, "" when missing or null (summaries write null for "none").
std::string text_of(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

std::optional<std::string> read_if_exists(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

RunSummary parse_run_summary_unchecked(std::string_view text, std::string_view origin);

}  // namespace

Runner leanguard_runner(std::filesystem::path program, std::filesystem::path checker_dir, bool allow_nondeterministic) {
  return Runner{.leanguard_protocol = true,
                .argv = {program.string()},
                .checker_dir = std::move(checker_dir),
                .allow_nondeterministic = allow_nondeterministic,
                .description = fmt::format("leanguard-run protocol: {}", program.string())};
}

Runner command_runner(const std::string& command, std::filesystem::path checker_dir, bool allow_nondeterministic) {
  std::vector<std::string> argv = split_command(command);
  if (argv.empty()) throw RunnerError("--runner-cmd is empty");
  if (command.find("{config}") == std::string::npos)
    throw RunnerError(fmt::format("--runner-cmd '{}' has no {{config}} (where the scenario file goes)", command));
  return Runner{.leanguard_protocol = false,
                .argv = std::move(argv),
                .checker_dir = std::move(checker_dir),
                .allow_nondeterministic = allow_nondeterministic,
                .description = fmt::format("command: {}", command)};
}

std::string_view status_name(RunStatus status) {
  switch (status) {
    case RunStatus::kAccept: return "accept";
    case RunStatus::kReject: return "reject";
    case RunStatus::kInvalid: return "invalid";
    case RunStatus::kError: return "error";
  }
  return "?";
}

RunSummary parse_run_summary(std::string_view text, std::string_view origin) {
  try {
    return parse_run_summary_unchecked(text, origin);
  } catch (const json::exception& e) {  // a field of the wrong type: the runner's fault, said as such
    throw RunnerError(fmt::format("{}: not a RunSummaryV1 (a field has the wrong type: {})", origin, e.what()));
  }
}

namespace {
RunSummary parse_run_summary_unchecked(std::string_view text, std::string_view origin) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    const std::string start = printable(text.substr(0, 80));
    throw RunnerError(fmt::format("{}: not a RunSummaryV1 (not JSON at byte {}): {}", origin, e.byte, start));
  }  // (a number too large is caught by parse_run_summary)
  if (!j.is_object()) throw RunnerError(fmt::format("{}: not a RunSummaryV1 (not a JSON object)", origin));
  if (!j.contains("version") || j["version"] != 1)  // compared as JSON: a huge float is no int to convert
    throw RunnerError(fmt::format("{}: not a RunSummaryV1 (\"version\" must be 1)", origin));
  if (!j.contains("accept") || !j["accept"].is_boolean())
    throw RunnerError(fmt::format("{}: RunSummaryV1 without a boolean \"accept\"", origin));
  RunSummary s;
  s.raw = j;
  s.accept = j["accept"].get<bool>();
  s.mode = text_of(j, "mode");
  s.determinism = text_of(j, "determinism");
  if (j.contains("simulator") && j["simulator"].is_object()) {
    s.simulator_status = text_of(j["simulator"], "status");
    s.simulator_error = text_of(j["simulator"], "error");
  } else {
    s.simulator_status = text_of(j, "simulator_status");
    s.simulator_error = text_of(j, "simulator_error");
  }
  if (j.contains("trace_discovery") && j["trace_discovery"].is_object())
    s.traces = strings_of(j["trace_discovery"].value("traces", json()), origin, "trace_discovery.traces");
  for (const json& c : j.value("checker_results", json::array())) {
    if (!c.is_object()) throw RunnerError(fmt::format("{}: checker_results must hold objects", origin));
    CheckerResult r{.checker = text_of(c, "checker"), .status = text_of(c, "status"), .stdout_text = text_of(c, "stdout")};
    if (c.contains("exit_code") && c["exit_code"].is_number_integer()) r.exit_code = c["exit_code"].get<int>();
    r.coverage = strings_of(c.value("coverage", json()), origin, "checker_results[].coverage");
    if (c.contains("hits") && c["hits"].is_object())
      for (const auto& [point, count] : c["hits"].items())
        if (count.is_number_unsigned()) s.hits[point] += r.hits[point] = count.get<uint64_t>();
    if (c.contains("stats") && c["stats"].is_object())
      for (const auto& [key, value] : c["stats"].items())
        if (value.is_number()) s.metrics[r.checker + "." + key] = r.stats[key] = value.get<double>();
    s.checkers.push_back(std::move(r));
  }
  if (j.contains("metrics") && j["metrics"].is_object())
    for (const auto& [key, value] : j["metrics"].items())
      if (value.is_number()) s.metrics[key] = value.get<double>();
  if (j.contains("coverage") && j["coverage"].is_object() && j["coverage"].contains("union")) {
    s.coverage = strings_of(j["coverage"]["union"], origin, "coverage.union");
  } else {
    for (const CheckerResult& c : s.checkers) s.coverage.insert(s.coverage.end(), c.coverage.begin(), c.coverage.end());
  }
  std::sort(s.coverage.begin(), s.coverage.end());
  s.coverage.erase(std::unique(s.coverage.begin(), s.coverage.end()), s.coverage.end());
  return s;
}
}  // namespace

RunOutcome run_scenario(ProcessRunner& processes, const Runner& runner, const std::filesystem::path& config,
                        const std::filesystem::path& log_dir, const std::filesystem::path& coverage_dir) {
  RunOutcome outcome;
  if (runner.leanguard_protocol) {
    outcome.argv = {runner.argv.front(), "--config", config.string(), "--mode", "simulate-and-check", "--checker-dir",
                    runner.checker_dir.string(), "--coverage", "--coverage-dir", coverage_dir.string()};
    if (runner.allow_nondeterministic) outcome.argv.push_back("--allow-nondeterministic");
  } else {
    for (const std::string& word : runner.argv) {
      std::string w = replace_all(word, "{config}", config.string());
      w = replace_all(w, "{log_dir}", log_dir.string());
      w = replace_all(w, "{checker_dir}", runner.checker_dir.string());
      outcome.argv.push_back(replace_all(w, "{coverage_dir}", coverage_dir.string()));
    }
  }
  outcome.process = processes.run(ProcessSpec{.argv = outcome.argv, .timeout = runner.timeout});
  const ProcessResult& p = outcome.process;
  if (p.spawn_failed) {
    outcome.error = fmt::format("runner '{}' could not start: {}", outcome.argv.front(), p.spawn_error);
    return outcome;
  }
  if (p.timed_out || p.signal || !p.exit_code || *p.exit_code > 2) {
    outcome.error = fmt::format("runner {}{}", p.describe(), p.err.empty() ? "" : ": " + printable(p.err.substr(0, 500)));
    return outcome;
  }
  if (*p.exit_code == 2) {
    outcome.status = RunStatus::kInvalid;
    outcome.error = printable(p.err.substr(0, 2000));
    return outcome;
  }
  try {
    std::string text = p.out;
    std::string origin = "runner stdout";
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
      const std::optional<std::string> file = read_if_exists(log_dir / "run_summary.json");
      if (!file) throw RunnerError("runner printed no RunSummaryV1 and left no run_summary.json in the log directory");
      text = *file;
      origin = (log_dir / "run_summary.json").string();
    }
    outcome.summary = parse_run_summary(text, origin);
  } catch (const RunnerError& e) {
    outcome.error = e.what();
    return outcome;
  }
  // A missing checker is the set-up's fault, not the scenario's: say which.
  for (const CheckerResult& c : outcome.summary->checkers)
    if (c.status == "missing_checker") {
      outcome.error = fmt::format("checker '{}' is missing from the checker dir ({})", c.checker,
                                  runner.checker_dir.empty() ? "the runner's default" : runner.checker_dir.string());
      return outcome;
    }
  const bool accepted = *p.exit_code == 0;
  if (accepted != outcome.summary->accept) {
    outcome.error = fmt::format("runner exited {} but its summary says accept={}", *p.exit_code, outcome.summary->accept);
    return outcome;
  }
  outcome.status = accepted ? RunStatus::kAccept : RunStatus::kReject;
  return outcome;
}

}  // namespace testgen::scenario
