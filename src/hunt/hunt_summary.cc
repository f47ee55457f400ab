#include "hunt_summary.h"

#include <algorithm>
#include <limits>

namespace testgen::hunt {
namespace {

using nlohmann::json;

// The bytes of the reproducer's C files, and where its case directory is.
json finding_json(const Finding& f, const PairResult& r, const Corpus* corpus, bool shrunk) {
  json out = {{"pair", r.pair.spec()},          {"signature", f.signature},  {"case_id", f.case_id},
              {"reduced", f.value_text},        {"found", f.original_text},  {"detail", f.detail},
              {"found_at_run", f.found_at_run}, {"shrink_calls", f.shrink_calls},
              {"shrink_builds", f.shrink_rounds},
              {"reduction", reduction_state(f, shrunk)},
              // false: a budget ran out first ('testgen minimize CASE_DIR' goes on)
              {"fully_reduced", reduction_state(f, shrunk) == "reduced"}};
  if (corpus && !f.case_id.empty()) {
    const std::filesystem::path dir = corpus->case_dir(f.case_id, true);
    uintmax_t bytes = 0;
    for (const char* file : {"case-main.c", "case-callee.c"}) {
      std::error_code ec;
      const uintmax_t n = std::filesystem::file_size(dir / file, ec);
      if (!ec) bytes += n;
    }
    out["case_dir"] = dir.string();
    out["reproducer_bytes"] = bytes;
  }
  return out;
}

json known_json(const std::vector<PairResult>& results, const Expectations& expectations) {
  json known = json::array();
  std::vector<bool> seen(expectations.entries().size());
  for (const PairResult& r : results) {
    for (const auto& [signature, count] : r.report.known) {
      const Expectation* e = expectations.match(signature);
      seen[static_cast<size_t>(e - expectations.entries().data())] = true;
      known.push_back({{"signature", signature},
                       {"status", e->status == Expectation::Status::kSkip ? "skipped" : "expected"},
                       {"runs", count},
                       {"note", e->note},
                       {"rule", e->origin}});
    }
  }
  json not_seen = json::array();
  for (size_t i = 0; i < seen.size(); ++i)
    if (!seen[i] && expectations.entries()[i].status == Expectation::Status::kExpected)
      not_seen.push_back(expectations.entries()[i].origin);
  return {{"known", known}, {"expected_not_seen", not_seen}};
}

}  // namespace

std::string reduction_state(const Finding& f, bool shrinking) {
  if (!shrinking) return "as found";
  if (!f.reduction_finished) return f.shrink_calls > 0 ? "part-reduced" : "as found";
  return f.shrink_budget_spent ? "reduced until its budget ran out" : "reduced";
}

json hunt_summary(const PreparedHunt& hunt, const std::vector<PairResult>& results) {
  json findings = json::array(), pair_names = json::array(), skipped = json::array();
  uint64_t runs = 0, builds = 0, kept = 0, fully_reduced = 0;
  for (const PairResult& r : results) {
    pair_names.push_back(r.pair.spec());
    runs += r.report.runs;
    builds += r.builds;
    kept += r.report.kept;
    for (const Finding& f : r.report.findings) {
      findings.push_back(finding_json(f, r, hunt.corpus.get(), hunt.plan.shrink));
      fully_reduced += findings.back()["fully_reduced"].get<bool>();
    }
  }
  for (const SkippedPair& s : hunt.skipped) skipped.push_back({{"pair", s.pair}, {"reason", s.reason}});
  json summary = {{"suite", hunt.plan.suite}, {"arch", hunt.plan.arch}, {"pairs", pair_names},
                  {"skipped_pairs", skipped}, {"runs", runs},            {"builds", builds},
                  {"kept", kept},             {"fully_reduced", fully_reduced}, {"findings", findings}};
  // null: --time alone was the budget
  summary["run_limit"] = hunt.plan.runs == std::numeric_limits<uint64_t>::max() ? json(nullptr) : json(hunt.plan.runs);
  summary["shard"] = shard_json(hunt.plan.shard);
  summary["sync"] = sync_json(hunt.sync.get());
  summary.update(known_json(results, hunt.expectations));
  return summary;
}

}  // namespace testgen::hunt
