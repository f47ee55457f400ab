// Ablation: runs needed to crack each puzzle, over many seeds, with the
// engine's parts switched on and off. The baseline row is measured in the
// same run; the last column is its median divided by the row's median
// (above 1: the row needs fewer runs than the baseline).
//
// usage: ablation [seeds=20] [max_runs=200000]
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <vector>

#include "puzzles.h"

namespace {

using testgen::EngineOptions;

struct Config {
  const char* name;
  bool guided;  // mutate kept cases (coverage guidance)
  bool adapt;
  bool novelty;
  size_t wide_buckets = 0;  // adapt wide integer ranges by bucket too
};

constexpr Config kConfigs[] = {
    {"full engine", true, true, true},
    {"no adaptation", true, false, true},
    {"no novelty", true, true, false},
    {"neither (baseline)", true, false, false},
    {"random generation only", false, false, false},
    {"random + adaptation", false, true, false},
    {"full + wide buckets", true, true, true, 32},
    {"random + wide buckets", false, true, false, 32},
};
constexpr size_t kBaseline = 3;

struct Row {
  std::vector<double> runs;  // runs to crack; max_runs + 1 when not cracked
  int cracked = 0;
};

double quantile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  const double pos = q * static_cast<double>(v.size() - 1);
  const size_t i = static_cast<size_t>(pos);
  const double frac = pos - static_cast<double>(i);
  return i + 1 < v.size() ? v[i] * (1 - frac) + v[i + 1] * frac : v[i];
}

Row measure(const testgen::puzzles::Puzzle& p, const Config& c, int seeds, uint64_t max_runs) {
  Row row;
  for (int seed = 1; seed <= seeds; ++seed) {
    auto target = p.make();
    EngineOptions o{.seed = static_cast<uint64_t>(seed),
                    .max_runs = max_runs,
                    .size = p.size,
                    .adapt = c.adapt,
                    .adaptive = {.wide_buckets = c.wide_buckets},
                    .novelty = c.novelty,
                    .mutate_ratio = c.guided ? 0.8 : 0.0,
                    .shrink = false};
    auto report = testgen::Engine(*target, o).run();
    const bool cracked = !report.findings.empty();
    row.cracked += cracked;
    row.runs.push_back(cracked ? static_cast<double>(report.findings[0].found_at_run)
                               : static_cast<double>(max_runs + 1));
  }
  return row;
}

std::string cell(double v, uint64_t max_runs) {
  return v > static_cast<double>(max_runs) ? fmt::format(">{}", max_runs) : fmt::format("{:.0f}", v);
}

}  // namespace

int main(int argc, char** argv) {
  const int seeds = argc > 1 ? std::atoi(argv[1]) : 20;
  const uint64_t max_runs = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 200000;
  fmt::print("Runs to crack each puzzle, {} seeds each, budget {} runs (not cracked counts as over budget).\n",
             seeds, max_runs);
  for (const char* name : {"pair-42-43", "tree-sum-100", "hi", "equal-pair"}) {
    const auto* p = testgen::puzzles::find(name);
    fmt::print("\n{} - {}\n", p->name, p->summary);
    fmt::print("  {:<24} {:>8} {:>9} {:>9} {:>9} {:>9} {:>9}  {}\n", "configuration", "cracked", "median", "p25",
               "p75", "min", "max", "vs baseline");
    std::vector<Row> rows;
    for (const Config& c : kConfigs) rows.push_back(measure(*p, c, seeds, max_runs));
    const double base = quantile(rows[kBaseline].runs, 0.5);
    for (size_t i = 0; i < rows.size(); ++i) {
      const Row& r = rows[i];
      const double med = quantile(r.runs, 0.5);
      fmt::print("  {:<24} {:>5}/{:<2} {:>9} {:>9} {:>9} {:>9} {:>9}  {:.2f}x\n", kConfigs[i].name, r.cracked, seeds,
                 cell(med, max_runs), cell(quantile(r.runs, 0.25), max_runs), cell(quantile(r.runs, 0.75), max_runs),
                 cell(quantile(r.runs, 0.0), max_runs), cell(quantile(r.runs, 1.0), max_runs), base / med);
    }
  }
  return 0;
}
