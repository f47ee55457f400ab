#include "testgen/engine.h"

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <set>
#include <unordered_map>

#include "testgen/interrupt.h"
#include "testgen/mutation.h"
#include "testgen/novelty.h"
#include "testgen/rng.h"

namespace testgen {
namespace {

using Clock = std::chrono::steady_clock;

RunResult run_guarded(Target& target, const Cursor& at) {
  try {
    return target.run(at);
  } catch (const Error&) {
    throw;  // a generator bug, a full disk, a runner that cannot be used: not a finding, stop and say so
  } catch (const std::exception& e) {
    RunResult r;
    r.verdict = Verdict::kFail;
    r.signature = fmt::format("exception: {}", e.what());
    r.detail = r.signature;
    return r;
  }
}

}  // namespace

std::vector<RunResult> Target::run_batch(std::span<const Cursor> inputs) {
  std::vector<RunResult> out;
  out.reserve(inputs.size());
  for (const Cursor& at : inputs) out.push_back(run_guarded(*this, at));
  return out;
}

std::string_view verdict_name(Verdict v) {
  switch (v) {
    case Verdict::kPass: return "pass";
    case Verdict::kFail: return "fail";
    case Verdict::kDiscard: return "discard";
  }
  return "?";
}

std::pair<RunResult, ChoiceTree> replay(Target& target, const ChoiceTree& tree, int size) {
  ChoiceTree copy = tree;
  Source source(copy, SourceOptions{.seed = 0, .size = size, .fill = Fill::kSimplest});
  RunResult result = run_guarded(target, source.root());
  source.finish();
  return {std::move(result), copy.forced_only()};
}

std::string describe(Target& target, const ChoiceTree& tree, int size) {
  ChoiceTree copy = tree;
  Source source(copy, SourceOptions{.seed = 0, .size = size, .fill = Fill::kSimplest});
  return target.describe(source.root());
}

std::vector<std::pair<RunResult, ChoiceTree>> replay_batch(Target& target, std::span<const ChoiceTree> trees, int size) {
  std::vector<ChoiceTree> copies(trees.begin(), trees.end());
  std::vector<std::unique_ptr<Source>> sources;
  std::vector<Cursor> cursors;
  for (ChoiceTree& copy : copies) {
    sources.push_back(std::make_unique<Source>(copy, SourceOptions{.seed = 0, .size = size, .fill = Fill::kSimplest}));
    cursors.push_back(sources.back()->root());
  }
  std::vector<RunResult> results;
  try {
    results = target.run_until_failure(cursors);
  } catch (const Error&) {
    throw;
  } catch (const std::exception&) {
    results.clear();  // one by one below, so each tree gets its own verdict
  }
  if (results.empty() || results.size() > copies.size()) {
    results.clear();
    for (const Cursor& at : cursors) results.push_back(run_guarded(target, at));
  }
  std::vector<std::pair<RunResult, ChoiceTree>> out;
  for (size_t i = 0; i < results.size(); ++i) {
    sources[i]->finish();
    out.emplace_back(std::move(results[i]), copies[i].forced_only());
  }
  return out;
}

ShrinkResult minimize(Target& target, const ChoiceTree& failing, const std::string& signature,
                      int size, ShrinkOptions options, size_t lookahead, size_t max_rounds) {
  auto same_failure = [&](RunResult& result, ChoiceTree& forced) -> std::optional<ChoiceTree> {
    if (result.verdict == Verdict::kFail && result.signature == signature) return std::move(forced);
    return std::nullopt;
  };
  if (lookahead <= 1) {
    ShrinkOracle oracle = [&](const ChoiceTree& candidate) -> std::optional<ChoiceTree> {
      auto [result, forced] = replay(target, candidate, size);
      return same_failure(result, forced);
    };
    if (max_rounds < options.max_calls) options.max_calls = max_rounds;
    return shrink(failing, oracle, options);
  }
  BatchShrinkOracle oracle = [&](std::span<const ChoiceTree> candidates) {
    std::vector<std::optional<ChoiceTree>> answers;
    for (auto& [result, forced] : replay_batch(target, candidates, size)) answers.push_back(same_failure(result, forced));
    return answers;
  };
  return shrink_batched(failing, oracle, lookahead, max_rounds, options);
}

struct Engine::Impl {
  // A finding whose reduction is under way (or waiting for its turn).
  struct Reduction {
    size_t finding;  // index in report.findings
    ChoiceTree tree;  // the simplest failing tree so far (forced)
    RunResult found;  // the run that found it
    std::optional<size_t> parent;
    std::vector<std::string> mutations;
    size_t gain = 0;
    std::string stable;
    double seconds = 0;  // spent reducing it
    bool started = false;
    size_t resume_at = 0;  // the shrink pass the next slice starts in
    std::shared_ptr<std::unordered_set<uint64_t>> rejected = std::make_shared<std::unordered_set<uint64_t>>();
  };

