#include "run_features.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "scenario_target.h"
#include "testgen/site.h"

namespace testgen::scenario {
namespace fs = std::filesystem;
namespace {

// Words of a name that say it measures time, which differs from run to run.
bool says_time(const std::string& name) {
  static const std::set<std::string> kTimeWords = {"time",     "ms",   "us",    "ns",        "sec",   "secs",
                                                   "seconds",  "msec", "usec",  "duration",  "elapsed", "runtime",
                                                   "walltime", "wall", "clock", "timestamp", "pid",   "cpu"};
  std::string word;
  for (size_t i = 0; i <= name.size(); ++i) {
    const char c = i < name.size() ? name[i] : '.';
    if (std::isalnum(static_cast<unsigned char>(c))) {
      // camelCase splits too: elapsedMs -> elapsed, ms
      if (std::isupper(static_cast<unsigned char>(c)) && !word.empty() &&
          std::islower(static_cast<unsigned char>(word.back()))) {
        if (kTimeWords.count(word)) return true;
        word.clear();
      }
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      if (kTimeWords.count(word)) return true;
      word.clear();
    }
  }
  return false;
}

// The summary's own fields: what the protocol defines, not the run's numbers.
bool protocol_field(const std::string& key) {
  static const std::set<std::string> kOwn = {"version",  "mode",     "config_path",     "log_path", "determinism",
                                             "accept",   "metrics",  "checker_results", "coverage", "trace_discovery",
                                             "exit_code", "argv"};
  return kOwn.count(key) > 0;
}

void numbers_in(const nlohmann::json& j, const std::string& prefix, std::map<std::string, double>& out, int depth) {
  if (depth > 6) return;  // a runner's deep dump is not a measurement
  if (j.is_number() && !j.is_boolean()) {
    if (!prefix.empty() && !says_time(prefix)) out.emplace(prefix, j.get<double>());
    return;
  }
  if (!j.is_object()) return;  // arrays: their elements have no stable names
  for (const auto& [key, value] : j.items())
    numbers_in(value, prefix.empty() ? key : prefix + "." + key, out, depth + 1);
}

// "KEY: N" or "KEY=N" lines (a checker that prints counts for people).
void numbers_on_lines(const std::string& text, const std::string& prefix, std::map<std::string, double>& out) {
  static const std::regex kLine(R"(^\s*([A-Za-z_][A-Za-z0-9_.\- ]{0,62}?)\s*[:=]\s*(-?[0-9]+(\.[0-9]+)?)\s*$)");
  std::istringstream in(text);
  std::string line;
  for (int n = 0; n < 200 && std::getline(in, line); ++n) {
    std::smatch m;
    if (line.size() > 200 || !std::regex_match(line, m, kLine)) continue;
    std::string key = m[1].str();
    std::replace(key.begin(), key.end(), ' ', '_');
    if (!says_time(key)) out.emplace(prefix + key, std::stod(m[2].str()));
  }
}

std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  for (char c : line) {
    if (c == ',') {
      cells.push_back(std::move(cell));
      cell.clear();
    } else if (c != '\r') {
      cell += c;
    }
  }
  cells.push_back(std::move(cell));
  return cells;
}

// The kinds of a trace's events, in order.
std::vector<std::string> kinds_of(const fs::path& trace) {
  std::ifstream in(trace);
  std::string line;
  if (!std::getline(in, line)) return {};
  const size_t column = kind_column(line);
  std::vector<std::string> kinds;
  while (std::getline(in, line)) {
    std::vector<std::string> cells = split_csv_line(line);
    if (column < cells.size()) kinds.push_back(std::move(cells[column]));
  }
  return kinds;
}

}  // namespace

std::string hit_bucket(uint64_t count) {
  if (count <= 3) return std::to_string(count);
  if (count < 8) return "4-7";
  if (count < 16) return "8-15";
  if (count < 32) return "16-31";
  if (count < 128) return "32-127";
  return "128+";
}

std::string number_bucket(double value) {
  if (std::isnan(value)) return "nan";
  const std::string sign = value < 0 ? "-" : "";
  const double m = std::fabs(value);
  if (m == 0) return "0";
  if (std::isinf(m)) return sign + "inf";
  if (m < 1) return fmt::format("{}0.{}", sign, static_cast<int>(std::floor(m * 10)));
  if (m < 4) return fmt::format("{}{}", sign, static_cast<int>(std::floor(m)));
  return fmt::format("{}2^{}", sign, static_cast<int>(std::floor(std::log2(m))));
}

