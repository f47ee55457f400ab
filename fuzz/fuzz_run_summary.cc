// A runner's RunSummaryV1: whatever a runner prints is a summary or a
// RunnerError; never another exception (a finding made of our own error).
#include "fuzz_input.h"
#include "runner.h"
#include "scenario_target.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace testgen::scenario;
  try {
    const RunSummary s = parse_run_summary(testgen::fuzzing::text_of(data, size), "runner stdout");
    violation_signature(s);
    near_points(s);
    for (const std::string& c : s.coverage) closeness(s, c);
  } catch (const RunnerError&) {
  }
  return 0;
}
