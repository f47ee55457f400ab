#include "scenario_flags.h"

#include "common_options.h"
#include "runner_discovery.h"

namespace testgen::cli {

void add_scenario_flags(CLI::App& app, scenario::ScenarioParams& p, ScenarioFlags& f) {
  app.add_option("--schedule", f.schedule, "coverage (default) or uniform-seeds")
      ->check(CLI::IsMember({"coverage", "uniform-seeds"}));
  app.add_option("--max-mutations", p.max_mutations, "mutations per scenario, at most")
      ->capture_default_str()
      ->check(count_in(0, 100));
  app.add_option("--schema", p.schema_file, "TOML: frozen paths, [ranges], [enums]")->check(CLI::ExistingFile);
  app.add_flag("--use-trace-signature", p.trace_signature, "a trace's kind-sequence hash counts as coverage too");
  app.add_option("--max-log-bytes", p.max_log_bytes, "each runner log a kept case copies is cut at this size")
      ->capture_default_str()
      ->check(count_in(1, 1e12));
  app.add_option("--runner-timeout", f.runner_timeout, "seconds one run may take")
      ->capture_default_str()
      ->check(number_in(0.001, 86400));
}

scenario::Runner runner_for(const FrontOptions& g, const ScenarioFlags& f) {
  scenario::Runner runner = scenario::find_runner(g);
  runner.timeout = std::chrono::milliseconds(static_cast<int64_t>(f.runner_timeout * 1000));
  return runner;
}

}  // namespace testgen::cli
