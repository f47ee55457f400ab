// testgen bash SCRIPT -o DIR: bash functions to a Rust crate.
#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_support.h"
#include "common_options.h"
#include "crate_writer.h"
#include "error_exit.h"
#include "exit_codes.h"
#include "lower.h"
#include "testgen/errors.h"
#include "translate.h"

namespace testgen::cli {
namespace {

std::string read_script(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(fmt::format("{}: cannot read the script", path));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

int run_bash(const Args& args) {
  CLI::App app{"Translate the functions of a bash script to a Rust crate.\n"
               "Each function becomes src/<function>.rs with a wrapper (arguments in, stdout and status out)\n"
               "and `run`, a translation that keeps bash's meaning (dynamic scoping, word splitting, $?,\n"
               "64-bit arithmetic). A function that uses a construct outside the supported subset is\n"
               "reported as FILE:LINE:COL with the construct, and the others are still translated.\n"
               "Prints a JSON summary on stdout. Exit 0 when every function was translated, 3 when some\n"
               "were refused (or the script has a syntax error), 2 on a usage error, 5 if DIR cannot be written.\n\n"
               "example: testgen bash examples/bash/factorial.sh -o out/factorial && cd out/factorial && cargo build",
               "testgen bash"};
  std::string script_path, out_dir;
  bool quiet = false, no_format = false;
  app.add_option("script", script_path, "the bash script")->required();
  app.add_option("-o,--out", out_dir, "write the crate to this directory (replaces a crate testgen wrote there)");
  app.add_flag("--no-format", no_format, "do not run rustfmt over the generated sources");
  app.add_flag("-q,--quiet", quiet, "no messages on stderr");
  if (auto stop = parse(app, "bash", args)) return *stop;

  return guarded("bash", [&] {
    bash::Script script = bash::lower_script(script_path, read_script(script_path));
    bash::Translation t = bash::translate(script);
    for (const bash::Refusal& r : t.refused)
      if (!quiet)
        fmt::print(stderr, "testgen: error: {}:{}:{}: unsupported bash construct '{}' in function '{}'{}\n", script_path,
                   r.pos.line, r.pos.col, r.construct, r.function, r.detail.empty() ? "" : " (" + r.detail + ")");
    std::string crate = bash::crate_name_for(script_path);
    if (!out_dir.empty()) {
      bash::write_crate(t, out_dir, {.name = crate, .format = !no_format});
      if (!quiet) fmt::print(stderr, "testgen: wrote crate '{}' to {} ({} of {} functions)\n", crate, out_dir,
                             t.functions.size(), t.functions.size() + t.refused.size());
    }
    nlohmann::json functions = nlohmann::json::array();
    for (const bash::TranslatedFunction& f : t.functions)
      functions.push_back({{"name", f.function->name}, {"line", f.function->pos.line}, {"translated", true},
                           {"module", f.module}});
    for (const bash::Refusal& r : t.refused)
      functions.push_back({{"name", r.function}, {"line", r.pos.line}, {"column", r.pos.col}, {"translated", false},
                           {"construct", r.construct}, {"detail", r.detail}});
    print_json({{"script", script_path},
                {"crate", crate},
                {"out", out_dir},
                {"translated", t.functions.size()},
                {"refused", t.refused.size()},
                {"functions", functions}});
    return t.refused.empty() ? kExitOk : kExitBadInput;
  });
}

}  // namespace testgen::cli
