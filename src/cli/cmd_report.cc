// testgen report: a corpus as one self-contained HTML page (src/report).
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli_support.h"
#include "error_exit.h"
#include "exit_codes.h"
#include "report_data.h"
#include "report_html.h"
#include "testgen/corpus.h"

namespace testgen::cli {

int run_report(const Args& args) {
  CLI::App app{
      "Write a corpus's report: one self-contained HTML file (no network needed to view it) with coverage over\n"
      "runs and over time (from the progress log the engine keeps in the corpus), every finding with its\n"
      "signature, when it was found, its reduced reproducer and the command that replays it, and what each\n"
      "front knows best: the hunt's compiler-pair x failure-kind matrix, a scenario campaign's coverpoints\n"
      "(hit counts, first hit), the bash front's functions, the puzzles' and properties' solve table.\n"
      "Reads the corpus without locking it: a campaign may still be running.\n"
      "Prints a JSON summary (with --data: the report's data instead of a page).\n\n"
      "example: testgen report corpus -o report.html && chromium report.html",
      "testgen report"};
  std::string corpus, out;
  bool data_only = false, quiet = false;
  app.add_option("CORPUS", corpus, "the corpus")->required();
  app.add_option("-o,--out", out, "the HTML file to write (default: CORPUS/report.html)");
  app.add_flag("--data", data_only, "print the report's data as JSON on stdout and write no page");
  app.add_flag("-q,--quiet", quiet, "no warnings on stderr");
  if (auto stop = parse(app, "report", args)) return *stop;

  return guarded("report", [&] {
    report::ReportOptions options;
    if (!quiet) options.warn = [](const std::string& w) { fmt::print(stderr, "testgen: warning: {}\n", w); };
    const nlohmann::json data = report::collect(corpus, options);
    if (data_only) {
      print_json(data);
      return kExitOk;
    }
    const std::filesystem::path file = out.empty() ? CorpusLayout{corpus}.root / "report.html" : std::filesystem::path(out);
    if (std::filesystem::is_directory(file))
      throw UsageError(fmt::format("-o {}: is a directory; give the file to write, e.g. {}/report.html", out,
                                   file.string()));
    write_file_atomic(file, report::render_html(data));
    print_json({{"report", file.string()},
                {"findings", data["findings"].size()},
                {"accepted", data["counts"]["accepted"]},
                {"progress_points", data["progress"].size()}});
    if (!quiet) fmt::print(stderr, "testgen: report written to {}\n", file.string());
    return kExitOk;
  });
}

}  // namespace testgen::cli
