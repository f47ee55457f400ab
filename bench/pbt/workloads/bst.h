// ETNA's BST workload, written from its published description (Hughes, "How
// to Specify It!", as ETNA packages it): a persistent binary search tree of
// int keys and values with insert, delete and union, eight planted bugs
// ("mutants"), and the validity, postcondition, model-based and metamorphic
// properties that catch them.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pbt::bst {

struct Node;
using Tree = std::shared_ptr<const Node>;  // null: the empty tree
struct Node {
  Tree left;
  int key;
  int value;
  Tree right;
};

/// Which planted bug is active: "" for none, else a name of mutants().
void select_mutant(const std::string& name);
const std::vector<std::string>& mutants();

Tree leaf();
Tree node(Tree left, int key, int value, Tree right);
Tree insert(int key, int value, const Tree& t);
Tree remove(int key, const Tree& t);
Tree unite(const Tree& a, const Tree& b);
std::optional<int> find(int key, const Tree& t);
std::vector<std::pair<int, int>> to_list(const Tree& t);
bool is_bst(const Tree& t);
std::string show(const Tree& t);

/// The properties, by ETNA's names. Each returns false when it fails, and
/// nullopt when its precondition (valid input trees) does not hold.
using Verdict = std::optional<bool>;
struct Args {
  Tree t1, t2, t3;
  int k1 = 0, k2 = 0, v1 = 0, v2 = 0;
};
Verdict check(const std::string& property, const Args& a);
const std::vector<std::string>& properties();
/// What a property reads of Args: how many trees, keys and values, so that
/// the generators draw nothing else.
struct Needs {
  int trees, keys, values;
};
Needs needs(const std::string& property);

}  // namespace pbt::bst
