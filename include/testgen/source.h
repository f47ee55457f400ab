#pragma once
/// \file
/// A Source is one run of generators over a choice tree; a Cursor is a
/// position in that tree, handed to each generator.
///
/// Replay rule: when a generator decides at a node that already records a
/// decision of the same kind whose value lies in the requested range, the
/// recorded value is used. Otherwise the value is drawn fresh (from the
/// adaptive model if one is attached, avoiding exhausted paths if a novelty
/// trie is attached) or, with `Fill::kSimplest`, set to the simplest value;
/// either way it is recorded. Every node a generator touches is marked forced.
///
/// Example usage:
///     ChoiceTree tree;
///     Source source(tree, {.seed = 7});
///     auto xs = gen::list(gen::choose(0, 5), gen::choose(-9, 9))(source.root());
///     source.finish();
///     // tree now replays `xs` exactly: Source(tree, {}) gives the same list.

#include "testgen/errors.h"
#include <cstdint>
#include <span>
#include <vector>

#include "testgen/adaptive_model.h"
#include "testgen/choice_tree.h"
#include "testgen/novelty.h"
#include "testgen/rng.h"
#include "testgen/site.h"

namespace testgen {

/// How decisions missing from the tree are filled.
enum class Fill {
  kRandom,    ///< drawn at random (weighted by the model, if any)
  kSimplest,  ///< the simplest value of the range (used while shrinking)
};

struct SourceOptions {
  uint64_t seed = 0;
  /// Initial size for sized generators (quest's -s).
  int size = 2;
  Fill fill = Fill::kRandom;
  AdaptiveModel* model = nullptr;
  NoveltyTrie* novelty = nullptr;
};

class Cursor;

class Source {
 public:
  /// Clears the tree's forced marks; the tree must outlive the source.
  Source(ChoiceTree& tree, SourceOptions options);
  Source(const Source&) = delete;
  Source& operator=(const Source&) = delete;

  /// The cursor at the root of the tree.
  Cursor root();
  /// Ends the run. Returns false if the novelty trie saw this run before.
  bool finish();

  /// Decisions made so far, in draw order.
  std::span<const Decision> decisions() const { return decisions_; }
  /// Decisions drawn fresh (not replayed) so far.
  size_t fresh_draws() const { return fresh_; }
  ChoiceTree& tree() { return tree_; }
  const SourceOptions& options() const { return options_; }

 private:
  friend class Cursor;
  int64_t decide(ChoiceNode& node, const Site& site, ChoiceKind kind, int64_t lo, int64_t hi,
                 std::span<const double> weights);
  int64_t draw_fresh(const Site& site, int64_t lo, int64_t hi, std::span<const double> weights);
  bool avoid(int64_t value) const;

  ChoiceTree& tree_;
  SourceOptions options_;
  Rng rng_;
  NoveltyTrie::Node* trie_at_ = nullptr;
  std::vector<Decision> decisions_;
  std::vector<double> scratch_;
  size_t fresh_ = 0;
  size_t nodes_ = 0;  // nodes touched (kMaxTreeNodes)
  bool finished_ = false;
};

/// Bounds on one generated value, so that a generator without a base case
/// (or a size far too large) ends in a GenerationError naming it rather
/// than in a stack overflow or the kernel's out-of-memory killer.
inline constexpr uint32_t kMaxTreeDepth = 2000;
inline constexpr size_t kMaxTreeNodes = 2'000'000;

/// Where a generator runs: a node of the tree, the source, and the size.
class Cursor {
 public:
  Cursor(Source& source, ChoiceNode& node, int size, uint32_t depth = 0)
      : source_(&source), node_(&node), size_(size), depth_(depth) {}

  int size() const { return size_; }
  /// How many nodes lie above this one.
  uint32_t depth() const { return depth_; }
  /// The same node with another size (sized recursion).
  Cursor resized(int size) const { return Cursor(*source_, *node_, size, depth_); }
  /// The child at `slot`, created if missing; marks it forced.
  Cursor child(uint32_t slot) const;
  /// Records that a structural generator owns this node.
  void claim(const Site& site, ChoiceKind kind = ChoiceKind::kGroup) const;
  /// One decision at this node: a value in [lo, hi]. `weights`, if given,
  /// holds hi-lo+1 static weights (as for `freq`).
  int64_t decide(const Site& site, ChoiceKind kind, int64_t lo, int64_t hi,
                 std::span<const double> weights = {}) const;

  Source& source() const { return *source_; }
  ChoiceNode& node() const { return *node_; }

 private:
  void check_bounds(const Site& site) const;

  Source* source_;
  ChoiceNode* node_;
  int size_;
  uint32_t depth_;
};

/// A generator was misused or could not produce a value (e.g. a filter that
/// never passes). The message names the generator's site and suggests a fix.
class GenerationError : public Error {
 public:
  explicit GenerationError(const std::string& message) : Error(ErrorKind::kGenerator, message) {}
};

}  // namespace testgen
