#include "quality_report.h"

#include <fmt/format.h>

namespace testgen::bash {
namespace {

const char* pass(bool ok) { return ok ? "✅ PASS" : "❌ FAIL"; }

std::string percent(size_t part, size_t whole) {
  return whole ? fmt::format("{:.1f}%", 100.0 * static_cast<double>(part) / static_cast<double>(whole)) : "-";
}

}  // namespace

std::string quality_text(const QualityReport& r) {
  std::string out = fmt::format("{:<24} {:>5} {:>6} {:>4} {:>11} {:>13} {:>9}\n", "function", "unit", "props", "doc",
                                "bash lines", "rust lines", "mutants");
  for (const FunctionQuality& f : r.functions) {
    std::string mutants = r.measured ? fmt::format("{}/{}", f.caught + f.timeouts, f.caught + f.timeouts + f.missed) : "-";
    std::string rust = r.measured ? fmt::format("{}/{} {}", f.rust_lines_covered, f.rust_lines_total,
                                                percent(f.rust_lines_covered, f.rust_lines_total))
                                  : "-";
    out += fmt::format("{:<24} {:>5} {:>6} {:>4} {:>11} {:>13} {:>9}\n", f.name.substr(0, 24), f.unit_tests,
                       f.property_tests, f.doctests, fmt::format("{}/{}", f.bash_lines_run, f.bash_lines_total), rust,
                       mutants);
  }
  for (const FunctionQuality& f : r.functions)
    for (const std::string& n : f.notes) out += fmt::format("note: {}: {}\n", f.name, n);
  if (r.tests_dropped) out += fmt::format("note: {} generated test(s) failed under cargo test and were dropped\n", r.tests_dropped);
  if (!r.measured) {
    out += fmt::format("\nTests written to {} and passing (cargo test).\n", r.dir.string());
    return out;
  }
  for (const MissedMutant& m : r.missed_mutants) out += fmt::format("missed mutant: {}: {}\n", m.where, m.change);
  out += fmt::format(
      "\nQuality Report\n==============\nFormatting: {}\nClippy: {}\nCoverage: {:.1f}%\nMutation Score: {:.1f}%\n"
      "Quality Gates: {}\n",
      pass(r.fmt_passed), pass(r.clippy_passed), r.coverage, r.mutation_score, pass(r.passed()));
  for (const Gate& g : r.gates)
    out += fmt::format("  {} {}: {}\n", g.passed ? "pass" : "FAIL", g.name, g.detail);
  return out;
}

nlohmann::json quality_json(const QualityReport& r) {
  nlohmann::json functions = nlohmann::json::array();
  for (const FunctionQuality& f : r.functions) {
    nlohmann::json j = {{"name", f.name},
                        {"module", f.module},
                        {"unit_tests", f.unit_tests},
                        {"property_tests", f.property_tests},
                        {"doctests", f.doctests},
                        {"bash_lines_run", f.bash_lines_run},
                        {"bash_lines", f.bash_lines_total},
                        {"notes", f.notes}};
    if (r.measured) {
      j["rust_lines_covered"] = f.rust_lines_covered;
      j["rust_lines"] = f.rust_lines_total;
      j["coverage"] = f.coverage();
      j["mutants"] = {{"caught", f.caught}, {"missed", f.missed}, {"timeout", f.timeouts}, {"unviable", f.unviable}};
      j["mutation_score"] = f.mutation_score();
    }
    functions.push_back(std::move(j));
  }
  nlohmann::json out = {{"crate", r.crate},        {"dir", r.dir.string()},         {"functions", functions},
                        {"tests_dropped", r.tests_dropped}, {"seconds", r.seconds}, {"cargo_seconds", r.cargo_seconds},
                        {"tests_seconds", r.tests_seconds}};
  if (r.measured) {
    nlohmann::json gates = nlohmann::json::array();
    for (const Gate& g : r.gates) gates.push_back({{"name", g.name}, {"passed", g.passed}, {"detail", g.detail}});
    nlohmann::json missed = nlohmann::json::array();
    for (const MissedMutant& m : r.missed_mutants) missed.push_back({{"where", m.where}, {"change", m.change}});
    out["fmt_passed"] = r.fmt_passed;
    out["clippy_passed"] = r.clippy_passed;
    out["coverage"] = r.coverage;
    out["lines_covered"] = r.lines_covered;
    out["lines"] = r.lines_total;
    out["mutation_score"] = r.mutation_score;
    out["mutants"] = {{"caught", r.caught}, {"missed", r.missed}, {"timeout", r.timeouts}, {"unviable", r.unviable}};
    out["missed_mutants"] = missed;
    out["coverage_seconds"] = r.coverage_seconds;
    out["mutation_seconds"] = r.mutation_seconds;
    out["mutant_test_timeout"] = r.mutant_test_timeout;
    out["gates"] = gates;
    out["meets_quality_gates"] = r.passed();
  }
  return out;
}

}  // namespace testgen::bash
