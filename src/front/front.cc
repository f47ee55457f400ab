#include "front.h"

#include <limits>

#include <fmt/format.h>

namespace testgen {

uint64_t EngineBudget::run_limit() const {
  if (seconds > 0 && !runs_given) return std::numeric_limits<uint64_t>::max();
  return runs;
}

Shard EngineBudget::shard() const {
  if (shard_flag) return Shard::parse(*shard_flag, "--shard");
  return Shard::from_environment().value_or(Shard{});
}

std::unique_ptr<SyncDir> EngineBudget::open_sync() const {
  if (sync_dir.empty()) return nullptr;
  const Shard s = shard();
  return std::make_unique<SyncDir>(sync_dir, SyncDir::default_peer(s.index, s.sharded()), sync_seconds);
}

void EngineBudget::apply(EngineOptions& options) const {
  if (run_limit() > 0) options.max_runs = run_limit();
  options.max_seconds = seconds;
  options.seed = seed();
  options.shrink = shrink;
  if (shrink_calls > 0) options.shrinking.max_calls = shrink_calls;
  if (shrink_seconds > 0) options.shrinking.max_seconds = shrink_seconds;
}

nlohmann::json shard_json(const Shard& shard) {
  if (!shard.sharded()) return nullptr;
  return {{"index", shard.index}, {"count", shard.count}, {"from", shard.source}};
}

nlohmann::json sync_json(const SyncDir* sync) {
  if (!sync) return nullptr;
  return {{"dir", sync->dir().string()}, {"peer", sync->peer()}, {"published", sync->published()},
          {"imported", sync->imported()}};
}

std::optional<TargetSpec> Front::legacy_spec(const std::string&) const { return std::nullopt; }

std::unique_ptr<Target> Front::rebuild(const CaseInfo& stored, const FrontOptions& options) const {
  const std::filesystem::path file = stored.dir / "case.json";
  std::optional<TargetSpec> spec = stored.spec ? stored.spec : legacy_spec(stored.target);
  if (!spec)
    throw CorpusError(fmt::format("{}: no target_spec, and target '{}' is not one front {} can rebuild", file.string(),
                                  stored.target, name()));
  if (spec->front != name())
    throw CorpusError(fmt::format("{}: target_spec.front is '{}', but the case's front is '{}'", file.string(),
                                  spec->front, name()));
  return make_target(*spec, stored.dir, options);
}

ReplayReport Front::replay(const CaseInfo& stored, const FrontOptions& options) const {
  std::unique_ptr<Target> target = rebuild(stored, options);
  auto [result, ran] = testgen::replay(*target, Corpus::read_tree(stored.dir), stored.size);
  ReplayReport report;
  report.verdict = result.verdict;
  report.signature = result.verdict == Verdict::kFail ? result.signature : "";
  report.same_signature = result.verdict == Verdict::kFail && result.signature == stored.signature;
  report.value = describe(*target, ran, stored.size);
  report.detail = result.detail;
  return report;
}

MinimizeReport Front::minimize(const CaseInfo& stored, Corpus& corpus, const MinimizeRequest& request,
                               const FrontOptions& options) const {
  std::unique_ptr<Target> target = rebuild(stored, options);
  auto [before, ran] = testgen::replay(*target, Corpus::read_tree(stored.dir), stored.size);
  if (before.verdict != Verdict::kFail || before.signature != stored.signature)
    throw CorpusError(fmt::format("{}: the case does not fail with its signature any more ({}); nothing to minimize",
                                  stored.dir.string(), before.verdict == Verdict::kFail ? before.signature : "it passes"));
  MinimizeReport report;
  report.before = describe(*target, ran, stored.size);
  ShrinkResult shrunk = testgen::minimize(*target, ran, stored.signature, stored.size,
                                          {.max_calls = request.max_runs, .max_seconds = request.max_seconds},
                                          target->shrink_lookahead(before));
  auto [after, final_tree] = testgen::replay(*target, shrunk.tree, stored.size);
  report.runs = shrunk.calls;
  report.budget_spent = shrunk.budget_spent;
  report.reduced = final_tree.canonical() != ran.canonical() && after.verdict == Verdict::kFail &&
                   after.signature == stored.signature;
  report.after = report.reduced ? describe(*target, final_tree, stored.size) : report.before;
  if (report.reduced) {
    CaseRecord record{.target = stored.target, .spec = target->spec(), .rejected = true, .tree = final_tree,
                      .result = after, .value_text = report.after, .size = stored.size, .shrink_log = shrunk.passes};
    corpus.rewrite_case(stored.dir, record);
  }
  return report;
}

}  // namespace testgen
