// What BST and RBT share: lookup and in-order listing of a search tree whose
// nodes have left, key, value and right, and the sorted list of bindings
// that the model-based properties compare a tree with.
#pragma once

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

namespace pbt::search_tree {

template <class Node>
std::optional<int> find(int key, const Node* n) {
  while (n) {
    if (key < n->key) n = n->left.get();
    else if (key > n->key) n = n->right.get();
    else return n->value;
  }
  return std::nullopt;
}

template <class Node>
std::vector<std::pair<int, int>> to_list(const Node* root) {
  std::vector<std::pair<int, int>> out;
  std::vector<const Node*> stack;
  for (const Node* n = root; n || !stack.empty();) {
    if (n) {
      stack.push_back(n);
      n = n->left.get();
    } else {
      n = stack.back();
      stack.pop_back();
      out.emplace_back(n->key, n->value);
      n = n->right.get();
    }
  }
  return out;
}

/// The model: bindings sorted by key, one per key.
using Model = std::vector<std::pair<int, int>>;

inline Model model_delete(int k, Model m) {
  std::erase_if(m, [k](const auto& p) { return p.first == k; });
  return m;
}

inline Model model_insert(int k, int v, Model m) {
  m = model_delete(k, std::move(m));
  m.insert(std::lower_bound(m.begin(), m.end(), std::make_pair(k, v),
                            [](const auto& a, const auto& b) { return a.first < b.first; }),
           {k, v});
  return m;
}

}  // namespace pbt::search_tree
