// testgen puzzle NAME: let the engine crack a built-in puzzle.
#include <fmt/format.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "cli_support.h"
#include "exit_codes.h"
#include "puzzles.h"
#include "testgen/corpus.h"

namespace testgen::cli {
namespace {

struct PuzzleArgs {
  std::string name;
  uint64_t seed = 0;
  uint64_t runs = 100000;
  double seconds = 0;
  int size = -1;
  bool no_adapt = false;
  bool no_novelty = false;
  bool no_shrink = false;
  bool keep_going = false;
  bool list = false;
  bool quiet = false;
  double alpha = 0.9;
  std::string corpus_root;
};

void add_options(CLI::App& app, PuzzleArgs& a) {
  app.add_option("name", a.name, "the puzzle to crack (see --list)");
  app.add_flag("--list", a.list, "list the puzzles and exit");
  app.add_option("--rng-seed", a.seed, "seed of the run; the same seed and options give the same output")
      ->capture_default_str();
  app.add_option("--runs", a.runs, "budget in runs")->capture_default_str();
  app.add_option("--time", a.seconds, "budget in seconds of wall time (0: no limit)")->capture_default_str();
  app.add_option("--size", a.size, "size for sized generators (default: the puzzle's)");
  app.add_option("--alpha", a.alpha, "weight of the old expectation in the adaptive model's moving average")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 0.999));
  app.add_flag("--no-adapt", a.no_adapt, "turn the adaptive model off");
  app.add_flag("--no-novelty", a.no_novelty, "allow the same forced tree to run twice");
  app.add_flag("--no-shrink", a.no_shrink, "report failures as found, unshrunk");
  app.add_flag("--keep-going", a.keep_going, "go on after the first finding until the budget is spent");
  app.add_option("--corpus-root", a.corpus_root, "keep accepted cases and findings in this corpus (resumes it)");
  app.add_flag("-q,--quiet", a.quiet, "no progress line");
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
    fmt::print(stderr, "  replay:  testgen replay {}/rejected/{}\n", corpus_root, f.case_id);
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
      const std::string dir = fmt::format("{}/rejected/{}", a.corpus_root, f.case_id);
      j["case_id"] = f.case_id;
      j["case_dir"] = dir;
      j["replay"] = "testgen replay " + dir;
    }
    findings.push_back(std::move(j));
  }
  return {{"puzzle", p.name},
          {"rng_seed", a.seed},
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

  auto target = p->make();
  const int size = a.size >= 0 ? a.size : p->size;
  EngineOptions options{.seed = a.seed,
                        .max_runs = a.runs,
                        .max_seconds = a.seconds,
                        .size = size,
                        .adapt = !a.no_adapt,
                        .adaptive = {.alpha = a.alpha},
                        .novelty = !a.no_novelty,
                        .shrink = !a.no_shrink,
                        .stop_on_failure = !a.keep_going};
  std::unique_ptr<Corpus> corpus;
  try {
    if (!a.corpus_root.empty()) {
      corpus = std::make_unique<Corpus>(a.corpus_root, "puzzle");
      options.store = corpus.get();
    }
    options.on_progress = progress_printer(fmt::format("puzzle {}", p->name), a.quiet);
    const EngineReport report = Engine(*target, options).run();
    if (!a.quiet && ::isatty(STDERR_FILENO)) fmt::print(stderr, "\r\033[K");
    print_human(*p, report, a.corpus_root);
    fmt::print("{}\n", report_json(*p, a, report, size).dump(2));
    return report.findings.empty() ? kExitOk : kExitFinding;
  } catch (const CorpusError& e) {
    return fail(kExitBadInput, e.what());
  } catch (const GenerationError& e) {
    return fail(kExitGenerator, e.what());
  }
}

}  // namespace testgen::cli