  struct Entry {
    ChoiceTree tree;
    FeatureSet features;
    std::string id;
  };

  Target& target;
  EngineOptions opt;
  Rng rng;
  AdaptiveModel model;
  NoveltyTrie trie;
  GlobalCoverage global;
  std::vector<Entry> queue;
  std::unordered_map<Feature, uint64_t> queue_frequency;
  std::vector<double> parent_weights;  // cumulative, for picks by binary search
  size_t weights_computed_at = 0;  // queue size when weights were last recomputed
  std::set<std::string> known_signatures;
  EngineReport report;
  std::vector<Reduction> reductions;  // findings not yet fully reduced
  std::unordered_set<std::string> families_taken;  // signature families a reduction was begun for
  std::deque<ChoiceTree> imported;  // peers' inputs waiting for their run (import_inputs)
  uint64_t batches_run = 0, reduce_calls = 0;
  Clock::time_point start = Clock::now();

  Impl(Target& t, EngineOptions o) : target(t), opt(std::move(o)), rng(opt.seed), model(opt.adaptive) {}

  double elapsed() const { return std::chrono::duration<double>(Clock::now() - start).count(); }

  void resume() {
    if (!opt.store) return;
    for (StoredCase& c : opt.store->load()) {
      ++report.resumed_cases;
      global.merge(c.features);
      if (c.rejected) {
        known_signatures.insert(c.signature);
      } else {
        enqueue(Entry{std::move(c.tree), std::move(c.features), std::move(c.id)});
      }
    }
  }

  void enqueue(Entry entry) {
    for (Feature f : entry.features) ++queue_frequency[f];
    queue.push_back(std::move(entry));
    // Recomputing every weight on every keep would be quadratic in the queue:
    // a new entry gets its weight now, the rest when the queue has grown by an eighth.
    if (queue.size() >= weights_computed_at + 8 + weights_computed_at / 8) {
      recompute_weights();
    } else {
      const double before = parent_weights.empty() ? 0.0 : parent_weights.back();
      parent_weights.push_back(before + rarity(queue.back()));
    }
  }

  // Parents that hold rare features are picked more often (sum of 1/frequency).
  double rarity(const Entry& e) {
    double w = 1e-3;  // a case without features can still be picked
    for (Feature f : e.features)
      w += (opt.feature_weight ? opt.feature_weight(f) : 1.0) / static_cast<double>(queue_frequency[f]);
    return w;
  }

  void recompute_weights() {
    parent_weights.resize(queue.size());
    double total = 0;
    for (size_t i = 0; i < queue.size(); ++i) parent_weights[i] = total += rarity(queue[i]);
    weights_computed_at = queue.size();
  }

  size_t pick_parent() {
    const double r = rng.unit() * parent_weights.back();
    auto it = std::upper_bound(parent_weights.begin(), parent_weights.end(), r);
    return std::min(static_cast<size_t>(it - parent_weights.begin()), queue.size() - 1);
  }

  // Values the coverage sources saw compared (trace-cmp), if any.
  std::span<const int64_t> hints() const {
    for (CoverageSource* s : opt.coverage_sources)
      if (!s->hints().empty()) return s->hints();
    return {};
  }

  // One in four mutations sets an integer to a compared value, when there are any.
  bool mutate_by_hint(ChoiceTree& tree, std::vector<std::string>& log) {
    const std::span<const int64_t> known = opt.use_hints ? hints() : std::span<const int64_t>{};
    if (known.empty() || !rng.chance(0.25)) return false;
    std::vector<NodePath> integers;
    for (const NodePath& p : tree.decision_paths(true))
      if (tree.find(p)->kind == ChoiceKind::kInteger) integers.push_back(p);
    if (integers.empty()) return false;
    const NodePath& path = integers[rng.below(integers.size())];
    if (!use_hint(tree, path, known, rng)) return false;
    log.push_back(fmt::format("hint {} = {}", path_to_string(path), tree.find(path)->value));
    return true;
  }

