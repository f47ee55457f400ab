// testgen bash SCRIPT -o DIR: bash functions to a Rust crate.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_support.h"
#include "common_options.h"
#include "check.h"
#include "bash_front.h"
#include "crate_writer.h"
#include "front.h"
#include "testgen/corpus.h"
#include "error_exit.h"
#include "exit_codes.h"
#include "lower.h"
#include "testgen/errors.h"
#include "translate.h"
#include "quality.h"
#include "quality_report.h"

namespace testgen::cli {
namespace {

std::string read_script(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(fmt::format("{}: cannot read the script", path));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string cell(const std::string& s, size_t width) {
  return s.size() > width ? s.substr(0, width - 3) + "..." : s;
}

void print_table(const bash::CheckReport& report) {
  fmt::print("{:<22} {:<40} {:<22} {:<12} {}\n", "function", "transpiled", "equivalent", "bash lines", "first difference");
  for (const bash::FunctionCheck& f : report.functions) {
    std::string transpiled =
        f.translated ? "yes" : fmt::format("no: '{}' at {}:{}", f.construct, f.construct_line, f.construct_col);
    std::string equivalent = !f.translated      ? "-"
                             : f.differs        ? "NO"
                             : f.compared == 0  ? "unchecked"
                                                : fmt::format("yes, on {} inputs", f.distinct);
    std::string lines = f.translated ? fmt::format("{}/{}", f.lines_run, f.lines_total) : "-";
    std::string difference = f.differs ? fmt::format("{}: {} ({})", f.signature, f.input, f.detail) : f.note;
    fmt::print("{:<22} {:<40} {:<22} {:<12} {}\n", cell(f.name, 22), cell(transpiled, 40), equivalent, lines, difference);
  }
}

nlohmann::json report_json(const bash::CheckReport& report, const std::string& script, const Shard& shard) {
  nlohmann::json functions = nlohmann::json::array();
  for (const bash::FunctionCheck& f : report.functions) {
    nlohmann::json j = {{"name", f.name}, {"line", f.line}, {"translated", f.translated}};
    if (!f.translated) {
      j["construct"] = f.construct;
      j["at"] = fmt::format("{}:{}:{}", script, f.construct_line, f.construct_col);
    } else {
      // Nothing compared is not "equivalent": say it was not checked.
      j["checked"] = f.compared > 0 || f.differs;
      j["equivalent"] = f.compared > 0 && !f.differs;
      j["inputs_compared"] = f.compared;
      j["distinct_inputs"] = f.distinct;
      if (!f.note.empty()) j["note"] = f.note;
      j["inputs_inconclusive"] = f.inconclusive;
      j["bash_lines_run"] = f.lines_run;
      j["bash_lines"] = f.lines_total;
      j["seconds"] = f.seconds;
      if (f.differs)
        j["difference"] = {{"kind", f.signature},  {"input", f.input},          {"found_as", f.original_input},
                           {"detail", f.detail},   {"shrink_calls", f.shrink_calls}, {"case_id", f.case_id}};
    }
    functions.push_back(std::move(j));
  }
  return {{"script", script},
          {"functions", functions},
          {"build_seconds", report.build_seconds},
          {"seconds", report.seconds},
          {"calls", report.calls},
          {"harness_processes", report.harness_processes},
          {"shard", shard_json(shard)}};
}

}  // namespace

int run_bash(const Args& args) {
  CLI::App app{"Translate the functions of a bash script to a Rust crate.\n"
               "Each function becomes src/<function>.rs with a wrapper (arguments in, stdout and status out)\n"
               "and `run`, a translation that keeps bash's meaning (dynamic scoping, word splitting, $?,\n"
               "64-bit arithmetic). A function that uses a construct outside the supported subset is\n"
               "reported as FILE:LINE:COL with the construct, and the others are still translated.\n"
               "Prints a JSON summary on stdout. Exit 0 when every function was translated, 3 when some\n"
               "were refused (or the script has a syntax error), 2 on a usage error, 5 if DIR cannot be written.\n"
               "With --check the output is the check's table (--json: JSON) and the exit status is 1 when a\n"
               "translation differs from bash; --corpus-root keeps each difference as a case for 'testgen replay'.\n\n"
               "examples: testgen bash examples/bash/factorial.sh -o out/factorial && cd out/factorial && cargo build\n"
               "          testgen bash examples/bash/strings.sh --check",
               "testgen bash"};
  std::string script_path, out_dir;
  bool quiet = false, no_format = false, check = false, json = false, tests = false, quality = false;
  bash::QualityOptions quality_options;
  double bash_timeout = 1.0;
  std::string bash_program = "bash";
  EngineBudget budget;
  app.add_option("script", script_path, "the bash script")->required();
  app.add_option("-o,--out", out_dir, "write the crate to this directory (replaces a crate testgen wrote there)");
  app.add_flag("--no-format", no_format, "do not run rustfmt over the generated sources");
  app.add_flag("-q,--quiet", quiet, "no messages on stderr");
  app.add_flag("--check", check,
               "run every translated function against bash itself on generated inputs (guided by the lines bash\n"
               "runs) and print a table: transpiled?, equivalent on how many inputs, bash lines covered, the first\n"
               "difference shrunk to its smallest input. Exit 1 when a difference is found");
  app.add_flag("--json", json, "with --check or --quality: the report as JSON instead of the table");
  app.add_flag("--tests", tests,
               "with -o: also generate tests into the crate (tests/<function>_test.rs unit tests, whose expected\n"
               "values are bash's answers; tests/<function>_properties.rs proptest properties that held on bash;\n"
               "doctests from the script's examples) and run them with cargo test");
  app.add_flag("--quality", quality,
               "with -o: --tests, then measure the quality gates on the crate and print the Quality Report:\n"
               "rustfmt, clippy -D warnings (cognitive complexity < 10), line coverage (llvm-cov), mutation\n"
               "score (testgen's own mutation runner), property tests and doctests per function. Uncovered\n"
               "lines and missed mutants drive more bash-checked tests. Exit 6 when a gate fails");
  app.add_option("--target-coverage", quality_options.target_coverage, "with --quality: the line coverage gate, in percent")
      ->check(number_in(0, 100));
  app.add_option("--target-mutation-score", quality_options.target_mutation_score,
                 "with --quality: the mutation score gate, in percent")
      ->check(number_in(0, 100));
  app.add_option("--property-cases", quality_options.tests.property_cases,
                 "cases each generated property test draws (default 1000)")
      ->check(number_in(1, 1000000));
  app.add_option("--coverage-rounds", quality_options.coverage_rounds,
                 "with --quality: rounds of tests added for uncovered lines (default 3)");
  app.add_option("--mutation-rounds", quality_options.mutation_rounds,
                 "with --quality: rounds of tests added for missed mutants (default 2)");
  app.add_option("--jobs", quality_options.jobs, "with --quality: mutants built and tested at once (default: the cores)");
  FrontOptions globals;
  add_global_options(app, globals);
  app.add_option("--bash", bash_program, "with --check: the bash to compare against (default: bash on PATH)");
  app.add_option("--bash-timeout", bash_timeout, "with --check: seconds one bash call may take (then it counts as inconclusive)")
      ->check(number_in(0.05, 3600));
  add_engine_flags(app, budget, {.runs = 300, .shrink_calls = 2000, .runs_help = "with --check: inputs per function"});
  if (auto stop = parse(app, "bash", args)) return *stop;

  return guarded("bash", [&] {
    bash::Script script = bash::lower_script(script_path, read_script(script_path));
    bash::Translation t = bash::translate(script);
    std::string crate = bash::crate_name_for(script_path);
    if ((tests || quality) && out_dir.empty()) throw UsageError("--tests and --quality need -o DIR: the crate they test");
    if ((tests || quality) && check) throw UsageError("--check cannot be combined with --tests or --quality");
    std::optional<bash::CrateLock> lock;
    if (!out_dir.empty()) lock.emplace(out_dir);
    if (tests || quality) {
      bash::BashOptions bash_options;
      bash_options.timeout = std::chrono::milliseconds(static_cast<int64_t>(bash_timeout * 1000));
      bash_options.bash = bash_program;
      if (!quiet) fmt::print(stderr, "testgen: translating and building the crate (cargo, offline)\n");
      bash::CheckSession session(script_path, read_script(script_path), out_dir, bash_options, !no_format);
      EngineOptions engine;
      engine.max_runs = 300;
      budget.apply(engine);
      // Inputs per function, written into the generated tests: a count even
      // under --time alone (which lifts the engine's run limit).
      quality_options.tests.runs = budget.runs > 0 ? budget.runs : 300;
      quality_options.tests.seed = engine.seed;
      quality_options.gates = quality;
      quality_options.format = !no_format;
      if (!quiet) {
        quality_options.progress = [](const std::string& s) { fmt::print(stderr, "testgen: {}\n", s); };
        quality_options.tests.progress = quality_options.progress;
      }
      // "out/" and "out" are the same crate (paths in the coverage report are compared with it).
      std::filesystem::path dir = std::filesystem::path(out_dir).lexically_normal();
      if (!dir.has_filename()) dir = dir.parent_path();
      bash::QualityReport report = bash::generate_and_verify(session, dir, quality_options);
      if (json) print_json(bash::quality_json(report));
      else fmt::print("{}", bash::quality_text(report));
      if (!t.refused.empty() && !quiet)
        fmt::print(stderr, "testgen: {} function(s) were refused and have no tests (see the README of the crate)\n",
                   t.refused.size());
      if (quality && !report.passed()) return kExitGateFailed;
      return t.refused.empty() ? kExitOk : kExitBadInput;
    }
    if (check) {
      bash::BashOptions bash_options;
      bash_options.timeout = std::chrono::milliseconds(static_cast<int64_t>(bash_timeout * 1000));
      bash_options.bash = bash_program;
      if (!quiet) fmt::print(stderr, "testgen: translating and building the crate (cargo, offline)\n");
      bash::CheckSession session(script_path, read_script(script_path), out_dir, bash_options, !no_format);
      bash::CheckOptions options;
      EngineOptions engine;
      engine.max_runs = 300;
      engine.shrinking.max_calls = 2000;
      budget.apply(engine);
      options.runs = engine.max_runs;
      options.seconds = engine.max_seconds;
      options.seed = engine.seed;
      options.shrink = engine.shrink;
      options.shrink_calls = engine.shrinking.max_calls;
      std::unique_ptr<Corpus> corpus;
      if (!globals.corpus_root.empty()) {
        corpus = bash::BashFront().open_corpus(globals.corpus_root);
        options.corpus = corpus.get();
      }
      if (!quiet) options.progress = [](const std::string& s) { fmt::print(stderr, "testgen: {}\n", s); };
      bash::CheckReport report = bash::check_translation(session, options);
      if (json) print_json(report_json(report, script_path, budget.shard()));
      else print_table(report);
      bool differs = false;
      for (const bash::FunctionCheck& f : report.functions) {
        differs |= f.differs;
        if (f.differs && !f.case_id.empty() && !quiet)
          fmt::print(stderr, "testgen: {} differs; replay: testgen replay {}\n", f.name,
                     CorpusLayout{globals.corpus_root}.case_dir(f.case_id, true).string());
      }
      return differs ? kExitFinding : kExitOk;
    }
    for (const bash::Refusal& r : t.refused)
      if (!quiet)
        fmt::print(stderr, "testgen: error: {}:{}:{}: unsupported bash construct '{}' in function '{}'{}\n", script_path,
                   r.pos.line, r.pos.col, r.construct, r.function, r.detail.empty() ? "" : " (" + r.detail + ")");
    if (!out_dir.empty()) {
      bash::write_crate(t, out_dir, {.name = crate, .format = !no_format});
      if (!quiet) fmt::print(stderr, "testgen: wrote crate '{}' to {} ({} of {} functions)\n", crate, out_dir,
                             t.functions.size(), t.functions.size() + t.refused.size());
    }
    nlohmann::json functions = nlohmann::json::array();
    for (const bash::TranslatedFunction& f : t.functions)
      functions.push_back({{"name", f.function->name}, {"line", f.function->pos.line}, {"translated", true},
                           {"module", f.module}});
    for (const bash::Refusal& r : t.refused)
      functions.push_back({{"name", r.function}, {"line", r.pos.line}, {"column", r.pos.col}, {"translated", false},
                           {"construct", r.construct}, {"detail", r.detail}});
    print_json({{"script", script_path},
                {"crate", crate},
                {"out", out_dir},
                {"translated", t.functions.size()},
                {"refused", t.refused.size()},
                {"functions", functions}});
    return t.refused.empty() ? kExitOk : kExitBadInput;
  });
}

}  // namespace testgen::cli
