// testgen: one binary, subcommands from one table.
#include <fmt/format.h>

#include <exception>

#include "cli_support.h"
#include "common_options.h"
#include "exit_codes.h"
#include "subcommands.h"
#include "testgen/interrupt.h"
#include "testgen/process.h"

int main(int argc, char** argv) {
  using namespace testgen::cli;
  // SIGINT and SIGTERM end a run as its budget would: children killed,
  // scratch removed, the summary so far printed (testgen/interrupt.h).
  testgen::install_interrupt_handlers();
  Args args(argv + 1, argv + argc);
  // File names and options that are not UTF-8 could not be reported, kept
  // in JSON or replayed faithfully: refused before anything is written.
  for (size_t i = 0; i < args.size(); ++i)
    if (testgen::printable(args[i]) != args[i])
      return fail(kExitUsage, fmt::format("argument {} is not valid UTF-8: '{}'", i + 1, testgen::printable(args[i])));
  try {
    // Installed as a link named quest, the binary is quest.
    const std::string_view invoked = argv[0];
    if (invoked == "quest" || invoked.ends_with("/quest")) return run_quest_as(args, "quest");
    // leanguard-testgen's users put the global options first.
    args = hoist_global_options(args);
    if (args.empty()) {
      fmt::print(stderr, "{}", main_help());
      return kExitUsage;
    }
    const std::string& first = args[0];
    if (first == "-h" || first == "--help") return run_help({});
    if (first == "--version" || first == "-V") return run_version({});
    if (first.starts_with("-"))
      return fail(kExitUsage, fmt::format("unknown option '{}' (options: --help, --version, the global options "
                                          "--corpus-root, --checker-dir, --runner, --runner-cmd, "
                                          "--allow-nondeterministic, --allow-unsafe-lua; subcommands: {})",
                                          first, subcommand_names()));
    const Subcommand* command = find_subcommand(first);
    if (!command)
      return fail(kExitUsage, fmt::format("unknown subcommand '{}' (subcommands: {})", first, subcommand_names()));
    return command->run(Args(args.begin() + 1, args.end()));
  } catch (const std::exception& e) {
    return fail(kExitInternal, fmt::format("internal error: {}", e.what()));
  }
}