  // A donor for `parent`'s crossover: of a few weighted draws, the one
  // whose features the parent lacks are rarest (ties: the first drawn).
  size_t donor_for(size_t parent) {
    size_t best = pick_parent();
    double best_gain = -1;
    for (int draw = 0; draw < 4; ++draw) {
      const size_t d = draw == 0 ? best : pick_parent();
      if (d == parent) continue;
      double gain = 0;
      for (Feature f : queue[d].features)
        if (!queue[parent].features.contains(f))
          gain += (opt.feature_weight ? opt.feature_weight(f) : 1.0) / static_cast<double>(queue_frequency[f]);
      if (gain > best_gain) {
        best_gain = gain;
        best = d;
      }
    }
    return best;
  }

  void mutate(ChoiceTree& tree, std::vector<std::string>& log, size_t parent) {
    const auto registered = mutators();
    std::vector<const Mutator*> table;
    for (const Mutator& m : registered) table.push_back(&m);
    if (opt.crossover) table.push_back(&crossover_mutator());
    const size_t count = rng.below(4) == 0 ? 2 + rng.below(3) : 1;
    for (size_t i = 0; i < count; ++i) {
      if (mutate_by_hint(tree, log)) continue;
      for (int attempt = 0; attempt < 4; ++attempt) {
        const Mutator& m = *table[rng.below(table.size())];
        const ChoiceTree* donor = queue.empty()                       ? nullptr
                                  : m.name == crossover_mutator().name ? &queue[donor_for(parent)].tree
                                                                       : &queue[rng.below(queue.size())].tree;
        if (auto what = m.apply(tree, donor, rng)) {
          log.push_back(*what);
          break;
        }
      }
    }
  }

  // One generated input waiting for its run.
  struct Pending {
    ChoiceTree tree;
    std::optional<size_t> parent;
    std::vector<std::string> mutations;
    std::unique_ptr<Source> source;
  };

  std::vector<RunResult> run_pending(std::vector<Pending>& batch) {
    if (batch.size() == 1) {
      for (CoverageSource* s : opt.coverage_sources) s->begin_run();
      RunResult result = run_guarded(target, batch[0].source->root());
      for (CoverageSource* s : opt.coverage_sources) s->end_run(result.features);
      std::vector<RunResult> out;
      out.push_back(std::move(result));
      return out;
    }
    std::vector<Cursor> cursors;
    for (Pending& p : batch) cursors.push_back(p.source->root());
    try {
      std::vector<RunResult> out = target.run_batch(cursors);
      if (out.size() == batch.size()) return out;
    } catch (const Error&) {
      throw;
    } catch (const std::exception&) {
      // fall through: one by one, so each input gets its own verdict
    }
    std::vector<RunResult> out;
    for (Pending& p : batch) out.push_back(run_guarded(target, p.source->root()));
    return out;
  }

  // Runs a case again; "" when rechecks are off.
  std::string stability(const ChoiceTree& forced, const RunResult& first) {
    if (!opt.recheck) return "";
    auto [again, unused] = replay(target, forced, opt.size);
    ++report.rechecks;
    if (again.verdict != first.verdict || again.signature != first.signature) {
      ++report.flaky_verdicts;
      return "flaky-verdict";
    }
    if (again.features.items() != first.features.items()) {
      ++report.flaky_coverage;
      return "flaky-coverage";
    }
    return "stable";
  }

  // What the store keeps of a run (a finding: as found, or reduced).
  CaseRecord record_of(const ChoiceTree& tree, const RunResult& result, std::string value_text,
                       std::optional<size_t> parent, const std::vector<std::string>& mutations, size_t gain,
                       const std::string& stable, bool rejected) {
    return CaseRecord{.target = target.name(),
                      .spec = target.spec(),
                      .rejected = rejected,
                      .tree = tree,
                      .result = result,
                      .value_text = std::move(value_text),
                      .parent = parent ? std::optional(queue[*parent].id) : std::nullopt,
                      .mutations = mutations,
                      .new_features = gain,
                      .run_index = report.runs,
                      .size = opt.size,
                      .stability = stable};
  }

