#include "cargo_runs.h"

#include <sstream>

#include "testgen/errors.h"
#include "testgen/interrupt.h"

#include <csignal>

namespace testgen::bash {

ProcessResult run_cargo(const std::filesystem::path& crate, const CargoRun& run) {
  ProcessSpec spec;
  spec.argv = {"cargo"};
  spec.argv.insert(spec.argv.end(), run.args.begin(), run.args.end());
  spec.cwd = crate;
  spec.set_env = run.env;
  spec.set_env.emplace_back("CARGO_TERM_COLOR", "never");
  spec.timeout = run.timeout;
  spec.limits.memory_bytes = run.memory_bytes;
  SubprocessRunner runner;
  ProcessResult r = runner.run(spec);
  if (r.spawn_failed) throw InputError("cannot run cargo: " + r.spawn_error + " (is Rust installed?)");
  if (r.interrupted) throw Interrupted(interrupt_signal() ? interrupt_signal() : SIGINT);
  return r;
}

std::map<std::string, std::string> test_outcomes(const std::string& out) {
  std::map<std::string, std::string> outcomes;
  std::istringstream in(out);
  std::string line, binary = "lib";
  while (std::getline(in, line)) {
    // "     Running tests/fib_test.rs (target/debug/deps/fib_test-0123)" / "   Doc-tests fib"
    if (size_t at = line.find("Running "); at != std::string::npos) {
      std::string path = line.substr(at + 8, line.find(' ', at + 8) - at - 8);
      size_t slash = path.rfind('/');
      std::string file = slash == std::string::npos ? path : path.substr(slash + 1);
      binary = file.size() > 3 && file.ends_with(".rs") ? file.substr(0, file.size() - 3) : file;
      if (path.find("unittests") != std::string::npos) binary = "lib";
      continue;
    }
    if (line.find("Doc-tests ") != std::string::npos) {
      binary = "doc";
      continue;
    }
    if (line.rfind("test ", 0) != 0) continue;
    size_t dots = line.rfind(" ... ");
    if (dots == std::string::npos) continue;
    std::string name = line.substr(5, dots - 5);
    std::string outcome = line.substr(dots + 5);
    outcomes[binary + "::" + name] = outcome.substr(0, outcome.find(' '));
  }
  return outcomes;
}

}  // namespace testgen::bash
