// testgen abi hunt: the engine over quest's suites and real compiler pairs.
#include <fmt/format.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "cli_support.h"
#include "exit_codes.h"
#include "hunt_target.h"
#include "suite.h"
#include "testgen/corpus.h"

namespace testgen::cli {
namespace {

struct HuntArgs {
  std::vector<std::string> pairs;
  std::string suite = "ansi";
  uint64_t seed = 0;
  uint64_t runs = 500;
  double seconds = 0;
  int size = 2;
  size_t shrink_calls = 300;
  std::string corpus_root;
  bool no_shrink = false;
  bool quiet = false;
};

constexpr const char* kDefaultCompilers[] = {"gcc", "clang", "tcc", "pcc"};

std::vector<abi::CompilerPair> pairs_to_hunt(const HuntArgs& a, const quest::SuiteInfo& suite,
                                             std::vector<std::string>& skipped) {
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
  std::vector<abi::CompilerPair> out;
  for (abi::CompilerPair& p : candidates) {
    if (abi::supports(p.caller, suite.needs) && abi::supports(p.callee, suite.needs))
      out.push_back(std::move(p));
    else
      skipped.push_back(p.spec());
  }
  return out;
}

nlohmann::json finding_json(const Finding& f, const abi::CompilerPair& pair) {
  return {{"pair", pair.spec()},           {"signature", f.signature},  {"case_id", f.case_id},
          {"reduced", f.value_text},       {"found", f.original_text},  {"detail", f.detail},
          {"found_at_run", f.found_at_run}, {"shrink_calls", f.shrink_calls}};
}

int hunt(const Args& args) {
  CLI::App app{"Hunt for parameter-passing bugs: generate cases from a quest suite, build each with compiler\n"
               "pairs (caller:callee), run them, and reduce every distinct failure to a minimal case.\n"
               "Prints a JSON summary on stdout; exit 1 when something was found.",
               "testgen abi hunt"};
  HuntArgs a;
  app.add_option("--pair", a.pairs,
                 "CALLER:CALLEE, repeatable; a compiler is a name plus flags ('gcc:clang -O2'); "
                 "default: every pair of the installed gcc, clang, tcc, pcc");
  app.add_option("--test", a.suite, "the quest suite to draw cases from")->capture_default_str();
  app.add_option("--rng-seed", a.seed, "seed of the hunt")->capture_default_str();
  app.add_option("--runs", a.runs, "budget in runs (cases built and run), shared by the pairs")->capture_default_str();
  app.add_option("--time", a.seconds, "budget in seconds of wall time, shared by the pairs (0: no limit)")
      ->capture_default_str();
  app.add_option("--size", a.size, "type depth (quest's -s)")->capture_default_str();
  app.add_option("--shrink-calls", a.shrink_calls, "builds the reduction of one finding may use")->capture_default_str();
  app.add_option("--corpus-root", a.corpus_root, "keep accepted cases and findings in this corpus");
  app.add_flag("--no-shrink", a.no_shrink, "report findings as found, unreduced");
  app.add_flag("-q,--quiet", a.quiet, "no progress line");
  if (auto stop = parse(app, "abi hunt", args)) return *stop;

  try {
    std::shared_ptr<script::Interpreter> lua = quest::make_interpreter(a.seed);
    std::optional<quest::SuiteInfo> suite;
    for (quest::SuiteInfo& s : quest::list_suites(*lua))
      if (s.name == a.suite) suite = std::move(s);
    if (!suite) return usage_error("abi hunt", fmt::format("unknown suite '{}' (see 'testgen quest -list')", a.suite));
    std::vector<std::string> skipped;
    const std::vector<abi::CompilerPair> pairs = pairs_to_hunt(a, *suite, skipped);
    if (pairs.empty()) return usage_error("abi hunt", "no compiler pair can build this suite");

    std::unique_ptr<Corpus> corpus;
    if (!a.corpus_root.empty()) corpus = std::make_unique<Corpus>(a.corpus_root, "abi");
    const std::filesystem::path scratch_root =
        std::filesystem::temp_directory_path() / fmt::format("testgen-hunt-{}", getpid());
    SubprocessRunner runner;
    nlohmann::json findings = nlohmann::json::array();
    uint64_t runs = 0;
    for (size_t i = 0; i < pairs.size(); ++i) {
      hunt::HuntSetup setup{.suite = a.suite, .pair = pairs[i], .dialect = suite->dialect,
                            .scratch = scratch_root / std::to_string(i)};
      hunt::HuntTarget target(lua, setup, runner);
      EngineOptions options{.seed = a.seed + i,
                            .max_runs = std::max<uint64_t>(1, a.runs / pairs.size()),
                            .max_seconds = a.seconds / static_cast<double>(pairs.size()),
                            .size = a.size,
                            .mutate_ratio = 0.3,  // builds are slow: fresh cases find more than mutants
                            .shrink = !a.no_shrink,
                            .shrinking = {.max_calls = a.shrink_calls},
                            .stop_on_failure = false,
                            .store = corpus.get(),
                            .progress_every = 10};
      options.on_progress = progress_printer(fmt::format("abi hunt {}", pairs[i].spec()), a.quiet);
      const EngineReport report = Engine(target, options).run();
      runs += report.runs;
      for (const Finding& f : report.findings) {
        findings.push_back(finding_json(f, pairs[i]));
        fmt::print(stderr, "testgen: abi hunt {}: {}\n  reduced: {}\n", pairs[i].spec(), f.signature, f.value_text);
      }
    }
    std::error_code ignored;
    std::filesystem::remove_all(scratch_root, ignored);
    nlohmann::json pair_names = nlohmann::json::array();
    for (const abi::CompilerPair& p : pairs) pair_names.push_back(p.spec());
    const nlohmann::json summary = {{"suite", a.suite}, {"pairs", pair_names}, {"skipped_pairs", skipped},
                                    {"runs", runs},     {"findings", findings}};
    fmt::print("{}\n", summary.dump(2));
    return findings.empty() ? kExitOk : kExitFinding;
  } catch (const abi::ToolchainError& e) {
    return usage_error("abi hunt", e.what());
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
    fmt::print("usage: testgen abi hunt [options]   (testgen abi hunt --help for the options)\n");
    return args.empty() ? kExitUsage : kExitOk;
  }
  return usage_error("abi", fmt::format("unknown action '{}' (actions: hunt)", args[0]));
}

}  // namespace testgen::cli