  void keep(const ChoiceTree& forced, RunResult& result, size_t gain, std::optional<size_t> parent,
            std::vector<std::string>& mutations) {
    const std::string stable = stability(forced, result);
    if (stable == "flaky-verdict" && !opt.report_flaky) return;
    global.merge(result.features);
    ++report.kept;
    std::string id;
    if (opt.store) {
      id = opt.store->save(record_of(forced, result, describe(target, forced, opt.size), parent, mutations, gain,
                                     stable, false));
      opt.store->save_coverage(global, false);
    }
    enqueue(Entry{forced, std::move(result.features), std::move(id)});
  }

  void handle_failure(const ChoiceTree& forced, RunResult& result, size_t gain,
                      std::optional<size_t> parent, std::vector<std::string>& mutations) {
    global.merge(result.features);
    if (result.signature.empty()) result.signature = "fail";
    if (opt.is_known_failure && opt.is_known_failure(result.signature)) {
      ++report.known[result.signature];
      return;
    }
    if (known_signatures.count(result.signature)) return;
    const std::string stable = stability(forced, result);
    if (stable == "flaky-verdict" && !opt.report_flaky) return;  // not a finding until it repeats
    known_signatures.insert(result.signature);
    Finding finding;
    finding.signature = result.signature;
    finding.found_at_run = report.runs;
    finding.found_at_seconds = elapsed();
    finding.original = forced;
    finding.original_text = describe(target, forced, opt.size);
    finding.tree = forced;
    finding.value_text = finding.original_text;
    finding.detail = result.detail;
    if (opt.store) {
      // Saved as found before the reduction (which may take hundreds of
      // runs): a run killed meanwhile keeps the finding, unreduced.
      CaseRecord found = record_of(forced, result, finding.original_text, parent, mutations, gain, stable, true);
      found.reduced = false;
      finding.case_id = opt.store->save(found);
      opt.store->save_coverage(global, false);
    }
    report.findings.push_back(std::move(finding));
    if (!opt.shrink) {
      if (opt.on_finding) opt.on_finding(report.findings.back());
      return;
    }
    reductions.push_back(Reduction{.finding = report.findings.size() - 1, .tree = forced, .found = result,
                                   .parent = parent, .mutations = mutations, .gain = gain, .stable = stable});
    if (opt.reduction_share >= 1) reduce_to_the_end(reductions.back());
  }

  // Seconds a reduction may still take: its own limit, and the run's
  // (a finding found at the very end keeps a little time to shrink, and
  // `testgen minimize` can go on).
  double reduction_seconds_left(const Reduction& r) const {
    double left = 0;  // none
    if (opt.max_seconds > 0) left = std::max(opt.max_seconds - elapsed(), 0.05 * opt.max_seconds);
    if (opt.shrinking.max_seconds > 0) {
      const double own = std::max(opt.shrinking.max_seconds - r.seconds, 1e-3);
      left = left > 0 ? std::min(left, own) : own;
    }
    return left;
  }

  // Runs up to `calls` shrink steps on `r`; true when its reduction ended
  // (a minimum, or its budget of calls or time).
  bool reduce_slice(Reduction& r, size_t calls) {
    Finding& finding = report.findings[r.finding];
    const size_t calls_left = opt.shrinking.max_calls > finding.shrink_calls ? opt.shrinking.max_calls - finding.shrink_calls : 0;
    ShrinkOptions slice{.max_calls = std::min(calls, calls_left),
                        .max_seconds = reduction_seconds_left(r),
                        .start_verified = r.started,
                        .first_pass = r.resume_at,
                        .rejected = r.rejected.get()};
    const Clock::time_point begun = Clock::now();
    // A slice is `calls` target calls: batches of candidates, where the target runs them together.
    const size_t lookahead = target.shrink_lookahead(r.found);
    if (lookahead > 1) slice.max_calls = calls_left;
    ShrinkResult shrunk = minimize(target, r.tree, finding.signature, opt.size, slice, lookahead, calls);
    r.started = true;
    r.seconds += std::chrono::duration<double>(Clock::now() - begun).count();
    r.tree = std::move(shrunk.tree);
    r.resume_at = shrunk.resume_at;
    finding.shrink_calls += shrunk.calls;
    finding.shrink_rounds += shrunk.rounds;
    reduce_calls += shrunk.rounds;
    if (finding.shrink_log.empty()) finding.shrink_log = std::move(shrunk.passes);
    else
      for (size_t i = 0; i < shrunk.passes.size() && i < finding.shrink_log.size(); ++i) {
        finding.shrink_log[i].attempts += shrunk.passes[i].attempts;
        finding.shrink_log[i].successes += shrunk.passes[i].successes;
      }
    if (interrupted()) return false;
    if (!shrunk.budget_spent) return true;  // no step helps any more: a minimum
    const bool own_time_spent = opt.shrinking.max_seconds > 0 && r.seconds >= opt.shrinking.max_seconds;
    if (finding.shrink_calls >= opt.shrinking.max_calls || own_time_spent) {
      finding.shrink_budget_spent = true;
      return true;
    }
    // The slice ended, or the run's time did: not finished either way.
    return false;
  }

