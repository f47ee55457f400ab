#include "testgen/novelty.h"

#include <algorithm>

namespace testgen {
namespace {

uint64_t mix(uint64_t x) {
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// Decisions with more options than this are never exhausted in practice:
// past one, a run is tracked by a hash of its remaining values.
constexpr uint64_t kWideOptions = uint64_t{1} << 20;

}  // namespace

struct NoveltyTrie::Node {
  Node* parent = nullptr;
  // A tail stands for the rest of one run past a wide decision: the values
  // it draws are hashed into `hash` instead of growing the trie.
  bool tail = false;
  uint64_t hash = 0;
  uint64_t options = 0;  // 0 = unknown (no decision drawn here yet) or more than 2^64
  uint64_t exhausted_children = 0;
  bool leaf = false;     // a run ended here
  bool exhausted = false;
  std::vector<std::pair<int64_t, std::unique_ptr<Node>>> children;  // sorted by value

  Node* find(int64_t value) const {
    auto it = std::lower_bound(children.begin(), children.end(), value,
                               [](const auto& e, int64_t v) { return e.first < v; });
    return it != children.end() && it->first == value ? it->second.get() : nullptr;
  }
};

NoveltyTrie::NoveltyTrie(size_t max_nodes)
    : max_nodes_(max_nodes), root_(std::make_unique<Node>()) {}
NoveltyTrie::~NoveltyTrie() {
  // Tear down iteratively: a long run makes a deep chain that recursion would overflow.
  std::vector<std::unique_ptr<Node>> stack;
  stack.push_back(std::move(root_));
  while (!stack.empty()) {
    std::unique_ptr<Node> n = std::move(stack.back());
    stack.pop_back();
    for (auto& [v, c] : n->children) stack.push_back(std::move(c));
  }
}

bool NoveltyTrie::exhausted(const Node* at, int64_t value) const {
  if (!at || at->tail) return false;
  const Node* child = at->find(value);
  return child && child->exhausted;
}

NoveltyTrie::Node* NoveltyTrie::descend(Node* at, int64_t lo, int64_t hi, int64_t value) {
  if (!at) return nullptr;
  const uint64_t span = static_cast<uint64_t>(hi) - static_cast<uint64_t>(lo);
  if (at->tail) {
    at->hash = mix(at->hash ^ mix(static_cast<uint64_t>(value) + span));
    return at;
  }
  at->options = span == UINT64_MAX ? 0 : span + 1;
  if (span >= kWideOptions) {
    // A node per value of a 32-bit range would make the trie a copy of
    // every run (most of the engine's time went into growing and freeing
    // it); a tail costs one node per run in flight.
    Node* t = take_tail();
    t->parent = at;
    t->hash = mix(reinterpret_cast<uintptr_t>(at) ^ mix(static_cast<uint64_t>(value) + span));
    return t;
  }
  if (Node* child = at->find(value)) return child;
  if (saturated()) return nullptr;
  auto it = std::lower_bound(at->children.begin(), at->children.end(), value,
                             [](const auto& e, int64_t v) { return e.first < v; });
  auto node = std::make_unique<Node>();
  node->parent = at;
  ++nodes_;
  return at->children.emplace(it, value, std::move(node))->second.get();
}

bool NoveltyTrie::finish(Node* at) {
  if (!at) return true;  // saturated: cannot tell
  if (at->tail) {
    const uint64_t run = at->hash;
    release_tail(at);
    if (wide_runs_.size() >= max_nodes_) return true;  // saturated
    return wide_runs_.insert(run).second;
  }
  if (at->leaf) return false;
  at->leaf = true;
  mark_exhausted(at);
  return true;
}

void NoveltyTrie::mark_exhausted(Node* node) {
  while (node && !node->exhausted) {
    node->exhausted = true;
    Node* parent = node->parent;
    if (!parent) return;
    ++parent->exhausted_children;
    if (parent->options == 0 || parent->exhausted_children < parent->options) return;
    node = parent;
  }
}

bool NoveltyTrie::exhausted() const { return root_->exhausted; }

NoveltyTrie::Node* NoveltyTrie::take_tail() {
  if (free_tails_.empty()) {
    tails_.push_back(std::make_unique<Node>());
    tails_.back()->tail = true;
    return tails_.back().get();
  }
  Node* t = free_tails_.back();
  free_tails_.pop_back();
  return t;
}

void NoveltyTrie::release_tail(Node* t) { free_tails_.push_back(t); }

}  // namespace testgen
