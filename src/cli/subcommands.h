#pragma once
// The table of subcommands: it drives both dispatch and help.

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace testgen::cli {

using Args = std::vector<std::string>;

struct Subcommand {
  std::string_view name;
  std::string_view summary;
  /// Parses its own arguments (after the subcommand name) and runs.
  int (*run)(const Args& args);
  /// The action word it takes first ("hunt" of "abi hunt"; options come
  /// after it), or "" for none.
  std::string_view action = "";
};

std::span<const Subcommand> subcommands();
const Subcommand* find_subcommand(std::string_view name);

int run_quest(const Args& args);
/// quest's command line under another program name ("quest" when invoked as quest).
int run_quest_as(const Args& args, const std::string& program);
int run_abi(const Args& args);
int run_corpus(const Args& args);
int run_report(const Args& args);
int run_puzzle(const Args& args);
int run_seed_index(const Args& args);
int run_fuzz(const Args& args);
int run_campaign(const Args& args);
int run_bash(const Args& args);
int run_replay(const Args& args);
int run_minimize(const Args& args);
int run_help(const Args& args);
/// The manual page (roff), from the table and each subcommand's --help.
int print_man_page();
int run_version(const Args& args);

}  // namespace testgen::cli
