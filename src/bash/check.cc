#include "check.h"

#include <fmt/format.h>

#include <chrono>
#include <map>

#include "check_target.h"
#include "input_model.h"
#include "rust_side.h"
#include "testgen/corpus.h"
#include "testgen/engine.h"

namespace testgen::bash {
namespace {

double since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The model of a function with those of every script function it reaches:
// a caller's inputs flow into its callees' comparisons.
InputModel reachable_model(const TranslatedFunction& f, const std::map<std::string, const TranslatedFunction*>& by_name) {
  InputModel model = model_function(*f.function);
  std::set<std::string> seen{f.function->name};
  std::vector<std::string> todo(f.callees.begin(), f.callees.end());
  while (!todo.empty()) {
    std::string name = todo.back();
    todo.pop_back();
    if (!seen.insert(name).second) continue;
    auto it = by_name.find(name);
    if (it == by_name.end()) continue;
    merge_model(model, model_function(*it->second->function));
    todo.insert(todo.end(), it->second->callees.begin(), it->second->callees.end());
  }
  return model;
}

}  // namespace

CheckReport check_translation(const Script& script, const Translation& t, const CheckOptions& options) {
  auto start = std::chrono::steady_clock::now();
  CheckReport report;
  ScratchDir scratch(std::filesystem::temp_directory_path(), "bash-check");
  auto say = [&](const std::string& s) {
    if (options.progress) options.progress(s);
  };

  std::map<std::string, const TranslatedFunction*> by_name;
  for (const TranslatedFunction& f : t.functions) by_name[f.function->name] = &f;

  std::unique_ptr<BashSide> bash;
  std::unique_ptr<RustSide> rust;
  if (!t.functions.empty()) {
    say(fmt::format("building the crate in {} (cargo, offline)", options.crate_dir.string()));
    auto build_start = std::chrono::steady_clock::now();
    std::filesystem::path harness = build_harness(options.crate_dir);
    report.build_seconds = since(build_start);
    bash = std::make_unique<BashSide>(script, scratch.path(), options.bash);
    rust = std::make_unique<RustSide>(harness, scratch.path(), bash->environment());
  }

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
    InputModel model = reachable_model(f, by_name);
    InputModel own = model_function(*f.function);
    row.lines_total = own.lines.size();
    say(fmt::format("checking {} ({} inputs)", row.name, options.runs));
    CheckTarget target(script.path, f.function->name, model, *bash, *rust);
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
    EngineReport result = Engine(target, engine).run();
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
    }
    row.seconds = since(fn_start);
    report.calls += result.runs;
    rows.emplace_back(row.line, std::move(row));
  }
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [line, row] : rows) report.functions.push_back(std::move(row));
  if (rust) report.harness_processes = rust->processes_started();
  report.seconds = since(start);
  return report;
}

}  // namespace testgen::bash
