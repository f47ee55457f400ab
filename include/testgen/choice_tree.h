#pragma once
/// \file
/// The choice tree: a generated value, described by the decisions that made it.
///
/// Each node records at most one decision (an integer in [lo, hi], an index
/// among options, or a boolean) and holds its children by *slot*: the i-th
/// element of a list, the k-th option of a `oneof`. Because children are
/// addressed by slot rather than by position in a flat stream, changing one
/// decision leaves its siblings where they were.
///
/// `forced` says whether the last run drew (or replayed) the node. A node the
/// run never reached keeps its recorded decision but carries no information;
/// `forced_only()` drops such nodes.
///
/// Example usage:
///     ChoiceTree tree;                       // empty: every decision is fresh
///     ... run a generator on it ...          // now it records the value
///     std::string json = tree.to_json();     // the reproducer
///     ChoiceTree again = ChoiceTree::from_json(json, "case/tree.json");

#include "testgen/errors.h"
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace testgen {

/// What a node is. Decisions carry a value; structural nodes only hold children.
enum class ChoiceKind : uint8_t {
  kEmpty,    ///< created but never claimed by a generator
  kGroup,    ///< structural: bind, concat, filter, lazy, ...
  kList,     ///< structural: slot 0 is the length, slots 1..n the elements
  kInteger,  ///< decision: an integer in [lo, hi]
  kIndex,    ///< decision: which of hi+1 options (lo is 0)
  kBool,     ///< decision: false (0) or true (1)
};

bool is_decision(ChoiceKind kind);
std::string_view kind_name(ChoiceKind kind);

/// The value a shrinker moves toward: 0 if the range holds it, else the bound nearer 0.
int64_t simplest_in(int64_t lo, int64_t hi);

struct ChoiceNode {
  uint64_t site = 0;
  ChoiceKind kind = ChoiceKind::kEmpty;
  int64_t lo = 0;
  int64_t hi = 0;
  int64_t value = 0;
  bool forced = false;
  /// Set while a run is in progress once a decision was made here, to catch
  /// two generators deciding at one node. Not serialised.
  bool decided = false;
  /// Children sorted by slot.
  std::vector<std::pair<uint32_t, std::unique_ptr<ChoiceNode>>> children;

  ChoiceNode* child(uint32_t slot) const;
  ChoiceNode& child_or_create(uint32_t slot);

  /// Nodes come and go by the thousand per run: a per-thread free list
  /// makes each allocation a pop instead of a trip through malloc.
  static void* operator new(std::size_t size);
  static void operator delete(void* node, std::size_t size) noexcept;
  void erase_child(uint32_t slot);
  /// Distance of the value from the simplest value of its range (0 for structure).
  uint64_t distance() const;
  std::unique_ptr<ChoiceNode> clone() const;
};

/// A node's address: the slots from the root down.
using NodePath = std::vector<uint32_t>;
std::string path_to_string(const NodePath& path);

class TreeFormatError : public InputError {
 public:
  using InputError::InputError;
};

class ChoiceTree {
 public:
  ChoiceTree();
  ChoiceTree(const ChoiceTree& other);
  ChoiceTree& operator=(const ChoiceTree& other);
  ChoiceTree(ChoiceTree&&) noexcept = default;
  ChoiceTree& operator=(ChoiceTree&&) noexcept = default;

  ChoiceNode& root() { return *root_; }
  const ChoiceNode& root() const { return *root_; }

  /// The node at `path`, or nullptr.
  ChoiceNode* find(const NodePath& path);
  const ChoiceNode* find(const NodePath& path) const;

  /// A copy keeping only the nodes the last run forced.
  ChoiceTree forced_only() const;
  /// Marks every node unforced (done at the start of a run).
  void clear_forced();
  /// Number of decision nodes (forced or not).
  size_t decision_count() const;
  /// Paths of decision nodes in preorder; only forced ones if `forced_only`.
  std::vector<NodePath> decision_paths(bool forced_only) const;
  /// Paths of every forced node (structural ones too), in preorder.
  std::vector<NodePath> forced_paths() const;

  /// Serialisation, versioned: {"format":"testgen-choice-tree","version":1,"root":{...}}.
  /// Integers beyond 2^53 are written as decimal strings so that JSON tools
  /// which read numbers as doubles cannot corrupt them.
  std::string to_json(int indent = -1) const;
  /// Parses `text`; errors name `origin` (a file name) and where it went wrong.
  static ChoiceTree from_json(std::string_view text, std::string_view origin);

  /// Canonical serialisation of the forced part: equal for equal forced trees.
  std::string canonical() const;
  /// Hash of `canonical()`.
  uint64_t hash() const;

  static constexpr int kFormatVersion = 1;

 private:
  static ChoiceTree from_json_unchecked(std::string_view text, std::string_view origin);
  std::unique_ptr<ChoiceNode> root_;
};

/// Total order used by the shrinker: fewer decisions first, then the
/// preorder sequence of distances from the simplest values, lexicographically.
/// Returns true when `a` is strictly simpler than `b`. Only forced nodes count.
bool simpler_than(const ChoiceTree& a, const ChoiceTree& b);

}  // namespace testgen
