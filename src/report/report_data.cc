#include "report_data.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <tuple>

#include "testgen/corpus.h"

namespace testgen::report {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::vector<fs::path> entries(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) out.push_back(it->path());
  std::sort(out.begin(), out.end());
  return out;
}

json parse_or_null(const fs::path& file) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) return nullptr;
  try {
    return json::parse(read_file(file), nullptr, false);
  } catch (const std::exception&) {
    return nullptr;
  }
}

// The first `limit` bytes of a text file, and whether it was cut.
std::pair<std::string, bool> head_of(const fs::path& file, size_t limit) {
  std::ifstream in(file, std::ios::binary);
  std::string text(limit + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  const bool cut = text.size() > limit;
  if (cut) text.resize(limit);
  return {text, cut};
}

// Files of a finding worth showing: the front's own (sources, commands,
// reports, configs), not the engine's bookkeeping.
json reproducer_files(const fs::path& dir, size_t limit) {
  json files = json::array();
  for (const fs::path& f : entries(dir)) {
    const std::string name = f.filename().string();
    if (name == "case.json" || name == "tree.json" || name == "original_tree.json" || !fs::is_regular_file(f)) continue;
    auto [text, cut] = head_of(f, limit);
    if (text.find('\0') != std::string::npos) continue;  // binary
    files.push_back({{"name", name}, {"text", text}, {"cut", cut}});
    if (files.size() >= 6) break;
  }
  return files;
}

// The fields the report reads have the types it reads them as; a case of
// another shape (hand-edited, damaged) is left out, named, rather than
// ending the report with an internal error.
bool well_formed(const json& c) {
  if (!c.is_object() || !c.contains("id") || !c["id"].is_string()) return false;
  for (const char* text : {"front", "target", "signature", "status", "value", "detail"})
    if (c.contains(text) && !c[text].is_string()) return false;
  if (c.contains("run_index") && !c["run_index"].is_number_unsigned()) return false;
  if (c.contains("saved_at") && !c["saved_at"].is_number()) return false;
  if (c.contains("reduced") && !c["reduced"].is_boolean()) return false;
  return true;
}

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t at; (at = text.find(sep, start)) != std::string::npos; start = at + 1) out.push_back(text.substr(start, at - start));
  out.push_back(text.substr(start));
  return out;
}

// The hunt's matrix: compiler pair (and architecture) x kind and place of failure.
json hunt_matrix(const json& findings) {
  std::map<std::string, std::map<std::string, int>> cells;
  std::set<std::string> kinds;
  for (const json& f : findings) {
    if (f["front"] != "abi") continue;
    const std::vector<std::string> parts = split(f["signature"].get<std::string>(), '|');
    if (parts.size() < 4) continue;
    const std::string row = parts[1] == "x86_64" ? parts[0] : parts[0] + " (" + parts[1] + ")";
    const std::string kind = parts[2] + ": " + parts[3];
    ++cells[row][kind];
    kinds.insert(kind);
  }
  if (cells.empty()) return nullptr;
  json rows = json::array();
  for (const auto& [pair, by_kind] : cells) {
    json counts = json::array();
    for (const std::string& k : kinds) counts.push_back(by_kind.contains(k) ? by_kind.at(k) : 0);
    rows.push_back({{"pair", pair}, {"counts", counts}});
  }
  return {{"kinds", kinds}, {"rows", rows}};
}

// Coverpoints (named features) of the accepted cases: how many cases hold
// each, and the first case that did (the earliest saved).
json coverpoint_table(const std::vector<json>& accepted) {
  struct Hits {
    int cases = 0;
    double first_time = 0;
    std::string first_case;
  };
  std::map<std::string, Hits> hits;
  for (const json& c : accepted) {
    if (!c.contains("observed") || !c["observed"].is_array()) continue;
    const double t = c.value("saved_at", 0.0);
    for (const json& name : c["observed"]) {
      if (!name.is_string()) continue;
      Hits& h = hits[name.get<std::string>()];
      if (h.cases++ == 0 || t < h.first_time) {
        h.first_time = t;
        h.first_case = c.value("id", "");
      }
    }
  }
  if (hits.empty()) return nullptr;
  json rows = json::array();
  for (const auto& [name, h] : hits)
    rows.push_back({{"coverpoint", name}, {"cases", h.cases}, {"first_case", h.first_case}, {"first_saved_at", h.first_time}});
  // Rarest first: the ones a campaign has barely reached.
  std::stable_sort(rows.begin(), rows.end(), [](const json& a, const json& b) { return a["cases"] < b["cases"]; });
  return rows;
}

// Per target of the given fronts: cases kept, findings, and the first finding.
json target_table(const std::vector<json>& cases, const std::set<std::string>& fronts) {
  struct Row {
    int accepted = 0, findings = 0;
    std::string first_signature;
    json first_run = nullptr;
  };
  std::map<std::string, Row> rows;
  for (const json& c : cases) {
    if (!fronts.contains(c.value("front", ""))) continue;
    Row& r = rows[c.value("target", "")];
    if (c.value("status", "") == "rejected") {
      ++r.findings;
      if (r.first_run.is_null() || c.value("run_index", uint64_t{0}) < r.first_run.get<uint64_t>()) {
        r.first_run = c.value("run_index", uint64_t{0});
        r.first_signature = c.value("signature", "");
      }
    } else {
      ++r.accepted;
    }
  }
  if (rows.empty()) return nullptr;
  json out = json::array();
  for (const auto& [target, r] : rows)
    out.push_back({{"target", target}, {"accepted", r.accepted}, {"findings", r.findings},
                   {"solved", r.findings > 0}, {"first_finding_run", r.first_run}, {"first_signature", r.first_signature}});
  return out;
}

}  // namespace

