#include "scenario_case.h"

#include <fmt/format.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <set>

#include "cli_support.h"
#include "exit_codes.h"
#include "minimize.h"
#include "scenario_target.h"
#include "testgen/corpus.h"

namespace testgen::cli {
namespace fs = std::filesystem;
using nlohmann::json;
namespace {

// The corpus a case sits in: ROOT/accepted/ID or ROOT/rejected/ID.
fs::path corpus_of(const fs::path& dir) { return fs::absolute(dir).lexically_normal().parent_path().parent_path(); }

std::vector<scenario::Mutation> read_mutations(const fs::path& dir) {
  const fs::path file = dir / "mutations.json";
  const json j = json::parse(read_file(file), nullptr, false);
  if (!j.is_array()) throw CorpusError(fmt::format("{}: not a list of mutations", file.string()));
  std::vector<scenario::Mutation> out;
  for (const json& m : j) {
    if (!m.is_object()) throw CorpusError(fmt::format("{}: a mutation must be an object", file.string()));
    out.push_back({m.value("op", ""), m.value("path", ""), m.value("from", ""), m.value("to", "")});
  }
  return out;
}

// Scratch under the case's corpus, removed on every way out.
struct Scratch {
  fs::path dir;
  explicit Scratch(const fs::path& root) : dir(root / "_work" / fmt::format("case-{}", ::getpid())) {}
  ~Scratch() {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
};

}  // namespace

int replay_scenario_case(const fs::path& dir, const ScenarioArgs& g, bool quiet) {
  const CaseInfo info = Corpus::read_case(dir);
  const toml::table config = scenario::load_scenario(dir / "config.toml");
  const scenario::Runner runner = find_runner(g);
  SubprocessRunner processes;
  Scratch scratch(corpus_of(dir));
  scenario::ConfigRun run = scenario::run_config(processes, runner, scratch.dir, config);
  const std::string outcome = scenario::outcome_signature(run.outcome);
  const bool fails = run.outcome.status == scenario::RunStatus::kReject || run.outcome.status == scenario::RunStatus::kError;
  const bool same = fails && outcome == info.signature;
  if (!quiet) {
    fmt::print(stderr, "testgen: replay {} ({}) with {}\n", info.id, (dir / "config.toml").string(), runner.description);
    if (fails)
      fmt::print(stderr, "  still fails: {}{}\n", outcome, same ? "" : " (a different signature than recorded)");
    else
      fmt::print(stderr, "  {}\n", info.rejected ? "passes now: the failure is gone" : outcome);
  }
  const json out = {{"case_id", info.id},
                    {"front", info.front},
                    {"runner", runner.description},
                    {"recorded_status", info.rejected ? "rejected" : "accepted"},
                    {"status", scenario::status_name(run.outcome.status)},
                    {"verdict", fails ? "fail" : run.outcome.status == scenario::RunStatus::kInvalid ? "discard" : "pass"},
                    {"signature", fails ? outcome : ""},
                    {"same_signature", same},
                    {"coverage", run.outcome.summary ? json(run.outcome.summary->coverage) : json::array()}};
  fmt::print("{}\n", out.dump(2));
  return fails ? kExitFinding : kExitOk;
}

int minimize_scenario_case(const fs::path& dir, const ScenarioArgs& g, size_t max_iters, bool quiet) {
  const CaseInfo info = Corpus::read_case(dir);
  if (!info.rejected) return fail(kExitBadInput, fmt::format("{}: an accepted case; only rejected ones minimize", dir.string()));
  const json c = json::parse(read_file(dir / "case.json"));
  const std::string seed_name = c.contains("labels") ? c["labels"].value("seed", "") : "";
  const fs::path root = corpus_of(dir);
  if (seed_name.empty() || !fs::exists(root / "seeds" / seed_name))
    return fail(kExitBadInput, fmt::format("{}: its seed '{}' is not in {}/seeds", dir.string(), seed_name, root.string()));
  const toml::table seed = scenario::load_scenario(root / "seeds" / seed_name);
  const std::vector<scenario::Mutation> mutations = read_mutations(dir);

  const scenario::Runner runner = find_runner(g);
  SubprocessRunner processes;
  Scratch scratch(root);
  auto run = [&](const toml::table& config) {
    scenario::ConfigRun r = scenario::run_config(processes, runner, scratch.dir, config);
    fs::remove_all(r.dir);
    return scenario::outcome_signature(r.outcome);
  };
  scenario::MinimizeResult result =
      scenario::minimize_scenario(seed, mutations, info.signature, run, {.max_iters = max_iters});
  if (result.tries.empty() || !result.tries.front().kept)
    return fail(kExitBadInput, fmt::format("{}: its mutations applied to {} no longer fail with '{}' (they give: {})",
                                           dir.string(), seed_name, info.signature,
                                           result.tries.empty() ? "nothing" : result.tries.front().outcome));

  const bool reduced = result.mutations.size() < mutations.size() ||
                       scenario::canonical_toml(result.config) != scenario::canonical_toml(scenario::apply_mutations(seed, mutations));
  json log = json::array();
  for (const scenario::MinimizeTry& t : result.tries)
    log.push_back({{"phase", t.phase}, {"change", t.change}, {"outcome", t.outcome}, {"cached", t.cached}, {"kept", t.kept}});
  // The minimized config once more, for its logs and summary; then the case is rewritten file by file.
  scenario::ConfigRun final_run = scenario::run_config(processes, runner, scratch.dir, result.config);
  if (scenario::outcome_signature(final_run.outcome) != info.signature)
    return fail(kExitBadInput, fmt::format("{}: the minimized config did not fail the same way when run again "
                                           "(nondeterministic runner?); the case is left as it was", dir.string()));
  if (!fs::exists(dir / "config.orig.toml")) write_file_atomic(dir / "config.orig.toml", read_file(dir / "config.toml"));
  std::set<std::string> written;
  for (const Artifact& a : scenario::case_files(result.config, final_run.outcome, final_run.dir)) {
    fs::create_directories((dir / a.path).parent_path());
    write_file_atomic(dir / a.path, a.contents);
    written.insert(a.path);
  }
  for (const auto& e : fs::recursive_directory_iterator(dir / "logs"))  // logs the new run did not write
    if (e.is_regular_file() && !written.count("logs/" + fs::relative(e.path(), dir / "logs").string()))
      fs::remove(e.path());
  write_file_atomic(dir / "mutations.json", scenario::mutations_json(result.mutations).dump(2) + "\n");
  const json summary = {{"case_id", info.id},
                        {"signature", info.signature},
                        {"seed", seed_name},
                        {"mutations_before", mutations.size()},
                        {"mutations_after", result.mutations.size()},
                        {"mutations", scenario::mutations_json(result.mutations)},
                        {"reduced", reduced},
                        {"runs", result.runs},
                        {"cache_hits", result.cache_hits},
                        {"budget_spent", result.budget_spent},
                        {"tries", log}};
  write_file_atomic(dir / "minimize_log.json", summary.dump(2) + "\n");
  // Metadata follows the case: rewritten by the corpus from the case's files.
  fs::remove(root / "metadata" / (info.id + ".json"));
  Corpus refresh(root, "scenario");
  if (!quiet) {
    fmt::print(stderr, "testgen: minimize {}: {} runs ({} cached): {} of {} mutations kept\n", info.id, result.runs,
               result.cache_hits, result.mutations.size(), mutations.size());
    for (const scenario::Mutation& m : result.mutations)
      fmt::print(stderr, "  {} {}: {} -> {}\n", m.op, m.path, m.from, m.to);
  }
  json out = summary;
  out.erase("tries");
  out["case_dir"] = dir.string();
  fmt::print("{}\n", out.dump(2));
  return kExitOk;
}

}  // namespace testgen::cli
