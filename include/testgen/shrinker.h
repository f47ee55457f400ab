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
};

/// Shrinks `failing` (a forced tree that fails).
ShrinkResult shrink(const ChoiceTree& failing, const ShrinkOracle& oracle, ShrinkOptions options = {});

/// The names of the passes, in the order they run.
std::span<const std::string_view> shrink_passes();

}  // namespace testgen
