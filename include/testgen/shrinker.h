#pragma once
/// \file
/// The shrinker: reduces a failing choice tree while the failure stays the same.
///
/// It runs named passes over the tree until none helps or the budget of
/// oracle calls is spent:
/// - delete_elements:  remove runs of list elements (halves first, then
///                     smaller chunks), lowering the list's length decision;
/// - simplest_subtree: replace a node and everything beneath it by its
///                     simplest choice (top-down, so big cuts come first);
/// - lower_integers:   binary-search each decision toward its simplest value;
/// - lower_duplicates: lower decisions that share a value together, so a
///                     failure that needs equal values (x == y) still shrinks;
/// - redistribute:     move value from an integer to a later one of the same
///                     site, so a failure that needs a sum still shrinks;
/// - swap_elements:    swap adjacent list elements when that puts the
///                     simpler one first (which opens the way for the others);
/// - promote_descendant: replace a node by a descendant made by the same site
///                     (one level of recursion fewer).
///
/// A candidate is accepted only if the oracle says it still fails with the
/// same signature *and* the tree it actually ran is simpler (see
/// `simpler_than`), so shrinking always terminates.

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "testgen/choice_tree.h"

namespace testgen {

/// Replays `candidate`; returns the forced tree the run used if the failure
/// is still there with the same signature, nullopt otherwise.
using ShrinkOracle = std::function<std::optional<ChoiceTree>(const ChoiceTree& candidate)>;

struct ShrinkOptions {
  /// Maximum oracle calls.
  size_t max_calls = 5000;
  /// Wall-time limit in seconds (0: none); the best case so far is kept.
  double max_seconds = 0;
  /// The failing tree is the forced tree of a run that failed (a slice of
  /// a reduction going on): no call to check it again.
  bool start_verified = false;
  /// The pass the first round starts at (ShrinkResult::resume_at of the
  /// slice before), so a reduction done in slices does not begin every
  /// slice with the passes that already did their work.
  size_t first_pass = 0;
  /// Hashes (ChoiceTree::hash) of candidates that did not keep the failure,
  /// kept by the caller across slices: a slice that walks a pass again
  /// skips them without a call. Null: no memo.
  std::unordered_set<uint64_t>* rejected = nullptr;
  /// Checked with the budget before each call: true ends the reduction
  /// there, as a spent budget does (shrink_batched stops a pass of
  /// look-ahead with it).
  std::function<bool()> halt;
};

struct ShrinkPassStats {
  std::string pass;
  size_t attempts = 0;
  size_t successes = 0;
};

struct ShrinkResult {
  ChoiceTree tree;
  size_t calls = 0;
  bool budget_spent = false;
  /// One entry per pass, in the order of `shrink_passes()`.
  std::vector<ShrinkPassStats> passes;
  /// With the budget spent: the pass it stopped in (ShrinkOptions::first_pass
  /// of the next slice); 0 otherwise.
  size_t resume_at = 0;
  /// Oracle rounds: calls for shrink(), batches for shrink_batched().
  size_t rounds = 0;
};

/// Shrinks `failing` (a forced tree that fails).
ShrinkResult shrink(const ChoiceTree& failing, const ShrinkOracle& oracle, ShrinkOptions options = {});

/// Runs candidates together (one build of a program that holds them all):
/// one answer per candidate, in order, each as a ShrinkOracle's; or the
/// answers of a prefix (at least one), when the run ended at a failure.
using BatchShrinkOracle = std::function<std::vector<std::optional<ChoiceTree>>(std::span<const ChoiceTree> candidates)>;

/// The reduction shrink() makes, step for step, with the candidates asked
/// `lookahead` at a time. Each round looks ahead on the assumption that
/// candidates not yet asked do not fail; the first of them that does fail
/// is where shrink() would have gone, so it is taken and the rest of the
/// round is dropped (or, if it fails too, remembered). A target whose
/// runs have a high fixed cost pays it once per round instead of once per
/// candidate. `max_rounds` bounds the oracle rounds; options.max_calls
/// bounds the steps as it does for shrink() (so both stop at the same
/// tree); options.max_seconds is checked between rounds.
ShrinkResult shrink_batched(const ChoiceTree& failing, const BatchShrinkOracle& oracle, size_t lookahead,
                            size_t max_rounds, ShrinkOptions options = {});

/// The names of the passes, in the order they run.
std::span<const std::string_view> shrink_passes();

}  // namespace testgen
