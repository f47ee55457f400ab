// ETNA's RBT workload, written from its published description: a persistent
// red-black tree of int keys and values, insertion as Okasaki balances it and
// deletion as Kahrs does, fifteen planted bugs ("mutants"), and the validity,
// postcondition, model-based and metamorphic properties that catch them.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pbt::rbt {

enum class Color { kRed, kBlack };
struct Node;
using Tree = std::shared_ptr<const Node>;  // null: the empty tree (black)
struct Node {
  Color color;
  Tree left;
  int key;
  int value;
  Tree right;
};

/// Which planted bug is active: "" for none, else a name of mutants().
void select_mutant(const std::string& name);
const std::vector<std::string>& mutants();

Tree leaf();
Tree node(Color color, Tree left, int key, int value, Tree right);
Tree insert(int key, int value, const Tree& t);
Tree remove(int key, const Tree& t);
std::optional<int> find(int key, const Tree& t);
std::vector<std::pair<int, int>> to_list(const Tree& t);
/// Ordered keys, no red node with a red child, and the same number of black
/// nodes on every path from the root to a leaf.
bool is_rbt(const Tree& t);

/// The properties, by ETNA's names: false when it fails, nullopt when the
/// input tree is not a valid red-black tree (the precondition).
using Verdict = std::optional<bool>;
struct Args {
  Tree t;
  int k1 = 0, k2 = 0, v1 = 0, v2 = 0;
};
Verdict check(const std::string& property, const Args& a);
const std::vector<std::string>& properties();
/// How many keys and values a property reads (it always reads one tree).
struct Needs {
  int keys, values;
};
Needs needs(const std::string& property);

}  // namespace pbt::rbt