  void reduce_to_the_end(Reduction& r) {
    if (reduce_slice(r, opt.shrinking.max_calls)) finish(r);
  }

  // The reduction of `r` ended, or was cut off (`complete` false) after it
  // made some progress: replay it, keep its reduced form, tell the front.
  void finish(Reduction& r, bool complete = true) {
    Finding& finding = report.findings[r.finding];
    finding.reduction_finished = complete;
    auto [final_result, final_tree] = replay(target, r.tree, opt.size);
    finding.tree = std::move(final_tree);
    finding.detail = final_result.detail;
    finding.value_text = describe(target, finding.tree, opt.size);
    // A reduced case replaces the one saved as found; one the reduction
    // could not replay the same way (a flaky target) stays as found.
    if (opt.store && final_result.verdict == Verdict::kFail && final_result.signature == finding.signature) {
      CaseRecord record = record_of(finding.tree, final_result, finding.value_text, r.parent, r.mutations, r.gain,
                                    r.stable, true);
      record.reduced = complete;
      record.original = finding.original;
      record.shrink_log = finding.shrink_log;
      opt.store->replace(finding.case_id, record);
    }
    // `r` is an element of `reductions`: read it before it is erased.
    const size_t index = r.finding;
    std::erase_if(reductions, [&](const Reduction& other) { return other.finding == index; });
    if (opt.on_finding) opt.on_finding(report.findings[index]);
  }

  // The finding reduced next: one already started, to its end, so that
  // findings end reduced one after the other instead of all staying half
  // done; else the earliest found of a signature family none of whose
  // findings was taken yet; else the earliest found.
  Reduction& next_reduction() {
    for (Reduction& r : reductions)
      if (r.started) return r;
    Reduction* pick = &reductions.front();
    for (Reduction& r : reductions)
      if (!families_taken.contains(target.signature_family(report.findings[r.finding].signature))) {
        pick = &r;
        break;
      }
    families_taken.insert(target.signature_family(report.findings[pick->finding].signature));
    return *pick;
  }

  // Between batches: reduce while reduction's share of the calls is below
  // reduction_share (exploration batches and shrink steps are one call each).
  void reduce_in_turn() {
    const double share = opt.reduction_share;
    if (share <= 0 || share >= 1) return;  // none, or each was reduced when found
    while (!reductions.empty() && !interrupted() && budget_left_in_time() &&
           static_cast<double>(reduce_calls) < share / (1 - share) * static_cast<double>(batches_run)) {
      Reduction& r = next_reduction();
      if (reduce_slice(r, std::max<size_t>(1, opt.reduction_slice))) finish(r);
    }
  }

  // After exploration: what is still being reduced goes on while time is
  // left; what is cut off is told as it stands.
  void reduce_the_rest() {
    while (!reductions.empty() && !interrupted() && budget_left_in_time()) {
      Reduction& r = next_reduction();
      if (reduce_slice(r, opt.shrinking.max_calls)) finish(r);
    }
    // Cut off by the time limit: one more run each keeps what the reduction
    // got to (not after an interrupt, which asks to stop now).
    while (!reductions.empty()) {
      Reduction& r = reductions.front();
      Finding& finding = report.findings[r.finding];
      if (!interrupted() && finding.shrink_calls > 0) {
        finish(r, false);
        continue;
      }
      finding.tree = r.tree;
      finding.value_text = describe(target, r.tree, opt.size);
      if (opt.on_finding) opt.on_finding(finding);
      reductions.erase(reductions.begin());
    }
  }

