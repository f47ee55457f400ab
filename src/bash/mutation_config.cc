#include "mutation_config.h"

#include <fmt/format.h>

#include <thread>

#include "mutation_runner.h"
#include "quality.h"
#include "rust_emitter.h"

namespace testgen::bash {
namespace {

// Decision points: if/elif, loops, case arms, && and ||.
size_t decisions(const Block& b) {
  size_t n = 0;
  for (const Command& c : b) {
    switch (c.kind) {
      case Command::Kind::kIf: n += c.blocks.size() / 2; break;
      case Command::Kind::kWhile:
      case Command::Kind::kUntil:
      case Command::Kind::kFor:
      case Command::Kind::kArithFor:
      case Command::Kind::kAnd:
      case Command::Kind::kOr: ++n; break;
      case Command::Kind::kCase: n += c.items.size(); break;
      default: break;
    }
    for (const Block& inner : c.blocks) n += decisions(inner);
    for (const CaseItem& item : c.items) n += decisions(item.body);
  }
  return n;
}

std::string toml_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + rust_string(items[i]);
  return out + "]";
}

}  // namespace

std::vector<std::string> critical_functions(const TestSuite& suite) {
  std::vector<std::string> out;
  for (const FunctionTests& ft : suite.functions) {
    const Signature& sig = ft.function->signature;
    size_t d = decisions(ft.function->function->body);
    bool effects = sig.writes_files || !sig.commands_run.empty() || !sig.globals_set.empty();
    if (d > 0 || effects || d + 1 > 5) out.push_back(ft.function->module);
  }
  return out;
}

std::string mutants_toml(const TestSuite& suite) {
  std::vector<std::string> modules, critical = critical_functions(suite), patterns;
  for (const FunctionTests& ft : suite.functions) modules.push_back("src/" + ft.function->module + ".rs");
  // Mutant names start with their file: "src/f.rs:12:5: replace == with != in run".
  for (const std::string& m : critical.empty() ? std::vector<std::string>{} : critical)
    patterns.push_back(fmt::format("^src/{}\\.rs:", m));
  std::string out = fmt::format(
      "# cargo-mutants configuration, written by testgen (only keys cargo-mutants accepts).\n"
      "# The translated functions are mutated; src/shell/ is testgen's runtime (tested\n"
      "# by testgen itself) and src/bin/ the harness of testgen's check.\n"
      "examine_globs = {}\nexclude_globs = [\"src/shell/**\", \"src/bin/**\"]\n",
      toml_list(modules));
  if (!patterns.empty())
    out += fmt::format("# The critical functions (branches, side effects, or complexity above 5).\nexamine_re = {}\n",
                       toml_list(patterns));
  MutationOptions runner;
  out += fmt::format(
      "# A mutated recursion can loop or overflow: each test run has a timeout (as testgen's runner has).\n"
      "timeout_multiplier = {:.1f}\nminimum_test_timeout = {:.1f}\n",
      runner.timeout_multiplier, runner.minimum_test_timeout);
  return out;
}

std::string mutation_config_toml(const TestSuite& suite, const QualityOptions& options) {
  size_t jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  return fmt::format(
      "# testgen's mutation testing (the spec's MutationConfig), as `testgen bash --quality` ran it.\n"
      "# Operators: fn-value (a body replaced by values of its type), binary-op, unary-op,\n"
      "# match-arm, match-guard (cargo-mutants' operators), and wrapping-op / test-op (bash's\n"
      "# wrapping + - * and the operators of `[`, as the generated code spells them).\n"
      "operators = [\"ReturnValue\", \"ArithmeticOp\", \"RelationalOp\", \"BooleanOp\", \"Conditional\"]\n"
      "timeout = {:.0f}  # seconds per mutant's tests at least; {:.0f} times the unmutated run otherwise\n"
      "parallel_jobs = {}\ntarget_score = {:.1f}\ncritical_functions = {}\n",
      MutationOptions{}.minimum_test_timeout, MutationOptions{}.timeout_multiplier, jobs, options.target_mutation_score,
      toml_list(critical_functions(suite)));
}

}  // namespace testgen::bash
