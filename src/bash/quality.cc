#include "quality.h"

#include <fmt/format.h>

#include <chrono>

#include "cargo_runs.h"
#include "coverage.h"
#include "crate_writer.h"
#include "input_model.h"
#include "mutation_config.h"
#include "mutation_runner.h"
#include "test_writer.h"
#include "testgen/corpus.h"
#include "testgen/errors.h"
#include "testgen/interrupt.h"
#include "testgen/source.h"

namespace testgen::bash {
namespace {

double since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string last_lines(const std::string& text, size_t n) {
  size_t at = text.size();
  for (size_t k = 0; k < n && at > 0; ++k) {
    size_t newline = text.rfind('\n', at - 1);
    at = newline == std::string::npos ? 0 : newline;
  }
  return text.substr(at);
}

// A signal that arrived while testgen itself was working (the engine stops
// on it quietly): the run ends before its next step.
void stop_if_interrupted() {
  if (interrupted()) throw Interrupted(interrupt_signal());
}

// Removes the tests cargo reported as failed; returns how many.
size_t drop_failed(TestSuite& suite, const std::map<std::string, std::string>& outcomes) {
  size_t dropped = 0;
  for (FunctionTests& ft : suite.functions) {
    const std::string& m = ft.function->module;
    auto failed = [&](const std::string& binary, const std::string& name) {
      auto it = outcomes.find(binary + "::" + name);
      return it != outcomes.end() && it->second == "FAILED";
    };
    std::erase_if(ft.units, [&](const UnitTest& u) {
      if (!failed(m + "_test", u.name)) return false;
      ft.notes.push_back(fmt::format("{} failed under cargo test (bash and the harness agreed on it): dropped", u.name));
      ++dropped;
      return true;
    });
    std::erase_if(ft.properties, [&](const PropertyTest& p) {
      if (!failed(m + "_properties", p.name)) return false;
      ft.notes.push_back(fmt::format("{} held on bash but failed on proptest's cases: dropped", p.name));
      ++dropped;
      return true;
    });
    // Doctests are named "src/MODULE.rs - ...": a failing one drops the module's examples.
    for (const auto& [key, outcome] : outcomes)
      if (outcome == "FAILED" && key.rfind("doc::src/" + m + ".rs ", 0) == 0 && !ft.docs.empty()) {
        ft.notes.push_back(fmt::format("a doctest of {} failed under cargo test: its examples were dropped", m));
        dropped += ft.docs.size();
        ft.docs.clear();
      }
  }
  return dropped;
}

// The per-function rows: test counts and bash lines (kept up to date as tests are added).
void fill_functions(const TestSuite& suite, QualityReport& report) {
  for (const FunctionTests& ft : suite.functions) {
    FunctionQuality* q = nullptr;
    for (FunctionQuality& row : report.functions)
      if (row.module == ft.function->module) q = &row;
    if (!q) {
      report.functions.emplace_back();
      q = &report.functions.back();
      q->name = ft.function->function->name;
      q->module = ft.function->module;
    }
    q->unit_tests = ft.units.size();
    q->property_tests = ft.properties.size();
    q->doctests = ft.docs.size();
    std::set<uint32_t> run = bash_lines_run(ft);
    InputModel own = model_function(*ft.function->function);
    q->bash_lines_run = 0;
    for (uint32_t l : own.lines) q->bash_lines_run += run.count(l);
    q->bash_lines_total = own.lines.size();
    q->notes = ft.notes;
  }
}

// Writes the crate with the suite's tests and runs them; a test that fails
// is dropped and the rest run again.
void write_and_run(CheckSession& session, const std::filesystem::path& dir, TestSuite& suite,
                   const QualityOptions& options, QualityReport& report) {
  for (int round = 0;; ++round) {
    stop_if_interrupted();
    CrateTests files = render_tests(suite, session.bash().environment());
    files.files[".cargo/mutants.toml"] = mutants_toml(suite);
    files.files["testgen-mutation.toml"] = mutation_config_toml(suite, options);
    write_crate(session.translation(), dir, {.name = report.crate, .format = options.format, .tests = &files});
    if (options.progress) options.progress(round == 0 ? "running the generated tests (cargo test)" : "running the tests again");
    auto cargo_start = std::chrono::steady_clock::now();
    ProcessResult r = run_cargo(dir, {.args = {"test", "--offline", "--no-fail-fast"}, .memory_bytes = kTestMemory});
    report.cargo_seconds += since(cargo_start);
    if (r.ok()) return;
    size_t dropped = drop_failed(suite, test_outcomes(r.out));
    if (dropped == 0 || round == 3)
      throw GenerationError(fmt::format("cargo test failed in {} ({}):\n{}", dir.string(), r.describe(),
                                        last_lines(r.err + r.out, 30)));
    report.tests_dropped += dropped;
  }
}

FunctionTests* owner(TestSuite& suite, const std::string& file) {
  for (FunctionTests& ft : suite.functions)
    if (file == "src/" + ft.function->module + ".rs") return &ft;
  return nullptr;
}

// Coverage of the translated modules; each round adds, for the lines no test
// reached, the agreed inputs (from the check) that reach them.
void coverage_rounds(CheckSession& session, const std::filesystem::path& dir, TestSuite& suite,
                     const QualityOptions& options, QualityReport& report) {
  CoverageMeter meter(dir);
  for (size_t round = 0;; ++round) {
    if (options.progress) options.progress("measuring line coverage (instrumented build, llvm-cov)");
    LineHits hits = meter.measure_tests();
    report.lines_covered = report.lines_total = 0;
    for (FunctionQuality& f : report.functions) {
      auto [covered, total] = line_counts(hits, "src/" + f.module + ".rs");
      f.rust_lines_covered = covered;
      f.rust_lines_total = total;
      report.lines_covered += covered;
      report.lines_total += total;
    }
    report.coverage = report.lines_total ? 100.0 * report.lines_covered / report.lines_total : 0;
    if (report.coverage >= options.target_coverage || round >= options.coverage_rounds) break;
    size_t added = 0;
    for (FunctionTests& ft : suite.functions) {
      std::string file = "src/" + ft.function->module + ".rs";
      std::set<uint32_t> uncovered;
      for (auto [line, n] : hits[file])
        if (n == 0) uncovered.insert(line);
      for (size_t i = 0; i < ft.pool.size() && i < 40 && !uncovered.empty(); ++i) {
        LineHits one = meter.measure_call(ft.function->function->name, ft.pool[i], session.bash().environment());
        std::set<uint32_t> reached;
        for (uint32_t line : uncovered)
          if (one[file][line] > 0) reached.insert(line);
        if (reached.empty()) continue;
        std::string lines;
        for (uint32_t l : reached) lines += (lines.empty() ? "" : ", ") + std::to_string(l);
        if (add_unit_test(ft, ft.pool[i], fmt::format("coverage_{}", ++added), "coverage",
                          fmt::format("reaches line(s) {} of {} that no other test ran", lines, file)))
          for (uint32_t l : reached) uncovered.erase(l);
      }
    }
    if (added == 0) break;
    write_and_run(session, dir, suite, options, report);
  }
  report.cargo_seconds += meter.cargo_seconds();
}

void mutation_rounds(CheckSession& session, const std::filesystem::path& dir, TestSuite& suite,
                     const QualityOptions& options, QualityReport& report) {
  std::vector<Mutant> mutants;
  for (const FunctionTests& ft : suite.functions) {
    std::string file = "src/" + ft.function->module + ".rs";
    std::vector<Mutant> found = find_mutants(file, read_file(dir / file));
    mutants.insert(mutants.end(), found.begin(), found.end());
  }
  MutationRunner runner(dir, dir / "target" / "testgen-mutants",
                        {.jobs = options.jobs, .progress = options.progress});
  if (options.progress) options.progress(fmt::format("mutation testing: {} mutants; building the workers", mutants.size()));
  runner.prepare();
  std::vector<MutantResult> results = runner.run(mutants);
  for (size_t round = 0; round < options.mutation_rounds; ++round) {
    std::vector<size_t> missed;
    size_t judged = 0, killed = 0;
    for (size_t i = 0; i < results.size(); ++i) {
      if (results[i].outcome == MutantOutcome::kUnviable) continue;
      ++judged;
      if (results[i].outcome == MutantOutcome::kMissed) missed.push_back(i);
      else ++killed;
    }
    if (missed.empty() || (judged && 100.0 * killed / judged >= options.target_mutation_score)) break;
    // Inputs on which a missed mutant and bash differ become tests.
    size_t added = 0;
    for (size_t i : missed) {
      FunctionTests* ft = owner(suite, results[i].mutant.file);
      if (!ft) continue;
      // The unit tests' inputs cannot tell this mutant apart (it passed them): the pool can.
      std::vector<CallInput> candidates = ft->pool;
      if (candidates.size() > 200) candidates.resize(200);
      std::vector<RustRequest> requests;
      for (const CallInput& c : candidates) requests.push_back({c.input, ft->function->function->name, c.args});
      std::vector<RustCall> answers = runner.mutant_answers(results[i].mutant, requests, session.bash().environment());
      for (size_t k = 0; k < answers.size(); ++k) {
        const PairedCall& expected = ft->oracle->ask(candidates[k]);
        bool differs = answers[k].outcome != RustCall::Outcome::kAnswered || answers[k].out != expected.bash.out ||
                       answers[k].status != expected.bash.status;
        if (expected.agree() && differs &&
            add_unit_test(*ft, candidates[k], fmt::format("kills_mutant_{}", ++added), "mutant",
                          fmt::format("tells the original from the mutant at {}:{} ({})", results[i].mutant.file,
                                      results[i].mutant.line, results[i].mutant.description)))
          break;
      }
    }
    if (added == 0) break;
    write_and_run(session, dir, suite, options, report);
    runner.refresh_tests();
    std::vector<Mutant> again;
    for (size_t i : missed) again.push_back(results[i].mutant);
    std::vector<MutantResult> rerun = runner.run(again);
    for (size_t k = 0; k < missed.size(); ++k) results[missed[k]] = rerun[k];
  }
  for (const MutantResult& r : results) {
    FunctionQuality* f = nullptr;
    for (FunctionQuality& q : report.functions)
      if (r.mutant.file == "src/" + q.module + ".rs") f = &q;
    size_t* counter = r.outcome == MutantOutcome::kCaught    ? &report.caught
                      : r.outcome == MutantOutcome::kMissed  ? &report.missed
                      : r.outcome == MutantOutcome::kTimeout ? &report.timeouts
                                                             : &report.unviable;
    ++*counter;
    if (f) {
      size_t* own = r.outcome == MutantOutcome::kCaught    ? &f->caught
                    : r.outcome == MutantOutcome::kMissed  ? &f->missed
                    : r.outcome == MutantOutcome::kTimeout ? &f->timeouts
                                                           : &f->unviable;
      ++*own;
    }
    if (r.outcome == MutantOutcome::kMissed)
      report.missed_mutants.push_back({fmt::format("{}:{}", r.mutant.file, r.mutant.line), r.mutant.description});
  }
  report.mutation_score = mutation_score(report.caught, report.timeouts, report.missed);
  report.cargo_seconds += runner.cargo_seconds();
  report.mutant_test_timeout = static_cast<double>(runner.test_timeout().count());
}

void measure_gates(CheckSession& session, const std::filesystem::path& dir, TestSuite& suite,
                   const QualityOptions& options, QualityReport& report) {
  report.measured = true;
  fill_functions(suite, report);
  auto step = std::chrono::steady_clock::now();
  coverage_rounds(session, dir, suite, options, report);
  report.coverage_seconds = since(step);
  stop_if_interrupted();
  step = std::chrono::steady_clock::now();
  mutation_rounds(session, dir, suite, options, report);
  report.mutation_seconds = since(step);
  stop_if_interrupted();
  fill_functions(suite, report);
  if (options.progress) options.progress("rustfmt --check and clippy -D warnings");
  report.fmt_passed = run_cargo(dir, {.args = {"fmt", "--check"}}).ok();
  ProcessResult clippy = run_cargo(dir, {.args = {"clippy", "--offline", "--all-targets", "--", "-D", "warnings", "-W",
                                                  "clippy::cognitive_complexity"}});
  report.clippy_passed = clippy.ok();
  if (!clippy.ok()) report.clippy_detail = last_lines(clippy.err, 20);
  report.gates.push_back({"rustfmt", report.fmt_passed, report.fmt_passed ? "cargo fmt --check is clean" : "cargo fmt --check wants changes"});
  report.gates.push_back({"clippy", report.clippy_passed,
                          report.clippy_passed ? "no warning with -D warnings, cognitive complexity below 10"
                                               : "clippy -D warnings fails: " + report.clippy_detail});
  report.gates.push_back({"coverage", report.coverage >= options.target_coverage,
                          fmt::format("{:.1f}% of {} lines of the translated modules (target {:.0f}%)", report.coverage,
                                      report.lines_total, options.target_coverage)});
  report.gates.push_back({"mutation score", report.mutation_score >= options.target_mutation_score,
                          fmt::format("{:.1f}%: {} caught, {} timeout, {} missed, {} unviable (target {:.0f}%)",
                                      report.mutation_score, report.caught, report.timeouts, report.missed,
                                      report.unviable, options.target_mutation_score)});
  size_t without_properties = 0, without_doctests = 0;
  for (const FunctionTests& ft : suite.functions) {
    without_properties += ft.properties.empty();
    without_doctests += ft.docs.empty();
  }
  report.gates.push_back({"property tests", without_properties == 0,
                          fmt::format("{} of {} functions have property tests", suite.functions.size() - without_properties,
                                      suite.functions.size())});
  report.gates.push_back({"doctests", without_doctests == 0,
                          fmt::format("{} of {} functions have doctests", suite.functions.size() - without_doctests,
                                      suite.functions.size())});
}

}  // namespace

double mutation_score(size_t caught, size_t timeouts, size_t missed) {
  size_t judged = caught + missed + timeouts;
  return judged ? 100.0 * static_cast<double>(caught + timeouts) / static_cast<double>(judged) : 100.0;
}

double FunctionQuality::mutation_score() const { return bash::mutation_score(caught, timeouts, missed); }

bool QualityReport::passed() const {
  for (const Gate& g : gates)
    if (!g.passed) return false;
  return true;
}

QualityReport generate_and_verify(CheckSession& session, const std::filesystem::path& dir, const QualityOptions& options) {
  auto start = std::chrono::steady_clock::now();
  if (session.translation().functions.empty())
    throw InputError(fmt::format("{}: no function could be translated, so there is nothing to test",
                                 session.script().path));
  QualityReport report;
  report.crate = crate_name_for(session.script().path);
  report.dir = dir;
  TestSuite suite = generate_tests(session, options.tests);
  report.tests_seconds = since(start);
  stop_if_interrupted();

  write_and_run(session, dir, suite, options, report);
  if (options.gates) measure_gates(session, dir, suite, options, report);
  else fill_functions(suite, report);
  report.seconds = since(start);
  return report;
}

}  // namespace testgen::bash
