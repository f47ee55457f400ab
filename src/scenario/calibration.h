#pragma once
// Calibration: when a campaign's goal coverpoints are not all met, climb
// the runner's closeness to them one knob at a time. A knob is one more
// typed mutation on top of the best case so far (a flip, an enum value, a
// boundary, a scale or a step of one value, deleting or duplicating one
// array element); the knobs are tried in a shuffled order, the first that
// raises the score becomes the new best (first-improvement hill climbing),
// and the climb ends when no knob helps. A full mutation list is first made
// room in: a mutation whose removal keeps the score is dropped.
//
// Candidates are choice trees (the best case's tree with the list one
// longer and the new element's decisions set), so the engine runs, keeps,
// reports and shrinks them like any other input, and they replay.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mutation.h"
#include "testgen/choice_tree.h"
#include "testgen/rng.h"

namespace testgen::scenario {

class Calibration {
 public:
  Calibration(std::shared_ptr<const MutationContext> context, int64_t max_mutations, std::vector<size_t> seed_filter,
              uint64_t seed, size_t patience = 100);

  /// Starts the climb at `tree`, whose score is `score`.
  void start(const ChoiceTree& tree, double score);
  /// The score of the candidate last returned by next().
  void observe(double score);
  /// The next candidate, or nullopt when no knob is left to try, or
  /// `patience` knobs in a row did not help (a climb stuck on a plateau).
  std::optional<ChoiceTree> next();

  double best_score() const { return best_score_; }
  /// The knobs that raised the score, in order: "flip storage.sync_votes: true -> false (0.40 -> 0.60)".
  const std::vector<std::string>& climbed() const { return climbed_; }

 private:
  void enumerate();  // the knobs of the current best
  MutatedScenario scenario_of(const ChoiceTree& tree) const;

  std::shared_ptr<const MutationContext> context_;
  int64_t max_mutations_;
  Gen<MutatedScenario> gen_;
  Rng rng_;
  ChoiceTree best_;
  double best_score_ = 0;
  struct Knob {
    ChoiceTree tree;
    bool removal = false;  // drops a mutation: accepted if the score holds
    int rank = 0;          // tried in increasing rank
  };
  static int rank_of(const std::vector<int64_t>& decisions);
  std::vector<Knob> knobs_;
  std::optional<Knob> pending_;  // returned by next(), not yet observed
  std::vector<std::string> climbed_;
  size_t patience_, since_improvement_ = 0;
};

}  // namespace testgen::scenario
