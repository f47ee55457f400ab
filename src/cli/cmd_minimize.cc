// testgen minimize CASE: reduce a saved finding further, in place, whatever its front.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli_support.h"
#include "common_options.h"
#include "error_exit.h"
#include "exit_codes.h"
#include "front.h"

namespace testgen::cli {

int run_minimize(const Args& args) {
  CLI::App app{"Reduce a saved failing case (CORPUS/rejected/ID) further, keeping its failure signature, and\n"
               "replace the case directory with the smaller case in one atomic step (the new case is assembled\n"
               "in CORPUS/_work; a crash leaves the old case or the new one). Puzzle and abi cases run the core\n"
               "shrinker on their choice tree (abi: the C files, commands.sh and report.txt are rewritten; the\n"
               "tree as it was is kept as original_tree.json). Scenario cases are minimized as\n"
               "leanguard-testgen did, keeping the signature: delta debugging over mutations.json, then each\n"
               "numeric change moved back toward the seed's value; config.orig.toml keeps the config as found,\n"
               "minimize_log.json every try (cached by canonical TOML).\n"
               "Takes the corpus's lock. Prints a JSON result on stdout; exit 0 when done, 3 if the case does\n"
               "not fail any more.",
               "testgen minimize"};
  std::string dir;
  size_t max_runs = 0;
  double max_seconds = 0;
  bool quiet = false;
  FrontOptions options;
  app.add_option("case", dir, "the case directory, or its id with --corpus-root")->required();
  app.add_option("--max-calls,--max-iters", max_runs,
                 "runs the reduction may use (default: the front's, 1000 for puzzle and abi cases, 25 runner runs "
                 "for scenario cases)")
      ->check(count_in(1, 1e9));
  app.add_option("--time", max_seconds, "seconds the reduction may take (0: no limit)")
      ->capture_default_str()
      ->check(number_in(0, 1e7));
  app.add_flag("-q,--quiet", quiet, "no human summary on stderr");
  add_global_options(app, options);
  if (auto stop = parse(app, "minimize", args)) return *stop;

  return guarded("minimize", [&] {
    const CaseInfo located = locate_case(dir, options.corpus_root);
    const Front& front = front_of(located);
    const std::unique_ptr<Corpus> opened = front.open_corpus(located.root);
    Corpus& corpus = *opened;
    const CaseInfo stored = Corpus::read_case(located.dir);  // after the lock: as it is now
    if (!stored.rejected)
      throw CorpusError(fmt::format("{}: an accepted case; only rejected ones minimize", stored.dir.string()));
    const size_t budget = max_runs > 0 ? max_runs : front.default_minimize_runs();
    const MinimizeReport r = front.minimize(stored, corpus, {.max_runs = budget, .max_seconds = max_seconds}, options);
    if (!quiet)
      fmt::print(stderr, "testgen: minimize {}: {} runs\n  before: {}\n  after:  {}\n", stored.id, r.runs, r.before,
                 r.reduced ? r.after : "(no smaller case keeps the signature)");
    nlohmann::json out = {{"case_id", stored.id},  {"case_dir", stored.dir.string()}, {"signature", stored.signature},
                          {"before", r.before},    {"after", r.after},                {"reduced", r.reduced},
                          {"calls", r.runs},       {"budget_spent", r.budget_spent}};
    out.update(r.extra);
    print_json(out);
    return kExitOk;
  });
}

}  // namespace testgen::cli
