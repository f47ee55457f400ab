#pragma once
/// \file
/// Built-in puzzles: properties the engine must crack. They serve the demo,
/// the end-to-end tests and the ablation benchmark. Each reports coverage
/// features the way instrumentation would: which branches it reached and,
/// for comparisons, how close the operands came (a value profile in
/// log2 buckets, as libFuzzer's -use_value_profile does).

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "testgen/engine.h"

namespace testgen::puzzles {

struct Puzzle {
  std::string_view name;
  std::string_view summary;
  /// The shrunk counterexample, as `describe` prints it.
  std::string_view minimum;
  /// Size the puzzle's generators expect.
  int size;
  std::function<std::unique_ptr<Target>()> make;
};

/// Every puzzle, in the order `testgen puzzle --list` prints them.
const std::vector<Puzzle>& all();
/// The puzzle called `name`, or nullptr.
const Puzzle* find(std::string_view name);

/// The spec of puzzle `name`: {"puzzle", 1, {name: NAME}}.
TargetSpec puzzle_spec(std::string_view name);

/// A byte string as a C-like literal: printable ASCII as is, the rest as \xNN.
std::string render_bytes(const std::vector<int64_t>& bytes);

/// Feature "name:k" where k is the bit width of |a - b| (0 when equal).
Feature distance_feature(std::string_view name, int64_t a, int64_t b);

std::unique_ptr<Target> make_pair_42_43();
std::unique_ptr<Target> make_tree_sum();
std::unique_ptr<Target> make_equal_pair();
std::unique_ptr<Target> make_hi();
std::unique_ptr<Target> make_bytes_bug();

}  // namespace testgen::puzzles