  Progress progress_now() const {
    return Progress{report.runs, report.kept, report.findings.size(), global.size(), elapsed()};
  }

  void progress() {
    if (opt.on_progress) opt.on_progress(progress_now());
  }

  bool budget_left_in_time() const { return opt.max_seconds <= 0 || elapsed() < opt.max_seconds; }

  bool budget_left() const {
    if (report.runs >= opt.max_runs || interrupted()) return false;
    return budget_left_in_time();
  }

  void import_from_peers() {
    if (!opt.import_inputs) return;
    for (ChoiceTree& t : opt.import_inputs()) imported.push_back(std::move(t));
  }

  EngineReport run() {
    resume();
    import_from_peers();
    const size_t batch_size =
        opt.coverage_sources.empty() && !opt.propose ? std::max<size_t>(1, opt.batch) : 1;
    bool stop = false;
    while (!stop && budget_left()) {
      std::vector<Pending> batch;
      batch.reserve(batch_size);  // a Source refers to its Pending's tree: no reallocation
      while (batch.size() < batch_size && report.runs + batch.size() < opt.max_runs) {
        if (opt.novelty && trie.exhausted()) {
          report.exhausted = true;
          break;
        }
        std::optional<ChoiceTree> proposal;
        if (opt.propose && !(proposal = opt.propose())) {
          stop = true;
          break;
        }
        Pending& p = batch.emplace_back();
        if (proposal) {
          p.tree = std::move(*proposal);
        } else if (!imported.empty()) {
          p.tree = std::move(imported.front());
          imported.pop_front();
          p.mutations.push_back("imported from a peer (--sync-dir)");
        } else if (!queue.empty() && rng.chance(opt.mutate_ratio)) {
          p.parent = pick_parent();
          p.tree = queue[*p.parent].tree;
          mutate(p.tree, p.mutations, *p.parent);
        }
        p.source = std::make_unique<Source>(p.tree, SourceOptions{.seed = rng.next(),
                                                                  .size = opt.size,
                                                                  .fill = Fill::kRandom,
                                                                  .model = opt.adapt ? &model : nullptr,
                                                                  .novelty = opt.novelty ? &trie : nullptr});
      }
      if (batch.empty()) break;
      std::vector<RunResult> results = run_pending(batch);
      ++batches_run;
      // Runs cut short by SIGINT/SIGTERM (their children killed) are no
      // verdicts: dropped, and the summary so far is reported.
      if (interrupted()) break;
      for (size_t i = 0; i < batch.size(); ++i) {  // all of it ran: count and learn from all
        Pending& p = batch[i];
        RunResult& result = results[i];
        const bool novel = p.source->finish();
        ++report.runs;
        report.duplicates += !novel;
        const bool discarded = result.verdict == Verdict::kDiscard;
        const size_t gain = discarded && !opt.keep_discards ? 0 : global.count_new(result.features);
        if (opt.adapt)
          model.learn(p.source->decisions(), discarded && gain == 0 ? opt.discard_gain : static_cast<double>(gain));
        const ChoiceTree forced = p.tree.forced_only();
        if (discarded) {
          ++report.discards;
          if (gain > 0) keep(forced, result, gain, p.parent, p.mutations);
        } else if (result.verdict == Verdict::kFail) {
          handle_failure(forced, result, gain, p.parent, p.mutations);
          stop = stop || (opt.stop_on_failure && !report.findings.empty());
        } else if (gain > 0) {
          keep(forced, result, gain, p.parent, p.mutations);
        }
        if (opt.progress_every > 0 && report.runs % opt.progress_every == 0) progress();
      }
      stop = stop || (opt.done && opt.done());
      reduce_in_turn();
      import_from_peers();
      if (opt.store) opt.store->note_progress(target.name(), progress_now(), false);
    }
    reduce_the_rest();
    if (opt.store) opt.store->save_coverage(global, true);
    report.seconds = elapsed();
    report.features = global.size();
    if (opt.store) opt.store->note_progress(target.name(), progress_now(), true);
    progress();
    return std::move(report);
  }
};

Engine::Engine(Target& target, EngineOptions options)
    : impl_(std::make_unique<Impl>(target, std::move(options))) {}
Engine::~Engine() = default;
EngineReport Engine::run() { return impl_->run(); }

}  // namespace testgen
