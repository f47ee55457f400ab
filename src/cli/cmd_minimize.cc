// testgen minimize CASE_DIR: reduce a saved finding further, in place.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli_support.h"
#include "exit_codes.h"
#include "fronts.h"
#include "scenario_case.h"
#include "scenario_options.h"
#include "scenario_doc.h"
#include "testgen/corpus.h"

namespace testgen::cli {

int run_minimize(const Args& args) {
  CLI::App app{"Reduce a saved failing case (rejected/<id>) further with the core shrinker, keeping its failure\n"
               "signature, and rewrite the case directory in place: its files (for abi cases the C files,\n"
               "commands.sh and report.txt), tree.json and case.json. The tree as it was is kept as\n"
               "original_tree.json. Useful after a hunt with a small --shrink-calls or --no-shrink.\n"
               "Scenario cases (fuzz, campaign) are minimized as leanguard-testgen did, but keeping the\n"
               "failure signature: delta debugging over mutations.json, then each numeric change moved back\n"
               "toward the seed's value; config.orig.toml keeps the config as found, minimize_log.json every\n"
               "try (cached by canonical TOML).\n"
               "Prints a JSON result on stdout; exit 0 when done, 3 if the case does not fail any more.",
               "testgen minimize"};
  std::string dir;
  size_t max_calls = 1000, max_iters = 25;
  bool quiet = false;
  app.add_option("case_dir", dir, "the case directory")->required()->check(CLI::ExistingDirectory);
  app.add_option("--max-calls", max_calls, "runs the reduction may use")->capture_default_str();
  app.add_option("--max-iters", max_iters, "scenario cases: runs of the runner the minimization may use")
      ->capture_default_str();
  app.add_flag("-q,--quiet", quiet, "no human summary on stderr");
  ScenarioArgs scenario;  // scenario cases: which runner re-runs them
  add_globals(app, scenario, false);
  if (auto stop = parse(app, "minimize", args)) return *stop;

  return with_scenario_errors("minimize", [&] {
    if (Corpus::read_case(dir).front == "scenario") return minimize_scenario_case(dir, scenario, max_iters, quiet);
    const LoadedCase loaded = load_case(dir);
    const CaseInfo& info = loaded.info;
    const ChoiceTree& tree = loaded.tree;
    Target* target = loaded.target.get();
    auto [before, ran] = replay(*target, tree, info.size);
    if (before.verdict != Verdict::kFail || before.signature != info.signature)
      return fail(kExitBadInput, fmt::format("{}: the case does not fail with its signature any more ({}); nothing to "
                                             "minimize",
                                             dir, before.verdict == Verdict::kFail ? before.signature : "it passes"));
    const std::string value_before = describe(*target, ran, info.size);
    ShrinkResult shrunk = testgen::minimize(*target, ran, info.signature, info.size, {.max_calls = max_calls});
    auto [after, final_tree] = replay(*target, shrunk.tree, info.size);
    const std::string value_after = describe(*target, final_tree, info.size);
    const bool smaller = final_tree.canonical() != ran.canonical();
    if (smaller && after.signature == info.signature) {
      CaseRecord record{.target = info.target, .rejected = true, .tree = final_tree, .result = after,
                        .value_text = value_after, .size = info.size, .shrink_log = shrunk.passes};
      Corpus::rewrite_case(dir, record);
    }
    if (!quiet) {
      fmt::print(stderr, "testgen: minimize {}: {} runs\n  before: {}\n  after:  {}\n", info.id, shrunk.calls,
                 value_before, smaller ? value_after : "(no smaller case keeps the signature)");
    }
    const nlohmann::json out = {{"case_id", info.id},       {"signature", info.signature},
                                {"before", value_before},   {"after", smaller ? value_after : value_before},
                                {"reduced", smaller},       {"calls", shrunk.calls},
                                {"budget_spent", shrunk.budget_spent}};
    fmt::print("{}\n", out.dump(2));
    return kExitOk;
  });
}

}  // namespace testgen::cli
