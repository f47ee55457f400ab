#pragma once
// What a scenario run yields as features, from whatever the runner and its
// checkers report, for runners that were not written with testgen in mind:
//
//   NAME                  a coverpoint a checker reported
//   hits:NAME:4-7         how often it was hit (AFL's buckets), if checkers count hits
//   near:NAME:0.6         closeness to a coverpoint not reached (a "near.NAME" stat), in tenths
//   num:NAME:2^5          a number the run reported (metrics, checker stats, other
//                         numbers in the summary, "KEY: N" lines a checker printed),
//                         in logarithmic buckets: a count that doubles is new
//   trace:FILE:KIND:4-7   how often each kind of event occurs in a trace (events CSV)
//   trace_kind_hash:FILE:HASH   the sequence of event kinds of a trace
//
// The trace features are for runners whose checkers report few coverpoints:
// the events themselves then tell runs apart.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "runner.h"

namespace testgen::scenario {

struct FeatureOptions {
  bool hit_buckets = true;
  bool numbers = true;
  bool trace_counts = false;  ///< trace:FILE:KIND:BUCKET
  bool trace_hash = false;    ///< trace_kind_hash:FILE:HASH
};

/// The features of a run whose logs are in `logs` (see the file comment).
std::vector<std::string> run_features(const RunSummary& summary, const std::filesystem::path& logs,
                                      const FeatureOptions& options);

/// AFL's buckets of hit counts: "1", "2", "3", "4-7", "8-15", "16-31", "32-127", "128+".
std::string hit_bucket(uint64_t count);

/// A number's bucket: "0", "1", "2", "3", then powers of two ("2^5" holds
/// 32..63); below 1, tenths ("0.3"); negative numbers have a leading "-".
std::string number_bucket(double value);

/// The numbers a run reported, by name: RunSummary::metrics (the summary's
/// metrics and each checker's stats), any other number in the summary
/// outside the protocol's own fields ("simulator.events"), and for each
/// checker the numbers on its stdout, as a JSON object or as "KEY: N" or
/// "KEY=N" lines ("CHECKER.out.KEY"). Names that say time (ms, elapsed,
/// duration, runtime, ...) are left out: they change from run to run.
std::map<std::string, double> run_numbers(const RunSummary& summary);

/// The events CSV files of a run: the summary's trace list, and any
/// *_events.csv under `logs`; sorted, each once.
std::vector<std::filesystem::path> trace_files(const RunSummary& summary, const std::filesystem::path& logs);

/// The column of an events CSV that names the event: the header's "kind",
/// "event", "type" or "event_type" column, else the third (leanguard's
/// time_ms,node,kind,...).
size_t kind_column(const std::string& header);

/// The stable hash of a trace's kind column (XXH64 over the kinds joined
/// by newlines): "trace_kind_hash:<file>:<16 hex digits>".
std::string trace_kind_hash(const std::filesystem::path& trace);

}  // namespace testgen::scenario
