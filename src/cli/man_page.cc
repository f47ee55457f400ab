// `testgen help --man`: the manual page, generated from the table of
// subcommands and from each subcommand's own --help, so that it cannot
// drift from the program (the build writes it, `make install` installs it).
#include <fmt/format.h>

#include <filesystem>

#include "cli_support.h"
#include "exit_codes.h"
#include "subcommands.h"
#include "testgen/process.h"
#include "testgen/version.h"

namespace testgen::cli {
namespace {

// Text as roff shows it literally: backslashes doubled, a line starting
// with a dot or a quote protected.
std::string roff(std::string_view text) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else out += c;
    line_start = c == '\n';
  }
  return out;
}

// What `testgen ARGS` prints on stdout (a subcommand's --help).
std::string help_of(const std::vector<std::string>& args) {
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  std::vector<std::string> argv{ec ? std::string("testgen") : self.string()};
  argv.insert(argv.end(), args.begin(), args.end());
  SubprocessRunner runner;
  return runner.run({.argv = argv, .timeout = std::chrono::seconds(60)}).out;
}

}  // namespace

int print_man_page() {
  std::string page = fmt::format(".TH TESTGEN 1 \"\" \"testgen {}\" \"User Commands\"\n", kVersion);
  page += ".SH NAME\ntestgen \\- generate tests automatically and find real bugs with them\n";
  page += ".SH SYNOPSIS\n.B testgen\n[\\fIGLOBAL OPTIONS\\fR] \\fISUBCOMMAND\\fR [\\fIOPTIONS\\fR]\n.br\n"
          ".B quest\n[\\fIquest's options\\fR]\n";
  page += ".SH DESCRIPTION\n" + roff(
      "One engine with several fronts: C calling-convention tests (quest, abi hunt), coverage-guided scenario "
      "campaigns over a user's runner and checkers (seed-index, fuzz, campaign), and built-in puzzles. Every "
      "generated value is the choice tree of the decisions that made it, so any case replays exactly, mutates one "
      "decision at a time and shrinks to a minimal counterexample. Results are JSON on standard output; progress and "
      "errors go to standard error.\n");
  page += ".SH SUBCOMMANDS\n";
  for (const Subcommand& s : subcommands()) page += fmt::format(".TP\n.B {}\n{}\n", s.name, roff(s.summary));
  page += ".SH GLOBAL OPTIONS\n" + roff(
      "Accepted before or after any subcommand that runs the engine or reads a corpus, as leanguard-testgen's users "
      "type them: --corpus-root DIR, --checker-dir DIR, --runner PATH (alias --leanguard-run), --runner-cmd "
      "TEMPLATE, --allow-nondeterministic, --allow-unsafe-lua.\n");
  for (const Subcommand& s : subcommands()) {
    if (s.name == "help" || s.name == "version") continue;
    std::vector<std::string> args{std::string(s.name)};
    if (!s.action.empty()) args.emplace_back(s.action);
    args.push_back(s.name == "quest" ? "-help" : "--help");
    page += fmt::format(".SS \"testgen {}\"\n.nf\n{}.fi\n", fmt::join(args.begin(), args.end() - 1, " "),
                        roff(help_of(args)));
  }
  page += ".SH EXIT STATUS\n" + roff(
      "0 done, nothing found (or a replay that passes); 1 a finding (or a replay that still fails); 2 a usage error; "
      "3 a bad input file (named with its line, or its field); 4 a generator that cannot produce values or runs away; "
      "5 the corpus could not be written (nothing half-written is left); 6 the corpus is in use by another testgen "
      "process; 70 an internal error; 130 and 143 stopped by SIGINT and SIGTERM (the summary so far is printed).\n");
  page += ".SH FILES\n" + roff(
      "A corpus: seeds/, accepted/ID/ and rejected/ID/ (case.json, tree.json and the front's files), metadata/, "
      "_work/ (scratch), quarantine/ (cases that could not be read), .lock. See docs/corpus-format.md.\n");
  page += ".SH SEE ALSO\n" + roff("README.md, docs/architecture.md, docs/corpus-format.md in the source tree.\n");
  fmt::print("{}", page);
  return kExitOk;
}

}  // namespace testgen::cli
