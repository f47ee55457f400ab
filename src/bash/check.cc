#include "check.h"

#include <fmt/format.h>

#include <chrono>
#include <map>

#include "check_target.h"
#include "input_model.h"
#include "rust_side.h"
#include "testgen/corpus.h"
#include "testgen/engine.h"
#include "testgen/interrupt.h"

namespace testgen::bash {
namespace {

double since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

CheckReport check_translation(CheckSession& session, const CheckOptions& options) {
  auto start = std::chrono::steady_clock::now();
  CheckReport report;
  report.build_seconds = session.build_seconds();
  const Script& script = session.script();
  const Translation& t = session.translation();
  auto say = [&](const std::string& s) {
    if (options.progress) options.progress(s);
  };

  // Rows in script order: translated functions and refusals.
  std::vector<std::pair<uint32_t, FunctionCheck>> rows;
  for (const Refusal& r : t.refused) {
    FunctionCheck row;
    row.name = r.function;
    row.construct = r.construct;
    row.construct_line = r.pos.line;
    row.construct_col = r.pos.col;
    for (const Function& f : script.functions)
      if (f.name == r.function) row.line = f.pos.line;
    if (row.line == 0) row.line = r.pos.line;
    rows.emplace_back(row.line, std::move(row));
  }
  for (const TranslatedFunction& f : t.functions) {
    auto fn_start = std::chrono::steady_clock::now();
    FunctionCheck row;
    row.name = f.function->name;
    row.line = f.function->pos.line;
    row.translated = true;
    InputModel own = model_function(*f.function);
    row.lines_total = own.lines.size();
    say(fmt::format("checking {} ({} inputs)", row.name, options.runs));
    std::unique_ptr<CheckTarget> checked = session.target(f.function->name);
    CheckTarget& target = *checked;
    std::unique_ptr<CorpusView> view;
    if (options.corpus) view = std::make_unique<CorpusView>(*options.corpus, target.name());
    EngineOptions engine;
    engine.seed = options.seed;
    engine.max_runs = options.runs;
    engine.max_seconds = options.seconds;
    engine.batch = options.batch;
    engine.shrink = options.shrink;
    engine.shrinking.max_calls = options.shrink_calls;
    engine.stop_on_failure = true;
    // Inputs bash cannot finish (deep recursion, huge loops) become rarer.
    engine.discard_gain = -1;
    engine.store = view.get();
    EngineReport result;
    try {
      result = Engine(target, engine).run();
    } catch (const Interrupted&) {
      // A child killed by SIGINT/SIGTERM: the table still shows what was checked.
      row.note = "interrupted";
      row.compared = target.compared();
      row.distinct = target.distinct();
      for (uint32_t line : target.lines_run())
        if (own.lines.count(line)) ++row.lines_run;
      rows.emplace_back(row.line, std::move(row));
      break;
    }
    row.compared = target.compared();
    row.distinct = target.distinct();
    if (row.compared == 0) row.note = target.last_inconclusive();
    row.inconclusive = target.inconclusive();
    for (uint32_t line : target.lines_run())
      if (own.lines.count(line)) ++row.lines_run;
    if (!result.findings.empty()) {
      const Finding& finding = result.findings.front();
      row.differs = true;
      row.signature = finding.signature;
      row.input = finding.value_text;
      row.original_input = finding.original_text;
      row.detail = finding.detail;
      row.shrink_calls = finding.shrink_calls;
      row.case_id = finding.case_id;
    }
    row.seconds = since(fn_start);
    report.calls += result.runs;
    rows.emplace_back(row.line, std::move(row));
    // SIGINT / SIGTERM: report what was checked so far.
    if (interrupted()) break;
  }
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [line, row] : rows) report.functions.push_back(std::move(row));
  report.harness_processes = session.harness_processes();
  report.seconds = since(start);
  return report;
}

}  // namespace testgen::bash
