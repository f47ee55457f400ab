#pragma once
/// \file
/// Novelty: never run the same forced tree twice, and know when a finite
/// space is used up.
///
/// For a deterministic target, the sequence of decisions a run draws
/// identifies its forced tree. The trie records those sequences. While a run
/// draws, the source asks whether a value leads into an *exhausted* subtree
/// (every continuation already run) and picks another; at the end of a run
/// the trie marks its leaf and propagates exhaustion upward. When the root is
/// exhausted, every possible forced tree has been run.
///
/// Past a decision with more than 2^20 options (which no search exhausts) a
/// run is tracked by a hash of the values it draws, not by trie nodes: one
/// node per run in flight instead of one per decision.
///
/// Memory is bounded by `max_nodes` (nodes, and runs past a wide decision);
/// past it the trie stops growing and novelty is no longer guaranteed
/// (reported by `saturated()`).

#include <cstdint>
#include <memory>
#include <unordered_set>
#include <utility>
#include <vector>

namespace testgen {

class NoveltyTrie {
 public:
  struct Node;

  explicit NoveltyTrie(size_t max_nodes = 4'000'000);
  ~NoveltyTrie();
  NoveltyTrie(const NoveltyTrie&) = delete;
  NoveltyTrie& operator=(const NoveltyTrie&) = delete;

  Node* root() { return root_.get(); }
  /// Whether choosing `value` at `at` leads into a fully explored subtree.
  bool exhausted(const Node* at, int64_t value) const;
  /// Follows (creating if needed) the edge for `value` at a decision with
  /// hi-lo+1 options. Returns nullptr once saturated; pass it on unchanged.
  Node* descend(Node* at, int64_t lo, int64_t hi, int64_t value);
  /// Ends a run at `at`. Returns false when an identical run was seen before.
  bool finish(Node* at);

  /// True once every forced tree of the space has been run.
  bool exhausted() const;
  bool saturated() const { return nodes_ >= max_nodes_; }
  size_t nodes() const { return nodes_; }

 private:
  void mark_exhausted(Node* node);
  Node* take_tail();
  void release_tail(Node* tail);

  size_t max_nodes_;
  std::vector<std::unique_ptr<Node>> tails_;
  std::vector<Node*> free_tails_;
  std::unordered_set<uint64_t> wide_runs_;
  size_t nodes_ = 1;
  std::unique_ptr<Node> root_;
};

}  // namespace testgen
