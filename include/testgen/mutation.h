#pragma once
/// \file
/// Mutations: ways to make a "nearby" tree from a forced one.
///
/// Each operator changes one forced node and keeps everything else; the next
/// run replays the rest and draws whatever the change left missing. The
/// operators are registered in a table with printable names, so a case's
/// metadata says which ones produced it.

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "testgen/choice_tree.h"
#include "testgen/rng.h"

namespace testgen {

/// Re-draws the decision at `path` uniformly (a different value where the
/// range allows) and drops its subtree, so everything beneath is drawn fresh.
void redraw(ChoiceTree& tree, const NodePath& path, Rng& rng);
/// Moves the integer at `path` by a small random step (a power of two up to
/// 2^16, either direction), clamped to its range. Keeps the subtree.
void nudge(ChoiceTree& tree, const NodePath& path, Rng& rng);
/// Replaces a forced node of `into` by a copy of a forced node of `donor`
/// made by the same site. Returns false when the trees share no site.
bool splice(ChoiceTree& into, const ChoiceTree& donor, Rng& rng);

/// Joins two lists made by the same site: the first elements of a list in
/// `into` (all of them, or a prefix) followed by a run of elements of the
/// donor's list, within the list's length range. A parent that reached one
/// rare thing with its steps and a donor that reached another with its own
/// give a child that holds both sets of steps (AFL's splicing, at the
/// level of list elements). False when no list of `into` has a non-empty
/// counterpart in `donor`.
bool crossover(ChoiceTree& into, const ChoiceTree& donor, Rng& rng);

/// Lengthens the list at `path` by one element, keeping the elements it has;
/// the next run draws the new last element fresh. False when `path` is not a
/// list or its length is at its maximum. Stacking one more step on a parent
/// that already holds useful ones is how a search climbs: redrawing the
/// length would as often cut them off.
bool append_element(ChoiceTree& tree, const NodePath& path);

/// Sets the integer at `path` to a value the code under test compared its
/// inputs with (`hints`, from trace-cmp), or one next to it, within the
/// decision's range. False when `path` is no integer or no hint fits. A magic
/// number that random draws would hit once in 2^32 is one step away.
bool use_hint(ChoiceTree& tree, const NodePath& path, std::span<const int64_t> hints, Rng& rng);

/// One named mutation operator. `donor` may be null (then splice declines).
struct Mutator {
  std::string_view name;
  /// Applies the operator; returns a description ("redraw root.3.1") or nullopt if it could not apply.
  std::function<std::optional<std::string>(ChoiceTree&, const ChoiceTree* donor, Rng&)> apply;
};

/// The registered operators: redraw, nudge, splice, append.
std::span<const Mutator> mutators();
/// The crossover operator, for engines that add it to the table (EngineOptions::crossover).
const Mutator& crossover_mutator();

}  // namespace testgen
