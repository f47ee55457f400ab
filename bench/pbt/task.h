// One ETNA task run: a workload with one planted bug, one property, one
// strategy, one seed and a time limit. Every runner (testgen, RapidCheck,
// libFuzzer) takes the same arguments and prints the same JSON line, which
// etna.py collects.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

namespace pbt {

struct Task {
  std::string workload, mutant, property, strategy;
  uint64_t seed = 0;
  double seconds = 60;
};

inline Task parse_task(int argc, char** argv) {
  if (argc != 7) {
    std::fprintf(stderr, "usage: %s WORKLOAD MUTANT PROPERTY STRATEGY SEED SECONDS\n", argv[0]);
    std::exit(2);
  }
  return Task{argv[1], argv[2], argv[3], argv[4], std::strtoull(argv[5], nullptr, 10), std::strtod(argv[6], nullptr)};
}

/// The result line: found or not, tests run until the failure (or in all), seconds.
inline void print_result(bool found, uint64_t tests, double seconds, uint64_t discards) {
  std::printf("{\"found\": %s, \"tests\": %llu, \"seconds\": %.6f, \"discards\": %llu}\n", found ? "true" : "false",
              static_cast<unsigned long long>(tests), seconds, static_cast<unsigned long long>(discards));
  std::fflush(stdout);
}

/// Runs a runner's body; a name no workload knows (a mutant, a property)
/// is a usage error, exit 2, not an uncaught exception.
template <class Body>
int usage_errors_exit_2(const char* program, Body body) {
  try {
    return body();
  } catch (const std::invalid_argument& e) {
    std::fprintf(stderr, "%s: %s\n", program, e.what());
    return 2;
  }
}

/// The line `RUNNER list WORKLOAD` prints: the workload's mutants and
/// properties as its code names them, for etna.py --discover.
inline void print_names(const std::vector<std::string>& mutants, const std::vector<std::string>& properties) {
  auto quoted = [](const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "\"" : ", \"") + n + "\"";
    return "[" + out + "]";
  };
  std::printf("{\"mutants\": %s, \"properties\": %s}\n", quoted(mutants).c_str(), quoted(properties).c_str());
}

}  // namespace pbt