json progress_series(const std::vector<json>& lines) {
  // Latest counts of each session (pid, target); a target's features are
  // its latest session's (a resumed run starts from the corpus's coverage).
  std::vector<const json*> sorted;
  for (const json& l : lines)
    if (l.is_object() && l.contains("time") && l["time"].is_number()) sorted.push_back(&l);
  std::stable_sort(sorted.begin(), sorted.end(), [](const json* a, const json* b) { return (*a)["time"] < (*b)["time"]; });
  std::map<std::pair<int64_t, std::string>, std::pair<uint64_t, uint64_t>> session;  // runs, findings
  std::map<std::string, uint64_t> features;
  json series = json::array();
  if (sorted.empty()) return series;
  const double t0 = (*sorted.front())["time"].get<double>();
  for (const json* l : sorted) {
    try {
      const std::string target = l->value("target", "");
      const std::pair<uint64_t, uint64_t> counts{l->value("runs", uint64_t{0}), l->value("findings", uint64_t{0})};
      const uint64_t target_features = l->value("features", uint64_t{0});
      session[{l->value("pid", int64_t{0}), target}] = counts;
      features[target] = target_features;
    } catch (const json::exception&) {
      continue;  // a line of another shape: no point
    }
    uint64_t runs = 0, findings = 0, feats = 0;
    for (const auto& [key, counts] : session) {
      runs += counts.first;
      findings += counts.second;
    }
    for (const auto& [t, f] : features) feats += f;
    series.push_back({std::round(((*l)["time"].get<double>() - t0) * 1000) / 1000, runs, feats, findings});
  }
  return series;
}

json collect(const fs::path& corpus, const ReportOptions& options) {
  const CorpusLayout layout{corpus};
  if (!fs::is_directory(layout.cases(false)) && !fs::is_directory(layout.cases(true)))
    throw CorpusError(fmt::format("{}: not a corpus (no accepted/ or rejected/ in it)", corpus.string()));

  std::vector<json> accepted, all;
  json findings = json::array();
  std::set<std::string> fronts;
  size_t unreadable = 0;
  for (bool rejected : {false, true}) {
    for (const fs::path& dir : entries(layout.cases(rejected))) {
      json c = parse_or_null(dir / "case.json");
      if (!well_formed(c)) {
        ++unreadable;
        if (options.warn)
          options.warn(fmt::format("{}: unreadable, or a field of the wrong type; left out of the report",
                                   (dir / "case.json").string()));
        continue;
      }
      fronts.insert(c.value("front", ""));
      all.push_back(c);
      if (!rejected) {
        accepted.push_back(std::move(c));
        continue;
      }
      findings.push_back({{"id", c.value("id", "")},
                          {"front", c.value("front", "")},
                          {"target", c.value("target", "")},
                          {"signature", c.value("signature", "")},
                          {"reduced", c.value("reduced", true)},
                          {"value", c.value("value", "")},
                          {"detail", c.value("detail", "")},
                          {"found_at_run", c.value("run_index", uint64_t{0})},
                          {"found_at", c.contains("saved_at") ? c["saved_at"] : json(nullptr)},
                          {"replay", fmt::format("testgen replay {}", dir.string())},
                          {"files", reproducer_files(dir, options.file_bytes)}});
    }
  }
  // Earliest found first (those without a time, from older corpora, by run).
  std::stable_sort(findings.begin(), findings.end(), [](const json& a, const json& b) {
    const double ta = a["found_at"].is_number() ? a["found_at"].get<double>() : 0;
    const double tb = b["found_at"].is_number() ? b["found_at"].get<double>() : 0;
    return std::tuple(ta, a["found_at_run"].get<uint64_t>(), a["id"].get<std::string>()) <
           std::tuple(tb, b["found_at_run"].get<uint64_t>(), b["id"].get<std::string>());
  });

  std::vector<json> lines;
  if (std::ifstream log(layout.progress_log()); log) {
    for (std::string line; std::getline(log, line);) {
      json l = json::parse(line, nullptr, false);
      if (!l.is_discarded()) lines.push_back(std::move(l));  // a line a crash cut short is skipped
    }
  }
  size_t coverage = 0;
  if (json g = parse_or_null(layout.global_coverage()); g.is_object() && g.contains("observed") && g["observed"].is_array())
    coverage = g["observed"].size();

  json data = {{"corpus", corpus.string()},
               {"fronts", fronts},
               {"counts", {{"accepted", accepted.size()}, {"findings", findings.size()}, {"coverage", coverage},
                           {"unreadable", unreadable}}},
               {"progress", progress_series(lines)},
               {"findings", findings}};
  data["hunt"] = hunt_matrix(findings);
  data["coverpoints"] = coverpoint_table(accepted);
  data["bash_functions"] = target_table(all, {"bash"});
  data["solve_table"] = target_table(all, {"puzzle", "property"});
  return data;
}

}  // namespace testgen::report
