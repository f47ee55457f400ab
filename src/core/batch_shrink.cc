// shrink_batched: the sequential shrinker, run again from its start each
// round over a memo of every answer so far. Where the memo has no answer,
// the candidate joins the round and the shrinker is told "does not fail",
// which is the path it takes unless that candidate fails, so the round
// holds exactly the candidates shrink() would ask next, in its order. The
// answers come back; the first failing one is the step shrink() takes.
//
// Starting over each round costs tree operations only (no oracle call),
// which is cheap against the builds a round saves.

#include <chrono>
#include <unordered_map>
#include <unordered_set>

#include "testgen/interrupt.h"
#include "testgen/shrinker.h"

namespace testgen {

ShrinkResult shrink_batched(const ChoiceTree& failing, const BatchShrinkOracle& oracle, size_t lookahead,
                            size_t max_rounds, ShrinkOptions options) {
  const auto begun = std::chrono::steady_clock::now();
  auto out_of_time = [&] {
    return options.max_seconds > 0 &&
           std::chrono::duration<double>(std::chrono::steady_clock::now() - begun).count() >= options.max_seconds;
  };
  // What the caller's memo held before: the walk skips those without a
  // call, as shrink() does. What the rounds learn is answered as a call.
  const std::unordered_set<uint64_t> rejected_before = options.rejected ? *options.rejected : std::unordered_set<uint64_t>{};
  std::unordered_set<uint64_t> rejected;                      // candidate hashes that did not fail so
  std::unordered_map<uint64_t, ChoiceTree> failed_as_before;  // candidate hash -> the tree it ran
  size_t rounds = 0;
  // The last walk's memo is what shrink()'s would be, less the guesses
  // it made about candidates no one has asked yet.
  auto told = [&](ShrinkResult walked, std::unordered_set<uint64_t>& memo, const std::unordered_set<uint64_t>& guessed) {
    if (options.rejected) {
      for (uint64_t key : guessed) memo.erase(key);
      *options.rejected = std::move(memo);
    }
    walked.rounds = rounds;
    return walked;
  };
  lookahead = std::max<size_t>(lookahead, 1);

  for (;;) {
    // The last walk may only use what is known: it stops at the first unknown candidate.
    const bool last_walk = rounds >= max_rounds || out_of_time() || interrupted();
    std::vector<ChoiceTree> round;
    std::unordered_set<uint64_t> in_round;
    ShrinkOptions walk = options;
    walk.max_seconds = 0;  // the walk itself asks no one: time is checked between rounds
    // A copy: the walk adds the candidates it is told do not fail, which are guesses.
    std::unordered_set<uint64_t> memo = rejected_before;
    walk.rejected = &memo;
    walk.halt = [&, wanted = last_walk ? size_t{1} : lookahead] {
      return round.size() >= wanted || (options.halt && options.halt());
    };
    const ShrinkOracle known = [&](const ChoiceTree& candidate) -> std::optional<ChoiceTree> {
      const uint64_t key = candidate.hash();
      if (auto it = failed_as_before.find(key); it != failed_as_before.end()) return it->second;
      if (!rejected.count(key) && in_round.insert(key).second) round.push_back(candidate);
      return std::nullopt;
    };
    ShrinkResult walked = shrink(failing, known, walk);
    if (round.empty() || last_walk) return told(std::move(walked), memo, in_round);
    std::vector<std::optional<ChoiceTree>> answers = oracle(round);
    ++rounds;
    // A prefix of the round may be answered (a run that ended at its first
    // failure): the rest is asked again in a later round.
    if (interrupted() || answers.empty() || answers.size() > round.size()) {
      max_rounds = rounds;  // the answers say nothing: the next walk is the last
      continue;
    }
    for (size_t i = 0; i < answers.size(); ++i) {
      const uint64_t key = round[i].hash();
      if (answers[i]) failed_as_before.emplace(key, std::move(*answers[i]));
      else rejected.insert(key);
    }
  }
}

}  // namespace testgen
