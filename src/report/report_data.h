#pragma once
// What `testgen report` shows, read from a corpus without taking its lock
// (a report of a campaign still running is fine): counts, the progress log
// as series for the plots, every finding with its reproducer, and what each
// front knows best: the hunt's pair x failure-kind matrix, a scenario
// campaign's coverpoints with hit counts and first hits, the bash front's
// function table, the puzzles' and properties' solve table.

#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

namespace testgen::report {

struct ReportOptions {
  /// Bytes of each reproducer file shown (the rest is cut, and says so).
  size_t file_bytes = 16 * 1024;
  std::function<void(const std::string&)> warn;
};

/// The report's data, as JSON (documented in report_html.h). CorpusError
/// when `corpus` is not a corpus.
nlohmann::json collect(const std::filesystem::path& corpus, const ReportOptions& options = {});

/// Progress lines (metadata/progress.jsonl, one object each) folded into
/// one series: [seconds since the first line, runs, features, findings],
/// summed over the targets and sessions that wrote them.
nlohmann::json progress_series(const std::vector<nlohmann::json>& lines);

}  // namespace testgen::report
