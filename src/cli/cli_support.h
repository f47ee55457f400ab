#pragma once
// What every subcommand shares: one-line errors, option parsing, progress.

#include <CLI/CLI.hpp>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "subcommands.h"
#include "testgen/engine.h"

namespace testgen::cli {

/// Prints "testgen CMD: error: MESSAGE" and returns kExitUsage.
int usage_error(std::string_view command, std::string_view message);
/// Prints "testgen: error: MESSAGE" and returns `code`.
int fail(int code, std::string_view message);

/// A subcommand with one action word ("abi hunt", "corpus merge"): runs
/// `handler` on what follows the action; with no arguments or --help,
/// prints `usage` (exit 2 or 0); an unknown action is a usage error.
int run_action(const Args& args, std::string_view command, std::string_view action, std::string_view usage,
               int (*handler)(const Args&));

/// Parses `args` with `app`. Returns an exit code to stop with (help shown,
/// or a one-line usage error naming the known options), or nullopt to go on.
std::optional<int> parse(CLI::App& app, std::string_view command, const Args& args);

std::string main_help();
std::string subcommand_names();

/// Prints a progress line on stderr, given the seconds elapsed: rewritten in
/// place on a terminal (5 per second at most), otherwise a plain line every
/// few seconds. Empty when `quiet`.
std::function<void(double seconds, const std::string& line)> progress_line(bool quiet);

/// Prints `j` on stdout, indented, bytes that are not UTF-8 replaced.
void print_json(const nlohmann::json& j);

/// Ends a progress line rewritten in place (a newline on a terminal).
void end_progress_line(bool quiet);

/// The engine's progress as a progress_line().
std::function<void(const Progress&)> progress_printer(std::string label, bool quiet);

}  // namespace testgen::cli