std::map<std::string, double> run_numbers(const RunSummary& summary) {
  std::map<std::string, double> out;
  for (const auto& [key, value] : summary.metrics)
    if (!says_time(key) && key.find("near.") == std::string::npos) out.emplace(key, value);
  if (summary.raw.is_object())
    for (const auto& [key, value] : summary.raw.items())
      if (!protocol_field(key)) numbers_in(value, key, out, 0);
  for (const CheckerResult& c : summary.checkers) {
    const std::string prefix = c.checker + ".out.";
    nlohmann::json parsed = nlohmann::json::parse(c.stdout_text, nullptr, false);
    if (!parsed.is_discarded() && parsed.is_object()) {
      std::map<std::string, double> inner;
      numbers_in(parsed, "", inner, 0);
      for (auto& [k, v] : inner) out.emplace(prefix + k, v);
    } else {
      numbers_on_lines(c.stdout_text, prefix, out);
    }
  }
  return out;
}

size_t kind_column(const std::string& header) {
  const std::vector<std::string> names = split_csv_line(header);
  for (const char* wanted : {"kind", "event", "type", "event_type", "event_kind"})
    for (size_t i = 0; i < names.size(); ++i) {
      std::string n = names[i];
      n.erase(0, n.find_first_not_of(" \t\""));
      n.erase(n.find_last_not_of(" \t\"") + 1);
      std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return std::tolower(c); });
      if (n == wanted) return i;
    }
  return 2;
}

std::string trace_kind_hash(const fs::path& trace) {
  std::string joined;
  for (const std::string& kind : kinds_of(trace)) joined += kind + "\n";
  return fmt::format("trace_kind_hash:{}:{:016x}", trace.filename().string(), hash_bytes(joined));
}

std::vector<fs::path> trace_files(const RunSummary& summary, const fs::path& logs) {
  std::set<fs::path> found;
  std::error_code ec;
  for (const std::string& t : summary.traces) {
    const fs::path p(t);
    for (const fs::path& at : {p, logs / p.filename()})
      if (at.string().ends_with(".csv") && fs::is_regular_file(at, ec) && !fs::is_symlink(at, ec)) {
        found.insert(at);
        break;
      }
  }
  for (fs::directory_iterator it(logs, ec), end; !ec && it != end; it.increment(ec))
    if (!it->is_symlink() && it->is_regular_file() && it->path().string().ends_with("_events.csv"))
      found.insert(it->path());
  return {found.begin(), found.end()};
}

std::vector<std::string> run_features(const RunSummary& summary, const fs::path& logs, const FeatureOptions& options) {
  std::vector<std::string> names = summary.coverage;
  if (options.hit_buckets)
    for (const auto& [point, count] : summary.hits)
      if (count >= 2) names.push_back(fmt::format("hits:{}:{}", point, hit_bucket(count)));
  // Closeness to coverpoints not reached, in tenths: the steps toward a rare coverpoint are coverage too.
  for (const std::string& point : near_points(summary)) {
    const double near = closeness(summary, point);
    if (near > 0 && near < 1) names.push_back(fmt::format("near:{}:{:.1f}", point, std::floor(near * 10) / 10));
  }
  if (options.numbers)
    for (const auto& [name, value] : run_numbers(summary)) names.push_back(fmt::format("num:{}:{}", name, number_bucket(value)));
  if (options.trace_counts || options.trace_hash) {
    for (const fs::path& trace : trace_files(summary, logs)) {
      const std::string file = trace.filename().string();
      if (options.trace_counts) {
        std::map<std::string, uint64_t> counts;
        for (const std::string& kind : kinds_of(trace)) ++counts[kind];
        if (counts.size() <= 256)  // a column of free text is no event kind
          for (const auto& [kind, count] : counts) names.push_back(fmt::format("trace:{}:{}:{}", file, kind, hit_bucket(count)));
      }
      if (options.trace_hash) names.push_back(trace_kind_hash(trace));
    }
  }
  return names;
}

}  // namespace testgen::scenario
