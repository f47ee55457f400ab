// testgen abi hunt: the engine over quest's suites and real compiler pairs.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "cli_support.h"
#include "exit_codes.h"
#include "hunt.h"
#include "suite.h"
#include "testgen/corpus.h"

namespace testgen::cli {
namespace {

struct HuntArgs {
  std::vector<std::string> lua_files;
  std::vector<std::string> pairs;
  std::vector<std::string> opt_levels;
  std::string suite = "ansi";
  std::string arch = "x86_64";
  std::string expect_file;
  uint64_t seed = 0;
  uint64_t runs = 500;
  double seconds = 0;
  unsigned jobs = 1;
  size_t batch = 16;
  int size = 2;
  size_t shrink_calls = 300;
  double run_timeout = 5;
  double compile_timeout = 60;
  std::string corpus_root;
  bool no_shrink = false;
  bool no_adapt = false;
  double mutate_ratio = 0.3;
  bool quiet = false;
};

constexpr const char* kDefaultCompilers[] = {"gcc", "clang", "tcc", "pcc"};

struct Skipped {
  std::string pair, reason;
};

// The pairs as given (or every pair of the installed default compilers),
// times the optimisation levels, less those that cannot build the suite on
// the architecture.
std::vector<abi::CompilerPair> pairs_to_hunt(const HuntArgs& a, const quest::SuiteInfo& suite, const abi::Arch& arch,
                                             std::vector<Skipped>& skipped) {
  std::vector<abi::CompilerPair> candidates;
  if (!a.pairs.empty()) {
    for (const std::string& p : a.pairs) {
      abi::CompilerPair pair = abi::parse_pair(p);
      // A missing compiler is a usage error, not a "compile error" finding.
      for (const abi::Compiler* c : {&pair.caller, &pair.callee})
        if (abi::installed({c->program()}).empty())
          throw abi::ToolchainError(fmt::format("compiler '{}' (in --pair '{}') is not installed", c->program(), p));
      candidates.push_back(std::move(pair));
    }
  } else {
    std::vector<abi::Compiler> compilers;
    for (const std::string& name : abi::installed({std::begin(kDefaultCompilers), std::end(kDefaultCompilers)}))
      compilers.push_back(abi::parse_compiler(name));
    candidates = abi::all_pairs(compilers);
  }
  if (!a.opt_levels.empty()) {
    std::vector<abi::CompilerPair> levelled;
    for (const abi::CompilerPair& p : candidates)
      for (const std::string& level : a.opt_levels)
        levelled.push_back(abi::parse_pair(fmt::format("{} -O{}:{} -O{}", p.caller.spec, level, p.callee.spec, level)));
    candidates = std::move(levelled);
  }
  std::vector<abi::CompilerPair> out;
  for (abi::CompilerPair& p : candidates) {
    std::string reason;
    for (const abi::Compiler* c : {&p.caller, &p.callee}) {
      if (!reason.empty()) break;
      if (!abi::supports(*c, suite.needs))
        reason = fmt::format("{} lacks what suite '{}' needs ({})", c->program(), suite.name, fmt::join(suite.needs, ", "));
      try {
        abi::for_arch(*c, arch);
      } catch (const abi::ToolchainError& e) {
        reason = e.what();
      }
    }
    if (reason.empty()) out.push_back(std::move(p));
    else skipped.push_back({p.spec(), reason});
  }
  return out;
}

// The bytes of the reproducer's C files, and where its case directory is.
nlohmann::json finding_json(const Finding& f, const hunt::PairResult& r, const Corpus* corpus, bool shrunk) {
  nlohmann::json out = {{"pair", r.pair.spec()},       {"signature", f.signature},    {"case_id", f.case_id},
                        {"reduced", f.value_text},     {"found", f.original_text},    {"detail", f.detail},
                        {"found_at_run", f.found_at_run}, {"shrink_calls", f.shrink_calls},
                        // false: the budget ran out first ('testgen minimize CASE_DIR' goes on)
                        {"fully_reduced", shrunk && !f.shrink_budget_spent}};
  if (corpus && !f.case_id.empty()) {
    const std::filesystem::path dir = corpus->root() / "rejected" / f.case_id;
    uintmax_t bytes = 0;
    for (const char* file : {"case-main.c", "case-callee.c"}) {
      std::error_code ec;
      const uintmax_t n = std::filesystem::file_size(dir / file, ec);
      if (!ec) bytes += n;
    }
    out["case_dir"] = dir.string();
    out["reproducer_bytes"] = bytes;
  }
  return out;
}

nlohmann::json known_json(const std::vector<hunt::PairResult>& results, const hunt::Expectations& expectations) {
  nlohmann::json known = nlohmann::json::array();
  std::vector<bool> seen(expectations.entries().size());
  for (const hunt::PairResult& r : results) {
    for (const auto& [signature, count] : r.report.known) {
      const hunt::Expectation* e = expectations.match(signature);
      seen[static_cast<size_t>(e - expectations.entries().data())] = true;
      known.push_back({{"signature", signature},
                       {"status", e->status == hunt::Expectation::Status::kSkip ? "skipped" : "expected"},
                       {"runs", count},
                       {"note", e->note},
                       {"rule", e->origin}});
    }
  }
  nlohmann::json not_seen = nlohmann::json::array();
  for (size_t i = 0; i < seen.size(); ++i)
    if (!seen[i] && expectations.entries()[i].status == hunt::Expectation::Status::kExpected)
      not_seen.push_back(expectations.entries()[i].origin);
  return {{"known", known}, {"expected_not_seen", not_seen}};
}

int hunt(const Args& args) {
  CLI::App app{
      "Hunt for parameter-passing bugs: generate cases from a quest suite (built-in, or from Lua files loaded\n"
      "after the built-in code, as with 'testgen quest'), build each with compiler pairs (caller:callee),\n"
      "run them, tell distinct bugs apart by their failure signature, and reduce each one to a minimal\n"
      "reproducer. Cases are built in batches (one program); a crash, hang or build failure of a batch is\n"
      "pinned on its case by splitting the batch. With --corpus-root every finding lands as a case\n"
      "directory: the C files, commands.sh, report.txt and the choice tree ('testgen replay DIR').\n"
      "Prints a JSON summary on stdout and a progress line on stderr; exit 1 when something new was found.",
      "testgen abi hunt"};
  HuntArgs a;
  app.add_option("lua_files", a.lua_files, "Lua files defining suites (Test.NAME = {...}) or generators")
      ->check(CLI::ExistingFile);
  app.add_option("--pair", a.pairs,
                 "CALLER:CALLEE, repeatable; a compiler is a name plus flags ('gcc:clang -O2'); "
                 "default: every pair of the installed gcc, clang, tcc, pcc");
  app.add_option("--opt", a.opt_levels, "optimisation levels to add to the matrix, e.g. --opt 0,2,s: each pair is "
                                        "hunted once per level, both sides at that level")
      ->delimiter(',');
  app.add_option("--arch", a.arch,
                 "x86_64 (the host), aarch64, riscv64, i686, ppc64le, s390x or armhf: Debian's cross gcc, clang "
                 "--target and qemu-user ('make deps' installs aarch64 and riscv64)")
      ->capture_default_str();
  app.add_option("--test", a.suite, "the suite to draw cases from")->capture_default_str();
  app.add_option("--expect", a.expect_file,
                 "TOML file of known failures ([[expected]] / [[skip]] with pair, arch, signature globs): "
                 "counted, never reduced, not a reason to exit 1")
      ->check(CLI::ExistingFile);
  app.add_option("--rng-seed", a.seed, "seed of the hunt")->capture_default_str();
  app.add_option("--budget,--runs", a.runs, "cases to build and run, shared by the pairs")->capture_default_str();
  app.add_option("--time", a.seconds, "wall time in seconds for the whole hunt (0: no limit)")->capture_default_str();
  app.add_option("-j,--jobs", a.jobs, "pairs hunted at once")->capture_default_str()->check(CLI::Range(1u, 256u));
  app.add_option("--batch", a.batch, "cases per program (1: one build per case)")
      ->capture_default_str()
      ->check(CLI::Range(size_t{1}, size_t{500}));
  app.add_option("--size", a.size, "type depth (quest's -s)")->capture_default_str();
  app.add_option("--shrink-calls", a.shrink_calls, "builds the reduction of one finding may use")->capture_default_str();
  app.add_option("--run-timeout", a.run_timeout, "seconds a test program may run (a hang is a finding)")
      ->capture_default_str();
  app.add_option("--compile-timeout", a.compile_timeout, "seconds a compile or link may take")->capture_default_str();
  app.add_option("--corpus-root", a.corpus_root, "keep accepted cases and findings (with reproducers) here");
  app.add_flag("--no-shrink", a.no_shrink, "report findings as found, unreduced");
  app.add_flag("--no-adapt", a.no_adapt, "draw choices with their static weights (no coverage feedback)");
  app.add_option("--mutate-ratio", a.mutate_ratio, "share of cases made by mutating a kept case (the rest are fresh)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  app.add_flag("-q,--quiet", a.quiet, "no progress line");
  if (auto stop = parse(app, "abi hunt", args)) return *stop;

  try {
    const abi::Arch arch = abi::arch_named(a.arch);
    if (const std::string missing = abi::missing_tools(arch); !missing.empty())
      return usage_error("abi hunt", fmt::format("--arch {} needs {} (make deps installs aarch64 and riscv64)",
                                                 arch.name, missing));
    hunt::Expectations expectations;
    if (!a.expect_file.empty()) expectations = hunt::Expectations::load(a.expect_file);

    hunt::HuntPlan plan{.suite = a.suite, .arch = arch.name, .seed = a.seed, .runs = a.runs, .seconds = a.seconds,
                        .size = a.size, .batch = a.batch, .shrink_calls = a.shrink_calls, .shrink = !a.no_shrink,
                        .adapt = !a.no_adapt, .mutate_ratio = a.mutate_ratio, .jobs = a.jobs, .expectations = &expectations};
    for (const std::string& f : a.lua_files) plan.lua_files.push_back(std::filesystem::absolute(f));
    plan.build.run_timeout = std::chrono::milliseconds(static_cast<int64_t>(a.run_timeout * 1000));
    plan.build.compile_timeout = std::chrono::milliseconds(static_cast<int64_t>(a.compile_timeout * 1000));

    // The suite list of the interpreter the workers will have (built-ins and the user's files).
    std::shared_ptr<script::Interpreter> lua = quest::make_interpreter(a.seed);
    for (const std::filesystem::path& f : plan.lua_files) lua->run_file(f);
    std::optional<quest::SuiteInfo> suite;
    for (quest::SuiteInfo& s : quest::list_suites(*lua))
      if (s.name == a.suite) suite = std::move(s);
    if (!suite) return usage_error("abi hunt", fmt::format("unknown suite '{}' (see 'testgen quest -list')", a.suite));
    plan.dialect = suite->dialect;

    std::vector<Skipped> skipped;
    plan.pairs = pairs_to_hunt(a, *suite, arch, skipped);
    for (const Skipped& s : skipped) fmt::print(stderr, "testgen: abi hunt: skipping {}: {}\n", s.pair, s.reason);
    if (plan.pairs.empty()) return usage_error("abi hunt", "no compiler pair can build this suite here");

    std::unique_ptr<Corpus> corpus;
    if (!a.corpus_root.empty()) corpus = std::make_unique<Corpus>(a.corpus_root, "abi");
    plan.corpus = corpus.get();
    plan.scratch_root = std::filesystem::temp_directory_path() / fmt::format("testgen-hunt-{}", getpid());

    auto print = progress_line(a.quiet);
    auto on_progress = [&](const hunt::HuntProgress& p) {
      if (!print) return;
      const double rate = p.seconds > 0 ? static_cast<double>(p.runs) / p.seconds : 0;
      print(p.seconds, fmt::format("abi hunt: {} cases ({:.1f}/s), {} builds, {} findings, {} known, pairs {}/{} done, "
                                   "{:.0f} s",
                                   p.runs, rate, p.builds, p.findings, p.known, p.pairs_done, p.pairs_total,
                                   p.seconds));
    };
    // Findings are told as they come (stdout stays the same for the same
    // seed: times go to stderr only).
    auto on_finding = [&](const abi::CompilerPair&, const Finding& f, double seconds) {
      if (print && ::isatty(STDERR_FILENO)) fmt::print(stderr, "\r\033[K");
      fmt::print(stderr, "testgen: abi hunt: new finding at {:.1f} s (run {}): {}\n  reduced: {}\n", seconds,
                 f.found_at_run, f.signature, f.value_text);
    };
    std::vector<hunt::PairResult> results;
    try {
      results = hunt::run_hunt(plan, {.progress = on_progress, .finding = on_finding});
    } catch (...) {
      std::error_code ignored;
      std::filesystem::remove_all(plan.scratch_root, ignored);
      throw;
    }
    std::error_code ignored;
    std::filesystem::remove_all(plan.scratch_root, ignored);
    if (print && ::isatty(STDERR_FILENO)) fmt::print(stderr, "\n");

    nlohmann::json findings = nlohmann::json::array(), pair_names = nlohmann::json::array(),
                   skipped_json = nlohmann::json::array();
    uint64_t runs = 0, builds = 0, kept = 0;
    double seconds = 0;
    for (const hunt::PairResult& r : results) {
      pair_names.push_back(r.pair.spec());
      runs += r.report.runs;
      builds += r.builds;
      kept += r.report.kept;
      seconds = std::max(seconds, r.report.seconds);
      for (const Finding& f : r.report.findings) findings.push_back(finding_json(f, r, corpus.get(), !a.no_shrink));
    }
    for (const Skipped& s : skipped) skipped_json.push_back({{"pair", s.pair}, {"reason", s.reason}});
    if (!findings.empty() && !corpus)
      fmt::print(stderr, "testgen: abi hunt: use --corpus-root DIR to keep each finding's reproducer\n");
    nlohmann::json summary = {{"suite", a.suite}, {"arch", arch.name},   {"pairs", pair_names},
                              {"skipped_pairs", skipped_json},          {"runs", runs},
                              {"builds", builds}, {"kept", kept},       {"findings", findings}};
    summary.update(known_json(results, expectations));
    fmt::print("{}\n", summary.dump(2));
    return findings.empty() ? kExitOk : kExitFinding;
  } catch (const abi::ToolchainError& e) {
    return usage_error("abi hunt", e.what());
  } catch (const hunt::ExpectationsError& e) {
    return fail(kExitBadInput, e.what());
  } catch (const CorpusError& e) {
    return fail(kExitBadInput, e.what());
  } catch (const script::ScriptError& e) {
    return fail(kExitBadInput, e.what());
  } catch (const GenerationError& e) {
    return fail(kExitGenerator, e.what());
  }
}

}  // namespace

int run_abi(const Args& args) {
  if (!args.empty() && args[0] == "hunt") return hunt(Args(args.begin() + 1, args.end()));
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    fmt::print("usage: testgen abi hunt [options] [FILE.lua...]   (testgen abi hunt --help for the options)\n");
    return args.empty() ? kExitUsage : kExitOk;
  }
  return usage_error("abi", fmt::format("unknown action '{}' (actions: hunt)", args[0]));
}

}  // namespace testgen::cli
