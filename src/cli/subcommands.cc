#include "subcommands.h"

#include <fmt/format.h>

#include "cli_support.h"
#include "exit_codes.h"
#include <fmt/ranges.h>

#include "testgen/version.h"

namespace testgen::cli {

std::span<const Subcommand> subcommands() {
  static const Subcommand table[] = {
      {"quest", "generate C calling-convention tests from Lua suites (quest's command line)", run_quest},
      {"abi", "hunt parameter-passing bugs across compiler pairs and reduce each one ('abi hunt')", run_abi, "hunt"},
      {"puzzle", "crack a built-in puzzle with the engine (demo, tests, benchmarks)", run_puzzle},
      {"seed-index", "copy seed scenarios into a corpus and index them (scenario campaigns)", run_seed_index},
      {"fuzz", "mutate seed scenarios, run them, keep new coverage and findings (scenario campaigns)", run_fuzz},
      {"campaign", "a protocol's campaign: fuzz toward goal coverpoints, then calibrate (scenario campaigns)",
       run_campaign},
      {"bash", "translate bash functions to a Rust crate (the bash front)", run_bash},
      {"corpus", "merge corpora of shards into one: new coverage smallest first, one finding per signature ('corpus "
                 "merge')",
       run_corpus, "merge"},
      {"report", "write a corpus's report: one self-contained HTML page with plots, findings, per-front tables",
       run_report},
      {"replay", "re-run a saved case directory; exit 1 while it still fails", run_replay},
      {"minimize", "reduce a saved failing case further, in place", run_minimize},
      {"help", "show help for testgen or for one subcommand ('help --man': the manual page)", run_help},
      {"version", "print the version", run_version},
  };
  return table;
}

const Subcommand* find_subcommand(std::string_view name) {
  for (const Subcommand& s : subcommands())
    if (s.name == name) return &s;
  return nullptr;
}

std::string subcommand_names() {
  std::vector<std::string_view> names;
  for (const Subcommand& s : subcommands()) names.push_back(s.name);
  return fmt::format("{}", fmt::join(names, ", "));
}

std::string main_help() {
  std::string out = fmt::format(
      "testgen {} - generate tests automatically and find real bugs with them\n\n"
      "usage: testgen [--help] [--version] <subcommand> [options]\n\nsubcommands:\n",
      kVersion);
  for (const Subcommand& s : subcommands()) out += fmt::format("  {:<10} {}\n", s.name, s.summary);
  out +=
      "\n'testgen help <subcommand>' (or 'testgen <subcommand> --help') describes one.\n"
      "Results are JSON on stdout; progress and errors go to stderr.\n"
      "Exit codes: 0 ok, 1 finding, 2 usage error, 3 bad input file, 4 generator error, 5 the corpus could\n"
      "not be written, 6 the corpus is in use by another testgen, 70 internal error, 130/143 interrupted\n"
      "by SIGINT/SIGTERM (the summary so far is printed).\n";
  return out;
}

int run_help(const Args& args) {
  if (args.size() == 1 && args[0] == "--man") return print_man_page();
  if (args.empty()) {
    fmt::print("{}", main_help());
    return kExitOk;
  }
  if (args.size() > 1) return usage_error("help", "takes at most one subcommand name");
  const Subcommand* s = find_subcommand(args[0]);
  if (!s) return usage_error("help", fmt::format("unknown subcommand '{}' (subcommands: {})", args[0], subcommand_names()));
  if (s->name == "help" || s->name == "version") {
    fmt::print("testgen {}: {}\n", s->name, s->summary);
    return kExitOk;
  }
  return s->run({"--help"});
}

int run_version(const Args& args) {
  if (!args.empty()) return usage_error("version", fmt::format("takes no arguments, got '{}'", args[0]));
  fmt::print("testgen {}\n", kVersion);
  return kExitOk;
}

}  // namespace testgen::cli
