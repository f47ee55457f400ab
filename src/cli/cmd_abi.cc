// testgen abi hunt: the engine over quest's suites and real compiler pairs.
// Planning and the summary live in src/hunt; this file parses and prints.
#include <fmt/format.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "cli_support.h"
#include "common_options.h"
#include "error_exit.h"
#include "exit_codes.h"
#include "hunt_plan.h"
#include "hunt_summary.h"
#include "testgen/interrupt.h"

namespace testgen::cli {
namespace {

void add_options(CLI::App& app, hunt::HuntRequest& r, FrontOptions& g, bool& quiet) {
  app.add_option("lua_files", r.lua_files, "Lua files defining suites (Test.NAME = {...}) or generators")
      ->check(CLI::ExistingFile);
  app.add_option("--pair", r.pairs,
                 "CALLER:CALLEE, repeatable; a compiler is a name plus flags ('gcc:clang -O2'); "
                 "default: every pair of the installed gcc, clang, tcc, pcc");
  app.add_option("--opt", r.opt_levels, "optimisation levels to add to the matrix, e.g. --opt 0,2,s: each pair is "
                                        "hunted once per level, both sides at that level")
      ->delimiter(',');
  app.add_option("--arch", r.arch,
                 "x86_64 (the host), aarch64, riscv64, i686, ppc64le, s390x or armhf: Debian's cross gcc, clang "
                 "--target and qemu-user ('make deps' installs aarch64 and riscv64)")
      ->capture_default_str();
  app.add_option("--test", r.suite, "the suite to draw cases from")->capture_default_str();
  app.add_option("--expect", r.expect_file,
                 "TOML file of known failures ([[expected]] / [[skip]] with pair, arch, signature globs): "
                 "counted, never reduced, not a reason to exit 1")
      ->check(CLI::ExistingFile);
  add_engine_flags(app, r.budget, {.runs = 500, .shrink_calls = 300, .runs_help = "cases to build and run, shared by the pairs"});
  app.add_option("-j,--jobs", r.jobs, "pairs hunted at once")->capture_default_str()->check(count_in(1, 256));
  app.add_option("--batch", r.batch, "cases per program (1: one build per case)")
      ->capture_default_str()
      ->check(count_in(1, 500));
  app.add_option("--size", r.size, "type depth (quest's -s)")->capture_default_str()->check(count_in(0, 16));
  app.add_option("--run-timeout", r.run_timeout, "seconds a test program may run (a hang is a finding)")
      ->capture_default_str()
      ->check(number_in(0.001, 86400));
  app.add_option("--compile-timeout", r.compile_timeout, "seconds a compile or link may take")
      ->capture_default_str()
      ->check(number_in(0.001, 86400));
  app.add_flag("--adapt,!--no-adapt", r.adapt, "draw choices with their static weights (no coverage feedback)");
  app.add_option("--mutate-ratio", r.mutate_ratio, "share of cases made by mutating a kept case (the rest are fresh)")
      ->capture_default_str()
      ->check(number_in(0.0, 1.0));
  app.add_option("--reduce-share", r.reduction_share,
                 "share of the builds that reducing findings may take while the hunt explores (1: reduce each "
                 "finding as soon as it is found); findings wait, saved as found, and are reduced in turns")
      ->capture_default_str()
      ->check(number_in(0.05, 1.0));
  app.add_option("--shrink-lookahead", r.shrink_lookahead,
                 "shrink candidates of a mismatch or crash built together as one program (1: one build per candidate); "
                 "the reduction is the same, in fewer builds")
      ->capture_default_str()
      ->check(CLI::Range(1, 256));
  app.add_flag("-q,--quiet", quiet, "no progress line");
  add_global_options(app, g);
}

int hunt(const Args& args) {
  CLI::App app{
      "Hunt for parameter-passing bugs: generate cases from a quest suite (built-in, or from Lua files loaded\n"
      "after the built-in code, as with 'testgen quest'), build each with compiler pairs (caller:callee),\n"
      "run them, tell distinct bugs apart by their failure signature, and reduce each one to a minimal\n"
      "reproducer. Cases are built in batches (one program); a crash, hang or build failure of a batch is\n"
      "pinned on its case by splitting the batch. With --corpus-root every finding lands as a case\n"
      "directory as soon as it is found, and is replaced by its reduction: the C files, commands.sh,\n"
      "report.txt and the choice tree ('testgen replay DIR').\n"
      "Prints a JSON summary on stdout and a progress line on stderr; exit 1 when something new was found,\n"
      "130/143 when interrupted (the summary so far).",
      "testgen abi hunt"};
  hunt::HuntRequest request;
  FrontOptions g;
  bool quiet = false;
  add_options(app, request, g, quiet);
  if (auto stop = parse(app, "abi hunt", args)) return *stop;

  return guarded("abi hunt", [&] {
    request.corpus_root = g.corpus_root.string();
    request.unsafe_lua = g.allow_unsafe_lua;
    std::unique_ptr<hunt::PreparedHunt> prepared = hunt::prepare_hunt(request, [](const hunt::SkippedPair& s) {
      fmt::print(stderr, "testgen: abi hunt: skipping {}: {}\n", s.pair, s.reason);
    });
    auto print = progress_line(quiet);
    auto on_progress = [&](const hunt::HuntProgress& p) {
      if (!print) return;
      const double rate = p.seconds > 0 ? static_cast<double>(p.runs) / p.seconds : 0;
      print(p.seconds, fmt::format("abi hunt: {} cases ({:.1f}/s), {} builds, {} findings, {} known, pairs {}/{} done, "
                                   "{:.0f} s",
                                   p.runs, rate, p.builds, p.findings, p.known, p.pairs_done, p.pairs_total, p.seconds));
    };
    // Findings are told as they come (stdout stays the same for the same
    // seed: times go to stderr only).
    auto on_finding = [&](const abi::CompilerPair&, const Finding& f, double seconds) {
      end_progress_line(quiet);
      fmt::print(stderr, "testgen: abi hunt: new finding at {:.1f} s (run {}): {}\n  {}: {}\n", seconds,
                 f.found_at_run, f.signature, hunt::reduction_state(f, prepared->plan.shrink), f.value_text);
    };
    const std::vector<hunt::PairResult> results =
        hunt::run_hunt(prepared->plan, {.progress = on_progress, .finding = on_finding});
    end_progress_line(quiet);
    nlohmann::json summary = hunt::hunt_summary(*prepared, results);
    summary["interrupted"] = interrupted();
    if (!summary["findings"].empty() && !prepared->corpus)
      fmt::print(stderr, "testgen: abi hunt: use --corpus-root DIR to keep each finding's reproducer\n");
    print_json(summary);
    return summary["findings"].empty() ? kExitOk : kExitFinding;
  });
}

}  // namespace

int run_abi(const Args& args) { return run_action(args, "abi", "hunt", "[options] [FILE.lua...]", hunt); }

}  // namespace testgen::cli
