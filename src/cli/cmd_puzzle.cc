// testgen puzzle NAME: let the engine crack a built-in puzzle.
#include <fmt/format.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "cli_support.h"
#include "common_options.h"
#include "error_exit.h"
#include "exit_codes.h"
#include "testgen/interrupt.h"
#include "puzzle_front.h"
#include "puzzles.h"
#include "testgen/corpus.h"

namespace testgen::cli {
namespace {

struct PuzzleArgs {
  std::string name;
  EngineBudget budget;
  int size = -1;
  bool no_adapt = false;
  bool no_novelty = false;
  bool keep_going = false;
  bool list = false;
  bool quiet = false;
  double alpha = 0.9;
  FrontOptions globals;
};

void add_options(CLI::App& app, PuzzleArgs& a) {
  app.add_option("name", a.name, "the puzzle to crack (see --list)");
  app.add_flag("--list", a.list, "list the puzzles and exit");
  add_engine_flags(app, a.budget, {.runs = 100000, .shrink_calls = 5000});
  app.add_option("--size", a.size, "size for sized generators (default: the puzzle's)")->check(count_in(0, 64));
  app.add_option("--alpha", a.alpha, "weight of the old expectation in the adaptive model's moving average")
      ->capture_default_str()
      ->check(number_in(0.0, 0.999));
  app.add_flag("--no-adapt", a.no_adapt, "turn the adaptive model off");
  app.add_flag("--no-novelty", a.no_novelty, "allow the same forced tree to run twice");
  app.add_flag("--keep-going", a.keep_going, "go on after the first finding until the budget is spent");
  app.add_flag("-q,--quiet", a.quiet, "no progress line");
  add_global_options(app, a.globals);
}

int list_puzzles() {
  for (const puzzles::Puzzle& p : puzzles::all()) fmt::print("{:<14} {}\n", p.name, p.summary);
  return kExitOk;
}

std::string shrink_summary(const Finding& f) {
  std::vector<std::string> parts;
  for (const auto& p : f.shrink_log)
    if (p.successes) parts.push_back(fmt::format("{} {}/{}", p.pass, p.successes, p.attempts));
  return parts.empty() ? "nothing to shrink" : fmt::format("{}", fmt::join(parts, ", "));
}

void print_human(const puzzles::Puzzle& p, const EngineReport& r, const std::string& corpus_root) {
  if (r.findings.empty()) {
    fmt::print(stderr, "testgen: puzzle {}: not cracked in {} runs ({:.2f} s){}\n", p.name, r.runs, r.seconds,
               r.exhausted ? "; the space is exhausted" : "");
    return;
  }
  const Finding& f = r.findings.front();
  fmt::print(stderr, "testgen: puzzle {}: cracked after {} runs ({:.2f} s); {} cases kept, {} features\n", p.name,
             f.found_at_run, r.seconds, r.kept, r.features);
  fmt::print(stderr, "  found:   {}\n", f.original_text);
  fmt::print(stderr, "  shrunk:  {}   ({} shrink runs: {})\n", f.value_text, f.shrink_calls, shrink_summary(f));
  if (!f.case_id.empty())
    fmt::print(stderr, "  replay:  testgen replay {}\n", CorpusLayout{corpus_root}.case_dir(f.case_id, true).string());
  else
    fmt::print(stderr, "  (add --corpus-root DIR to keep a replayable case)\n");
}

nlohmann::json report_json(const puzzles::Puzzle& p, const PuzzleArgs& a, const EngineReport& r, int size) {
  // No timings here: the same seed and options must give byte-identical stdout.
  nlohmann::json findings = nlohmann::json::array();
  for (const Finding& f : r.findings) {
    nlohmann::json j = {{"signature", f.signature},     {"found_at_run", f.found_at_run},
                        {"value", f.value_text},        {"original", f.original_text},
                        {"detail", f.detail},           {"shrink_calls", f.shrink_calls},
                        {"tree", nlohmann::json::parse(f.tree.to_json())}};
    if (!f.case_id.empty()) {
      const std::string dir = CorpusLayout{a.globals.corpus_root}.case_dir(f.case_id, true).string();
      j["case_id"] = f.case_id;
      j["case_dir"] = dir;
      j["replay"] = "testgen replay " + dir;
    }
    findings.push_back(std::move(j));
  }
  return {{"puzzle", p.name},
          {"rng_seed", a.budget.rng_seed},
          {"shard", shard_json(a.budget.shard())},
          {"size", size},
          {"adapt", !a.no_adapt},
          {"novelty", !a.no_novelty},
          {"runs", r.runs},
          {"kept", r.kept},
          {"duplicates", r.duplicates},
          {"resumed_cases", r.resumed_cases},
          {"features", r.features},
          {"exhausted", r.exhausted},
          {"cracked", !r.findings.empty()},
          {"interrupted", interrupted()},
          {"findings", findings}};
}

}  // namespace

int run_puzzle(const Args& args) {
  CLI::App app{"Let the engine crack a built-in puzzle: generate, run, learn, keep, shrink.\n"
               "Prints a JSON report on stdout; exit 1 when the puzzle was cracked.",
               "testgen puzzle"};
  PuzzleArgs a;
  add_options(app, a);
  if (auto stop = parse(app, "puzzle", args)) return *stop;
  if (a.list) return list_puzzles();
  if (a.name.empty()) return usage_error("puzzle", "which puzzle? (see 'testgen puzzle --list')");
  const puzzles::Puzzle* p = puzzles::find(a.name);
  if (!p) return usage_error("puzzle", fmt::format("unknown puzzle '{}'; see 'testgen puzzle --list'", a.name));

  return guarded("puzzle", [&] {
    auto target = p->make();
    const int size = a.size >= 0 ? a.size : p->size;
    EngineOptions options{.size = size,
                          .adapt = !a.no_adapt,
                          .adaptive = {.alpha = a.alpha},
                          .novelty = !a.no_novelty,
                          .stop_on_failure = !a.keep_going};
    a.budget.apply(options);
    std::unique_ptr<Corpus> corpus;
    if (!a.globals.corpus_root.empty()) {
      corpus = puzzles::PuzzleFront().open_corpus(a.globals.corpus_root);
      options.store = corpus.get();
    }
    const std::unique_ptr<SyncDir> sync = a.budget.open_sync();
    if (sync) sync->attach(options, target->name());
    options.on_progress = progress_printer(fmt::format("puzzle {}", p->name), a.quiet);
    const EngineReport report = Engine(*target, options).run();
    end_progress_line(a.quiet);
    print_human(*p, report, a.globals.corpus_root);
    nlohmann::json summary = report_json(*p, a, report, size);
    summary["sync"] = sync_json(sync.get());
    print_json(summary);
    return report.findings.empty() ? kExitOk : kExitFinding;
  });
}

}  // namespace testgen::cli
