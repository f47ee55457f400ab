// testgen replay CASE_DIR: re-run a saved case.
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

int run_replay(const Args& args) {
  CLI::App app{"Re-run a saved case directory (accepted/<id> or rejected/<id>) from its choice tree (scenario\n"
               "cases: their config.toml, with the runner options below).\n"
               "Prints a JSON result on stdout; exit 1 while the case still fails, 0 once it passes.",
               "testgen replay"};
  std::string dir;
  bool quiet = false;
  app.add_option("case_dir", dir, "the case directory")->required();
  app.add_flag("-q,--quiet", quiet, "no human summary on stderr");
  ScenarioArgs scenario;  // scenario cases: which runner re-runs them
  add_globals(app, scenario, false);
  if (auto stop = parse(app, "replay", args)) return *stop;

  return with_scenario_errors("replay", [&] {
    if (Corpus::read_case(dir).front == "scenario") return replay_scenario_case(dir, scenario, quiet);
    const LoadedCase loaded = load_case(dir);
    const CaseInfo& info = loaded.info;
    const ChoiceTree& tree = loaded.tree;
    Target* target = loaded.target.get();
    auto [result, ran] = replay(*target, tree, info.size);
    const std::string value = describe(*target, ran, info.size);
    const bool fails = result.verdict == Verdict::kFail;
    const bool same = fails && result.signature == info.signature;
    if (!quiet) {
      fmt::print(stderr, "testgen: replay {} ({}): {}\n", info.id, info.target, value);
      if (fails)
        fmt::print(stderr, "  still fails: {}{}\n", result.signature, same ? "" : " (a different signature than recorded)");
      else
        fmt::print(stderr, "  {}\n", info.rejected ? "passes now: the failure is gone" : "passes");
    }
    nlohmann::json out = {{"case_id", info.id},     {"front", info.front},
                          {"target", info.target},  {"recorded_status", info.rejected ? "rejected" : "accepted"},
                          {"verdict", verdict_name(result.verdict)}, {"signature", result.signature},
                          {"same_signature", same}, {"value", value},
                          {"detail", result.detail}};
    fmt::print("{}\n", out.dump(2));
    return fails ? kExitFinding : kExitOk;
  });
}

}  // namespace testgen::cli
