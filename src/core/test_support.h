#pragma once
// Helpers shared by the core unit tests: run a generator on a tree.

#include "testgen/gen.h"

namespace testgen::testing {

/// Draws one value of `g` into `tree` (fresh where the tree has no decision).
template <class T>
T draw(const Gen<T>& g, ChoiceTree& tree, uint64_t seed = 1, int size = 3,
       Fill fill = Fill::kRandom) {
  Source source(tree, SourceOptions{.seed = seed, .size = size, .fill = fill});
  T value = g(source.root());
  source.finish();
  return value;
}

/// Replays `tree` (a copy) and returns the value.
template <class T>
T replay_value(const Gen<T>& g, const ChoiceTree& tree, int size = 3) {
  ChoiceTree copy = tree;
  return draw(g, copy, /*seed=*/999, size, Fill::kSimplest);
}

}  // namespace testgen::testing
