#include "testgen/novelty.h"

#include <algorithm>

namespace testgen {

struct NoveltyTrie::Node {
  Node* parent = nullptr;
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
  if (!at) return false;
  const Node* child = at->find(value);
  return child && child->exhausted;
}

NoveltyTrie::Node* NoveltyTrie::descend(Node* at, int64_t lo, int64_t hi, int64_t value) {
  if (!at) return nullptr;
  const uint64_t span = static_cast<uint64_t>(hi) - static_cast<uint64_t>(lo);
  at->options = span == UINT64_MAX ? 0 : span + 1;
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

}  // namespace testgen
