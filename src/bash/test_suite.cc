#include "test_suite.h"

#include <fmt/format.h>

#include "check_target.h"
#include "crate_writer.h"
#include "doc_examples.h"
#include "input_model.h"
#include "probes.h"
#include "test_calls.h"
#include "testgen/engine.h"

namespace testgen::bash {
namespace {

std::string unique_name(const FunctionTests& ft, std::string name) {
  auto taken = [&](const std::string& n) {
    for (const UnitTest& u : ft.units)
      if (u.name == "test_" + n) return true;
    return false;
  };
  if (!taken(name)) return name;
  for (int k = 2;; ++k)
    if (!taken(fmt::format("{}_{}", name, k))) return fmt::format("{}_{}", name, k);
}

bool used(const FunctionTests& ft, const CallInput& call) {
  for (const UnitTest& u : ft.units)
    if (u.call == call) return true;
  return false;
}

std::string path_key(const BashCall& b) {
  std::string key;
  for (uint32_t line : b.lines) key += std::to_string(line) + ",";
  return key + "status " + std::to_string(b.status);
}

// The check's run over one function: the samples it kept (bash and the
// translation agreed on each) and whether it met a difference.
std::vector<CheckTarget::Sample> run_check(CheckSession& session, const TranslatedFunction& f, const TestGenOptions& o,
                                           std::vector<std::string>& notes) {
  std::unique_ptr<CheckTarget> target = session.target(f.function->name);
  EngineOptions engine;
  engine.seed = o.seed;
  engine.max_runs = o.runs;
  engine.batch = 64;
  engine.shrink = false;
  engine.stop_on_failure = false;
  engine.discard_gain = -1;
  EngineReport report = Engine(*target, engine).run();
  for (const Finding& finding : report.findings)
    notes.push_back(fmt::format("the translation differs from bash on `{}` ({}): no test uses that input; "
                                "`testgen bash --check` shows it",
                                finding.value_text, finding.signature));
  return target->samples();
}

void add_doc_tests(FunctionTests& ft, const std::vector<WrittenExample>& examples) {
  for (const WrittenExample& ex : examples) {
    if (ex.function != ft.function->function->name) continue;
    std::optional<std::vector<std::string>> words = literal_words(ex.words);
    std::string where = fmt::format("line {} ({})", ex.line, ex.where);
    if (!words) {
      ft.notes.push_back(fmt::format("the example at {} uses expansions: not a doctest", where));
      continue;
    }
    // The author's own example may take bash a while: a minute at most.
    const PairedCall& c = ft.oracle->ask_patiently(CallInput{*words, ""}, std::chrono::seconds(60));
    if (!c.agree()) {
      ft.notes.push_back(fmt::format("the example at {} is not a doctest: {}", where,
                                     c.bash.conclusive ? "the translation differs from bash on it" : "bash did not finish it"));
      continue;
    }
    DocTest d{CallInput{*words, ""}, c.bash, where, ex.claimed, true};
    if (ex.claimed) {
      std::string printed = c.bash.out;
      while (!printed.empty() && printed.back() == '\n') printed.pop_back();
      d.claim_holds = printed == *ex.claimed;
      if (!d.claim_holds)
        ft.notes.push_back(fmt::format("the example at {} says it prints \"{}\"; bash prints \"{}\": the doctest asserts "
                                       "what bash prints",
                                       where, *ex.claimed, printable(printed)));
    }
    ft.docs.push_back(std::move(d));
  }
}

}  // namespace

bool add_unit_test(FunctionTests& ft, const CallInput& call, std::string name, std::string kind, std::string why) {
  if (used(ft, call)) return false;
  const PairedCall& c = ft.oracle->ask(call);
  if (!c.agree()) {
    if (c.bash.conclusive)
      ft.notes.push_back(fmt::format("{}: the translation differs from bash on `{}`; not a test",
                                     name, shell_call(ft.function->function->name, call.args)));
    return false;
  }
  // An edge input bash answers with a non-zero status is an error case.
  if (kind == "edge" && c.bash.status != 0) {
    kind = "error";
    if (name.rfind("edge_", 0) == 0) name = "error_" + name.substr(5);
  }
  ft.units.push_back({"test_" + unique_name(ft, name), std::move(kind), call, c.bash, std::move(why)});
  return true;
}

std::set<uint32_t> bash_lines_run(const FunctionTests& ft) {
  std::set<uint32_t> lines;
  for (const UnitTest& u : ft.units) lines.insert(u.bash.lines.begin(), u.bash.lines.end());
  return lines;
}

TestSuite generate_tests(CheckSession& session, const TestGenOptions& options) {
  TestSuite suite;
  suite.crate = crate_name_for(session.script().path);
  suite.property_cases = options.property_cases;
  const Translation& t = session.translation();
  std::set<std::string> names;
  for (const TranslatedFunction& f : t.functions) names.insert(f.function->name);
  std::vector<WrittenExample> examples = written_examples(session.script(), names);
  for (const TranslatedFunction& f : t.functions) {
    FunctionTests ft;
    ft.function = &f;
    ft.fresh_context = needs_fresh_context(t, f);
    ft.oracle = session.oracle(f.function->name);
    InputModel model = reachable_model(t, f);
    ft.bash_lines_total = model_function(*f.function).lines.size();
    if (options.progress) options.progress(fmt::format("tests for {}: running the check ({} inputs)", f.function->name, options.runs));
    std::vector<CheckTarget::Sample> samples = run_check(session, f, options, ft.notes);
    for (const CheckTarget::Sample& s : samples) ft.oracle->remember(s.call, s.bash);
    // Branches, boundaries, edges and errors first; then one input per new set of lines.
    std::vector<Probe> probes = branch_probes(*f.function, f.signature, model);
    std::vector<Probe> edges = edge_probes(f.signature, model);
    probes.insert(probes.end(), edges.begin(), edges.end());
    std::vector<CallInput> calls;
    for (const Probe& p : probes) calls.push_back(p.call);
    ft.oracle->ask(calls);
    size_t unfinished = 0;
    for (const Probe& p : probes) {
      std::string kind = p.name.substr(0, p.name.find('_'));
      if (!add_unit_test(ft, p.call, p.name, kind, p.why) && !ft.oracle->ask(p.call).bash.conclusive) ++unfinished;
    }
    if (unfinished)
      ft.notes.push_back(fmt::format("{} probe input(s) skipped: bash did not finish them within its timeout", unfinished));
    std::set<std::string> covered;
    for (const UnitTest& u : ft.units) covered.insert(path_key(u.bash));
    size_t path = 0;
    for (const CheckTarget::Sample& s : samples) {
      if (!covered.insert(path_key(s.bash)).second) {
        if (!used(ft, s.call)) ft.pool.push_back(s.call);
        continue;
      }
      add_unit_test(ft, s.call, fmt::format("path_{}", ++path), "path",
                    "the check's first input to take this path through the function");
    }
    add_doc_tests(ft, examples);
    if (options.progress) options.progress(fmt::format("tests for {}: properties", f.function->name));
    PropertyContext ctx;
    ctx.crate = suite.crate;
    ctx.function = &f;
    ctx.model = model;
    ctx.fresh_context = ft.fresh_context;
    ctx.cases = options.property_cases;
    for (const UnitTest& u : ft.units) ctx.samples.push_back(u.call);
    ctx.samples.insert(ctx.samples.end(), ft.pool.begin(), ft.pool.end());
    ft.properties = find_properties(*ft.oracle, ctx);
    suite.functions.push_back(std::move(ft));
  }
  return suite;
}

}  // namespace testgen::bash
