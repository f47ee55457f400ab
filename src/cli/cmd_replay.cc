// testgen replay CASE: re-run a saved case, whatever its front.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli_support.h"
#include "common_options.h"
#include "error_exit.h"
#include "exit_codes.h"
#include "front.h"

namespace testgen::cli {

int run_replay(const Args& args) {
  CLI::App app{"Re-run a saved case directory (CORPUS/accepted/ID or CORPUS/rejected/ID, or a bare ID with\n"
               "--corpus-root). The case's front rebuilds its target: puzzle and abi cases replay their choice\n"
               "tree (abi cases rebuild with the compilers and the Lua the case names: replaying someone\n"
               "else's corpus runs their compilers on generated C; their Lua runs without process or\n"
               "file-writing functions unless --allow-unsafe-lua); scenario cases run their config.toml with\n"
               "the runner the global options name.\n"
               "Prints a JSON result on stdout; exit 1 while the case still fails, 0 once it passes.",
               "testgen replay"};
  std::string dir;
  bool quiet = false;
  FrontOptions options;
  app.add_option("case", dir, "the case directory, or its id with --corpus-root")->required();
  app.add_flag("-q,--quiet", quiet, "no human summary on stderr");
  add_global_options(app, options);
  if (auto stop = parse(app, "replay", args)) return *stop;

  return guarded("replay", [&] {
    const CaseInfo stored = locate_case(dir, options.corpus_root);
    const ReplayReport r = front_of(stored).replay(stored, options);
    const bool fails = r.verdict == Verdict::kFail;
    if (!quiet) {
      fmt::print(stderr, "testgen: replay {} ({}{}): {}\n", stored.id, stored.target,
                 r.ran_with.empty() ? "" : ", " + r.ran_with, r.value);
      if (fails)
        fmt::print(stderr, "  still fails: {}{}\n", r.signature, r.same_signature ? "" : " (a different signature than recorded)");
      else
        fmt::print(stderr, "  {}\n", stored.rejected ? "passes now: the failure is gone" : "passes");
    }
    nlohmann::json out = {{"case_id", stored.id},
                          {"case_dir", stored.dir.string()},
                          {"front", stored.front},
                          {"target", stored.target},
                          {"recorded_status", stored.rejected ? "rejected" : "accepted"},
                          {"verdict", verdict_name(r.verdict)},
                          {"signature", r.signature},
                          {"same_signature", r.same_signature},
                          {"value", r.value},
                          {"detail", r.detail}};
    out.update(r.extra);
    print_json(out);
    return fails ? kExitFinding : kExitOk;
  });
}

}  // namespace testgen::cli
