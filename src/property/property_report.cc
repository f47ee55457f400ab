// PropertyReport::report(): a failure as a person reads it. Counterexample
// first (it is what they came for), then how it was reduced, then how to get
// it back.
#include <fmt/format.h>

#include "testgen/property.h"

namespace testgen {
namespace {

std::string indented(const std::string& text, std::string_view prefix) {
  std::string out;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = text.find('\n', start);
    out += fmt::format("{}{}\n", prefix, text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

std::string shrink_summary(const PropertyReport& r) {
  std::string passes;
  for (const ShrinkPassStats& p : r.shrink_log) {
    if (p.successes == 0) continue;
    passes += fmt::format("{}{} {}/{}", passes.empty() ? "" : ", ", p.pass, p.successes, p.attempts);
  }
  if (r.shrink_calls == 0) return "not shrunk";
  return fmt::format("shrunk in {} replays{}{}", r.shrink_calls, passes.empty() ? "" : ": " + passes,
                     r.shrink_budget_spent ? " (budget spent: it may shrink further)" : "");
}

}  // namespace

std::string PropertyReport::report() const {
  const std::string mode = !fuzzing         ? "test mode"
                           : shard.sharded() ? fmt::format("fuzzing mode, shard {}/{}", shard.index, shard.count)
                                             : "fuzzing mode";
  if (passed)
    return fmt::format("property {} passed: {} inputs ({} discarded), seed {}, {}, {:.2f} s\n", name, runs,
                       discards, seed, mode, seconds);
  std::string out;
  if (found_by == "database")
    out += fmt::format("property {} failed on an input kept from an earlier run (the failure database)\n", name);
  else if (found_by == "replay")
    out += fmt::format("property {} failed on the input of TESTGEN_REPLAY\n", name);
  else
    out += fmt::format("property {} failed after {} inputs (seed {}, {})\n", name, found_at_run, seed, mode);
  out += "  failure: " + signature + "\n";
  if (!message.empty() && message != signature) out += indented(message, "    ");
  out += fmt::format("  counterexample ({}):\n", shrink_summary(*this));
  out += indented(counterexample, "    ");
  if (!original.empty() && original != counterexample) {
    out += "  first found as:\n";
    out += indented(original, "    ");
  }
  out += "  replay this input: " + replay + "\n";
  return out;
}

}  // namespace testgen
